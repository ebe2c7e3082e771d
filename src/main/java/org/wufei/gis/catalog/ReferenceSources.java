package org.wufei.gis.catalog;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The district's reference layers (townships, rivers), read-only, loaded from gis-data/ by the reference module. */
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

    private static Property text(String name, String zh, String en) {
        return new Property(name, name, Property.Type.STRING, List.of(), new LocalizedText(zh, en));
    }

    @Bean
    @Order(20)
    CollectionSource townships() {
        return new ReferenceSource("townships", new LocalizedText("乡镇（街道）", "Townships"),
                new LocalizedText("石拐区乡镇（街道）界线", "Township boundaries of the district"), "Polygon",
                new TableSpec("township", "id", "geom", List.of(text("code", "代码", "Code"),
                        text("name", "名称", "Name"), text("name_en", "英文名称", "English name")), null, List.of(),
                        null, null));
    }

    @Bean
    @Order(21)
    CollectionSource rivers() {
        return new ReferenceSource("rivers", new LocalizedText("河流", "Rivers"),
                new LocalizedText("石拐区主要河流与季节性河道", "Rivers and seasonal streams of the district"),
                "LineString",
                new TableSpec("river", "id", "geom", List.of(text("name", "名称", "Name"),
                        text("name_en", "英文名称", "English name"),
                        new Property("seasonal", "seasonal", Property.Type.BOOLEAN, List.of(),
                                new LocalizedText("季节性", "Seasonal")),
                        new Property("yellow_river_basin", "yellow_river_basin", Property.Type.STRING,
                                List.of("main_stem", "tributary"), new LocalizedText("黄河流域级别",
                                        "Yellow River basin level"))), null, List.of(), null, null));
    }
}
