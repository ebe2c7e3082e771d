package org.wufei.gis.detections;

import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.catalog.TableSpec;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.PublicProjection;
import org.wufei.gis.triage.Triage;

/**
 * The {@code detections} collection: imported remote-sensing and field results with their triage, read-only, for
 * the OGC API and the tiles. The triage result is also given as {@code status}, the property every tile feature
 * carries.
 */
@Component
@Order(10)
class DetectionSource implements CollectionSource {
    static final String ID = "detections";

    private final TableSpec table;
    private final LocalizedText title;
    private final LocalizedText description;
    private final boolean isPublic;

    DetectionSource(Labels labels, PublicProjection projection) {
        this.isPublic = projection.detections();
        this.title = text(labels, "detection.title");
        this.description = text(labels, "detection.description");
        this.table = new TableSpec("detection", "id", "geom", List.of(
                text("status", "triage", labels, "new", "known", "changed"),
                text("triage", "triage", labels, "new", "known", "changed"),
                number("batch_id", Property.Type.INTEGER, labels),
                text("source", "source", labels, "satellite", "drone", "inspection", "manual"),
                text("name", "name", labels),
                text("category", "category", labels),
                text("acquired", "acquired", labels),
                number("confidence", Property.Type.NUMBER, labels),
                number("area_m2", Property.Type.NUMBER, labels),
                text("note", "note", labels),
                number("matched_site_id", Property.Type.INTEGER, labels),
                flag("red_flag", labels),
                flag("repaired", labels),
                number("promoted_site_id", Property.Type.INTEGER, labels)),
                null, List.of(), null, null);
    }

    /** Detections show where someone reported or screened: signed-in users only, unless configured public. */
    @Override
    public CollectionSource publicView() {
        return isPublic ? this : null;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return title;
    }

    @Override
    public LocalizedText description() {
        return description;
    }

    @Override
    public String geometryType() {
        return "Geometry";
    }

    @Override
    public TableSpec table() {
        return table;
    }

    @Override
    public List<String> tileProperties() {
        return List.of("status", "source", "name", "confidence", "red_flag");
    }

    private static Property text(String name, String column, Labels labels, String... codes) {
        return new Property(name, column, Property.Type.STRING, List.of(codes), label(labels, name));
    }

    private static Property number(String name, Property.Type type, Labels labels) {
        return new Property(name, name, type, List.of(), label(labels, name));
    }

    private static Property flag(String name, Labels labels) {
        return new Property(name, name, Property.Type.BOOLEAN, List.of(), label(labels, name));
    }

    private static LocalizedText label(Labels labels, String name) {
        return text(labels, "detection.attr." + name);
    }

    private static LocalizedText text(Labels labels, String key) {
        Map<String, String> l = labels.of(key, key);
        return new LocalizedText(l.get("zh"), l.get("en"));
    }
}
