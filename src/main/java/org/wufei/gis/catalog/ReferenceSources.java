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

    private static Property number(String name, Property.Type type, String zh, String en) {
        return new Property(name, name, type, List.of(), new LocalizedText(zh, en));
    }

    @Bean
    @Order(22)
    CollectionSource villages() {
        return new ReferenceSource("villages", new LocalizedText("行政村（嘎查）", "Villages"),
                new LocalizedText("行政村（嘎查）位置及人口、耕地权重", "Villages with population and cropland weight"),
                "Point", new TableSpec("village", "id", "geom", List.of(text("code", "代码", "Code"),
                        text("name", "名称", "Name"), text("township", "乡镇", "Township"),
                        number("population", Property.Type.INTEGER, "人口", "Population"),
                        number("cropland_mu", Property.Type.NUMBER, "耕地（亩）", "Cropland (mu)"),
                        number("weight", Property.Type.NUMBER, "需求权重", "Demand weight")),
                        null, List.of(), null, null));
    }

    @Bean
    @Order(23)
    CollectionSource sensitiveAreas() {
        return new ReferenceSource("sensitive_areas", new LocalizedText("环境敏感区", "Sensitive areas"),
                new LocalizedText("自然保护区、饮用水水源保护区、基本农田、A级景区等",
                        "Nature reserves, drinking-water sources, basic farmland, scenic areas"),
                "Polygon", new TableSpec("sensitive_area", "id", "geom", List.of(text("name", "名称", "Name"),
                        new Property("category", "category", Property.Type.STRING, List.of("nature_reserve",
                                "drinking_water_source", "basic_farmland", "scenic_area", "other"),
                                new LocalizedText("类别", "Category")),
                        new Property("sensitivity", "sensitivity", Property.Type.STRING,
                                List.of("high", "medium", "low"), new LocalizedText("敏感程度", "Sensitivity"))),
                        null, List.of(), null, null));
    }

    @Bean
    @Order(24)
    CollectionSource roads() {
        return new ReferenceSource("roads", new LocalizedText("道路", "Roads"),
                new LocalizedText("主要道路", "Main roads"), "LineString",
                new TableSpec("road", "id", "geom", List.of(text("name", "名称", "Name"),
                        text("grade", "等级", "Grade")), null, List.of(), null, null));
    }
}
