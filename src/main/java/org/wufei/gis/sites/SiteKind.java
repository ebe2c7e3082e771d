package org.wufei.gis.sites;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of managed site, as its definition file under {@code gis-data/kinds/} says (see docs/kinds.md):
 * nothing in the code names a kind. Instances come from the {@link KindRegistry}; two kinds are equal by id.
 *
 * @param id the value of the site.kind column and of the API
 * @param labels {"zh": …, "en": …}
 * @param collectionId the OGC API collection that serves this kind
 * @param codeAbbreviation the kind part of generated site codes ({prefix}-{abbreviation}-{n})
 * @param geometries the geometry types a site of this kind may have: "point", "polygon" or both
 * @param evidence per evidence type the lifecycle may ask for, {"zh": …, "en": …}
 * @param statusLabels per lifecycle status, {"zh": …, "en": …, "colour": "#rrggbb" (optional), "closed": "true" for
 *        a status that ends the work even where a reopening edge leaves it (optional)}
 * @param symbol the map symbol: the kind's colour (#rrggbb) and marker shape (circle, square, triangle, diamond,
 *        hexagon); statuses may carry their own colour
 * @param checklist the inspection form's checklist items, code → {"zh": …, "en": …}
 * @param popup the attributes the map's popup and detail panel show first
 * @param tileProperties the properties vector tiles carry
 * @param demoCount how many sites of this kind the demo district gets
 * @param source the file the definition was read from
 */
public record SiteKind(String id, Map<String, String> labels, String collectionId, String codeAbbreviation,
        Set<String> geometries, List<AttributeDef> attributes, List<Transition> transitions,
        Map<String, Map<String, String>> statusLabels, Map<String, Map<String, String>> evidence, Symbol symbol,
        Map<String, Map<String, String>> checklist, List<String> popup, List<String> tileProperties, int demoCount, Path source) {

    /** How the kind is drawn: a fill/marker colour and a shape. */
    public record Symbol(String colour, String shape) {
    }

    public SiteKind {
        attributes = List.copyOf(attributes);
        transitions = List.copyOf(transitions);
        geometries = Set.copyOf(geometries);
    }

    /** Areas (polygon allowed) are drawn and served as polygons; point-only kinds as points. */
    public boolean polygonal() {
        return geometries.contains("polygon");
    }

    public boolean allows(String geometryType) {
        return geometries.contains(geometryType);
    }

    public Optional<AttributeDef> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * Whether a status ends the site's work: marked {@code closed: true} in the definition (it may still have a
     * reopening edge, 反弹/回头看), or without any edge out of it.
     */
    public boolean isClosed(String status) {
        Map<String, String> s = statusLabels.get(status);
        return s != null && "true".equals(s.get("closed")) || lifecycle().from(status).isEmpty();
    }

    public Lifecycle lifecycle() {
        return new Lifecycle(this, transitions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteKind k && k.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
