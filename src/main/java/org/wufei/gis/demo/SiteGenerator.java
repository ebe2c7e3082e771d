package org.wufei.gis.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.wufei.gis.common.District;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.SiteKind;

/**
 * Makes plausible synthetic sites inside a district: places, shapes, invented names and typed attributes from the
 * kind's definition. The five original kinds keep their own flavour (names, sizes, places) so the demo stays the
 * same bytes; any other kind gets generic names and sizes.
 */
final class SiteGenerator {
    private static final String HEAP = "waste_heap";
    private static final String POND = "tailings_pond";
    private static final String MINE = "green_mine";
    private static final String STRAW = "straw_collection_point";
    private static final String RECYCLING = "recycling_site";
    private static final String[] FIRM = {"宏达", "鑫源", "华晟", "恒泰", "金石", "瑞丰", "兴盛", "万通", "聚鑫", "富源",
        "德润", "昊天"};
    private static final String[] SURNAME = {"王", "李", "张", "刘", "陈", "杨", "赵", "郝", "高", "贾", "白", "乔", "孟",
        "武", "段", "霍"};
    private static final String[] VILLAGE = {"家营子", "家沟", "家窑", "圪旦", "梁村", "湾村"};

    private final District district;
    private final DistrictShapes shapes;
    private final PreparedGeometry outline;
    private final List<PreparedGeometry> townships;
    private final SplittableRandom rnd;
    private final double metresPerDegLat = 111_320;
    private final double metresPerDegLon;

    SiteGenerator(District district, DistrictShapes shapes, long seed) {
        this.district = district;
        this.shapes = shapes;
        this.outline = PreparedGeometryFactory.prepare(shapes.outline);
        this.townships = shapes.townships.stream().map(PreparedGeometryFactory::prepare).toList();
        this.rnd = new SplittableRandom(seed);
        this.metresPerDegLon = metresPerDegLat * Math.cos(Math.toRadians(district.seat()[1]));
    }

    String code(SiteKind kind, int seq) {
        return district.codePrefix() + "-" + kind.codeAbbreviation() + "-" + String.format("%04d", seq);
    }

    GeneratedSite next(SiteKind kind, int seq, String status) {
        Coordinate centre = place(kind);
        String township = townshipOf(centre);
        Geometry geom = kind.polygonal() ? blob(centre, radius(kind)) : DistrictShapes.GF.createPoint(centre);
        Map<String, Object> attrs = attributes(kind, geom);
        return new GeneratedSite(kind, code(kind, seq), name(kind, seq, township, attrs), status, township, geom,
                attrs, List.of());
    }

    /** Where a kind tends to be: recycling near the seat, a third of the heaps beside a gully, the rest anywhere. */
    private Coordinate place(SiteKind kind) {
        while (true) {
            Coordinate c;
            if (RECYCLING.equals(kind.id()) && rnd.nextDouble() < 0.7) {
                c = new Coordinate(district.seat()[0] + gauss() * 0.03, district.seat()[1] + gauss() * 0.02);
            } else if (HEAP.equals(kind.id()) && rnd.nextDouble() < 0.33 && !shapes.rivers.isEmpty()) {
                var river = shapes.rivers.get(rnd.nextInt(shapes.rivers.size()));
                Coordinate on = river.getCoordinateN(rnd.nextInt(river.getNumPoints()));
                double offset = (rnd.nextDouble() - 0.5) * 2 * 600;
                c = new Coordinate(on.x + offset / metresPerDegLon, on.y + (rnd.nextDouble() - 0.5) * 0.002);
            } else {
                Envelope e = shapes.outline.getEnvelopeInternal();
                c = new Coordinate(e.getMinX() + rnd.nextDouble() * e.getWidth(),
                        e.getMinY() + rnd.nextDouble() * e.getHeight());
            }
            c = DistrictShapes.round(c);
            Point p = DistrictShapes.GF.createPoint(c);
            if (outline.contains(p)) {
                return c;
            }
        }
    }

    private double radius(SiteKind kind) {
        return switch (kind.id()) {
            case HEAP -> 25 + rnd.nextDouble() * 120;
            case POND -> 180 + rnd.nextDouble() * 250;
            case MINE -> 400 + rnd.nextDouble() * 700;
            default -> 50 + rnd.nextDouble() * 150;
        };
    }

    /** A star-shaped polygon (so always valid) of roughly this radius in metres. */
    private Geometry blob(Coordinate centre, double radiusM) {
        int n = 7 + rnd.nextInt(6);
        Coordinate[] ring = new Coordinate[n + 1];
        double start = rnd.nextDouble() * Math.PI;
        for (int i = 0; i < n; i++) {
            double a = start + 2 * Math.PI * i / n;
            double r = radiusM * (0.65 + 0.35 * rnd.nextDouble());
            ring[i] = DistrictShapes.round(new Coordinate(centre.x + Math.cos(a) * r / metresPerDegLon,
                    centre.y + Math.sin(a) * r / metresPerDegLat));
        }
        ring[n] = ring[0];
        return DistrictShapes.GF.createPolygon(ring);
    }

    String townshipOf(Coordinate c) {
        Point p = DistrictShapes.GF.createPoint(c);
        for (int i = 0; i < townships.size(); i++) {
            if (townships.get(i).covers(p)) {
                return district.townships().get(i).name();
            }
        }
        return null;
    }

    private Map<String, Object> attributes(SiteKind kind, Geometry geom) {
        Map<String, Object> a = new LinkedHashMap<>();
        for (AttributeDef def : kind.attributes()) {
            Object v = switch (def.type()) {
                case STRING -> def.isEnumerated() ? pick(def.allowed()) : text(kind, def.name());
                case NUMBER -> number(kind, def.name(), geom);
                case INTEGER -> 1 + rnd.nextInt(5);
                case BOOLEAN -> rnd.nextDouble() < 0.3;
                case STRING_LIST -> list(def);
            };
            a.put(def.name(), v);
        }
        if (Boolean.TRUE.equals(a.get("ownerless")) && a.containsKey("responsible_party")) {
            a.put("responsible_party", null);
        }
        return a;
    }

    private Object text(SiteKind kind, String name) {
        return switch (name) {
            case "licence_no" -> "C1502052" + (100000 + rnd.nextInt(900000));
            case "mine_name" -> null;
            case "responsible_party", "enterprise" -> firm(kind);
            case "operator" -> firm(kind);
            default -> null;
        };
    }

    private String firm(SiteKind kind) {
        String suffix = switch (kind.id()) {
            case HEAP -> rnd.nextBoolean() ? "冶金有限公司" : "建材有限公司";
            case POND, MINE -> rnd.nextBoolean() ? "矿业有限公司" : "煤业有限责任公司";
            case STRAW -> "农业科技有限公司";
            case RECYCLING -> "再生资源有限公司";
            default -> "环境服务有限公司";
        };
        return "包头" + FIRM[rnd.nextInt(FIRM.length)] + suffix;
    }

    private Double number(SiteKind kind, String name, Geometry geom) {
        double areaM2 = geom.getArea() * metresPerDegLat * metresPerDegLon;
        double v = switch (name) {
            case "volume_m3" -> areaM2 * (1 + rnd.nextDouble() * 6);
            case "design_capacity_10k_m3" -> 20 + rnd.nextDouble() * 300;
            case "current_volume_10k_m3" -> 5 + rnd.nextDouble() * 150;
            case "dam_height_m" -> 8 + rnd.nextDouble() * 50;
            case "mining_right_area_m2" -> areaM2 * (1.2 + rnd.nextDouble());
            case "restoration_area_m2" -> areaM2 * rnd.nextDouble() * 0.8;
            case "capacity_t_per_year" -> STRAW.equals(kind.id())
                    ? 500 + rnd.nextInt(20) * 500 : 200 + rnd.nextInt(50) * 100;
            default -> rnd.nextDouble() * 100;
        };
        return Math.round(v * 10) / 10.0;
    }

    private List<String> list(AttributeDef def) {
        List<String> out = new ArrayList<>();
        if (def.isEnumerated()) {
            for (String s : def.allowed()) {
                if (rnd.nextDouble() < 0.4) {
                    out.add(s);
                }
            }
            if (out.isEmpty()) {
                out.add(def.allowed().get(0));
            }
        } else {
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                String v = village();
                if (!out.contains(v)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    String village() {
        return SURNAME[rnd.nextInt(SURNAME.length)] + VILLAGE[rnd.nextInt(VILLAGE.length)];
    }

    private String name(SiteKind kind, int seq, String township, Map<String, Object> attrs) {
        String place = township == null ? district.name() : township;
        return switch (kind.id()) {
            case HEAP -> place + CategoryNames.of((String) attrs.get("category")) + seq + "号";
            case POND -> ((String) attrs.get("enterprise")).replace("有限公司", "").replace("有限责任公司", "")
                    + "尾矿库";
            case MINE -> {
                String name = seq == 1 ? "凯越煤矿" : seq == 2 ? "凯通煤矿"
                        : FIRM[(seq * 7) % FIRM.length] + ("coal".equals(attrs.get("mineral")) ? "煤矿" : "矿");
                attrs.put("mine_name", name);
                if (seq <= 2) {
                    attrs.put("mineral", "coal");
                }
                yield name;
            }
            case STRAW -> place + village() + "秸秆收储点";
            case RECYCLING -> place + "再生资源回收点" + seq + "号";
            default -> place + kind.labels().get("zh") + seq + "号";
        };
    }

    private String pick(List<String> values) {
        return values.get(rnd.nextInt(values.size()));
    }

    private double gauss() {
        // Box-Muller on the seeded generator keeps the output deterministic.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Chinese short names of the heap categories, for generated site names. */
    static final class CategoryNames {
        private static final Map<String, String> NAMES = Map.ofEntries(
                Map.entry("smelting_slag", "冶炼渣堆场"), Map.entry("coal_combustion", "燃煤产物堆场"),
                Map.entry("desulfurization_gypsum", "脱硫石膏堆场"), Map.entry("coal_gangue", "煤矸石堆场"),
                Map.entry("tailings_slag", "尾矿渣堆场"), Map.entry("other_industrial", "工业固废堆场"),
                Map.entry("coal_yard", "煤炭料场"), Map.entry("iron_concentrate", "精铁粉料堆"),
                Map.entry("construction_waste", "建筑垃圾堆点"), Map.entry("domestic_waste", "生活垃圾堆点"),
                Map.entry("damaged_land", "被破坏场地"));

        private CategoryNames() {
        }

        static String of(String category) {
            return NAMES.getOrDefault(category, "堆场");
        }
    }
}
