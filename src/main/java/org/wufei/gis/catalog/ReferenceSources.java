package org.wufei.gis.catalog;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The district's reference layers (townships, rivers, villages, sensitive areas, roads), read-only, loaded from gis-data/ by the reference module. */
@Configuration
class ReferenceSources {

    /** A read-only layer over one reference table. */
    record ReferenceSource(String id, LocalizedText title, LocalizedText description, String geometryType,
            TableSpec table) implements CollectionSource {

        @Override
        public List<String> tileProperties() {
            return table.properties().stream().map(Property::name).toList();
        }
    }

    // Labels live in the i18n bundles as reference.<layer>.property.<name>.
    private static Property text(String layer, String name) {
        return new Property(name, name, Property.Type.STRING, List.of(), label(layer, name));
    }

    private static LocalizedText label(String layer, String name) {
        return LocalizedText.of("reference." + layer + ".property." + name);
    }

    @Bean
    @Order(20)
    CollectionSource townships() {
        return new ReferenceSource("townships", LocalizedText.of("reference.townships.title"),
                LocalizedText.of("reference.townships.description"), "Polygon",
                new TableSpec("township", "id", "geom", List.of(text("townships", "code"),
                        text("townships", "name"), text("townships", "name_en")), null, List.of(),
                        null, null));
    }

    @Bean
    @Order(21)
    CollectionSource rivers() {
        return new ReferenceSource("rivers", LocalizedText.of("reference.rivers.title"),
                LocalizedText.of("reference.rivers.description"),
                "LineString",
                new TableSpec("river", "id", "geom", List.of(text("rivers", "name"),
                        text("rivers", "name_en"),
                        new Property("seasonal", "seasonal", Property.Type.BOOLEAN, List.of(),
                                LocalizedText.of("reference.rivers.property.seasonal")),
                        new Property("yellow_river_basin", "yellow_river_basin", Property.Type.STRING,
                                List.of("main_stem", "tributary"),
                                LocalizedText.of("reference.rivers.property.yellow_river_basin"))),
                        null, List.of(), null, null));
    }

    private static Property number(String layer, String name, Property.Type type) {
        return new Property(name, name, type, List.of(), label(layer, name));
    }

    @Bean
    @Order(22)
    CollectionSource villages() {
        return new ReferenceSource("villages", LocalizedText.of("reference.villages.title"),
                LocalizedText.of("reference.villages.description"),
                "Point", new TableSpec("village", "id", "geom", List.of(text("villages", "code"),
                        text("villages", "name"), text("villages", "township"),
                        number("villages", "population", Property.Type.INTEGER),
                        number("villages", "cropland_mu", Property.Type.NUMBER),
                        number("villages", "weight", Property.Type.NUMBER)),
                        null, List.of(), null, null));
    }

    @Bean
    @Order(23)
    CollectionSource sensitiveAreas() {
        return new ReferenceSource("sensitive_areas", LocalizedText.of("reference.sensitive_areas.title"),
                LocalizedText.of("reference.sensitive_areas.description"),
                "Polygon", new TableSpec("sensitive_area", "id", "geom", List.of(text("sensitive_areas", "name"),
                        new Property("category", "category", Property.Type.STRING, List.of("nature_reserve",
                                "drinking_water_source", "basic_farmland", "scenic_area", "other"),
                                LocalizedText.of("reference.sensitive_areas.property.category")),
                        new Property("sensitivity", "sensitivity", Property.Type.STRING,
                                List.of("high", "medium", "low"),
                                LocalizedText.of("reference.sensitive_areas.property.sensitivity"))),
                        null, List.of(), null, null));
    }

    @Bean
    @Order(24)
    CollectionSource roads() {
        return new ReferenceSource("roads", LocalizedText.of("reference.roads.title"),
                LocalizedText.of("reference.roads.description"), "LineString",
                new TableSpec("road", "id", "geom", List.of(text("roads", "name"),
                        text("roads", "grade")), null, List.of(), null, null));
    }
}
