package org.wufei.gis.sites.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.LayerSymbol;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.catalog.TableSpec;
import org.wufei.gis.common.DatabaseKind;
import org.wufei.gis.common.Labels;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.AttributeSql;
import org.wufei.gis.sites.SiteKind;

/**
 * The managed sites of one kind: the common site columns joined to the kind's side table, deleted sites left out.
 * Queryables come from the kind definition and the kind's lifecycle states.
 */
final class SiteCollectionSource implements CollectionSource {
    private final SiteKind kind;
    private final LocalizedText title;
    private final LocalizedText description;
    private final TableSpec table;
    private final SiteCollectionSource publicView;

    /** @param publicAttributes the kind's attributes anonymous readers may see (properties, queryables, filters) */
    SiteCollectionSource(SiteKind kind, List<String> statuses, List<String> townships, Labels labels,
            String districtZh, String districtEn, Set<String> publicAttributes, DatabaseKind database) {
        this.kind = kind;
        Map<String, String> name = labels.of(kind.id(), "kind." + kind.id());
        this.title = new LocalizedText(name.get("zh"), name.get("en"));
        Map<String, String> d = labels.format("collection.site.description", new Object[] {districtZh, title.zh()},
                new Object[] {districtEn, title.en()});
        this.description = new LocalizedText(d.get("zh"), d.get("en"));
        List<Property> props = new ArrayList<>();
        props.add(common("code", Property.Type.STRING, List.of(), labels));
        props.add(common("name", Property.Type.STRING, List.of(), labels));
        props.add(common("kind", Property.Type.STRING, List.of(kind.id()), labels));
        props.add(common("status", Property.Type.STRING, statuses, labels));
        props.add(common("township", Property.Type.STRING, townships, labels));
        props.add(common("area_m2", Property.Type.NUMBER, List.of(), labels));
        props.add(common("updated_at", Property.Type.TIMESTAMP, List.of(), labels));
        for (AttributeDef def : kind.attributes()) {
            Map<String, String> l = labels.of(def.name(), "attr." + def.name());
            props.add(new Property(def.name(), AttributeSql.column(database, def), type(def.type()), def.allowed(),
                    new LocalizedText(l.get("zh"), l.get("en"))));
        }
        // One table for every kind: attributes are read (and filtered) from the JSON column in SQL.
        this.table = new TableSpec("site s", "s.id", "s.geom",
                props, "s.kind = ? AND s.deleted_at IS NULL", List.of(kind.id()), "s.updated_at", "s.version");
        Set<String> kindAttributes = kind.attributes().stream().map(AttributeDef::name).collect(Collectors.toSet());
        List<Property> publicProps = props.stream()
                .filter(p -> !kindAttributes.contains(p.name()) || publicAttributes.contains(p.name())).toList();
        this.publicView = publicProps.size() == props.size() ? this : new SiteCollectionSource(this, publicProps);
    }

    /** The same collection with fewer properties: what anonymous readers see. */
    private SiteCollectionSource(SiteCollectionSource full, List<Property> props) {
        this.kind = full.kind;
        this.title = full.title;
        this.description = full.description;
        TableSpec t = full.table;
        this.table = new TableSpec(t.fromSql(), t.idColumn(), t.geometryColumn(), props, t.fixedWhere(),
                t.fixedParams(), t.temporalColumn(), t.versionColumn());
        this.publicView = this;
    }

    @Override
    public CollectionSource publicView() {
        return publicView;
    }

    private static Property common(String name, Property.Type type, List<String> enums, Labels labels) {
        Map<String, String> l = labels.of(name, "attr." + name, "field." + name);
        return new Property(name, "s." + name, type, enums, new LocalizedText(l.get("zh"), l.get("en")));
    }

    private static Property.Type type(AttributeDef.Type t) {
        return switch (t) {
            case STRING, STRING_LIST -> Property.Type.STRING;
            case NUMBER -> Property.Type.NUMBER;
            case INTEGER -> Property.Type.INTEGER;
            case BOOLEAN -> Property.Type.BOOLEAN;
        };
    }

    SiteKind kind() {
        return kind;
    }

    @Override
    public String id() {
        return kind.collectionId();
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
        if (kind.allows("polygon") && kind.allows("point")) {
            return "Geometry";
        }
        return kind.polygonal() ? "Polygon" : "Point";
    }

    @Override
    public TableSpec table() {
        return table;
    }

    @Override
    public LayerSymbol symbol() {
        Map<String, String> colours = new java.util.LinkedHashMap<>();
        kind.statusLabels().forEach((status, l) -> colours.put(status, l.getOrDefault("colour",
                kind.symbol().colour())));
        return new LayerSymbol(kind.symbol().colour(), kind.symbol().shape(), kind.allows("polygon"),
                kind.allows("point"), "status", colours);
    }

    @Override
    public List<String> tileProperties() {
        return kind.tileProperties();
    }

    @Override
    public boolean siteCollection() {
        return true;
    }

    @Override
    public boolean writable() {
        return true;
    }
}
