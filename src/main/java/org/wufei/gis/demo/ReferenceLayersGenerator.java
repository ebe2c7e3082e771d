package org.wufei.gis.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.wufei.gis.common.District;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo district's villages (public village and gacha names of the district, invented positions inside their
 * township, invented population and cropland), a few sensitive areas and two roads; deterministic from the seed.
 */
final class ReferenceLayersGenerator {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Village names by township code; positions are invented. */
    private static final Map<String, List<String>> VILLAGES = Map.of(
            "SG01", List.of("石拐村", "后营盘村", "庙沟村"),
            "SG02", List.of("大发村", "东沟村", "阳坡村"),
            "SG03", List.of("大磁村", "河滩沟村", "西沟村"),
            "SG04", List.of("五当沟村", "前坝村", "后坝村"),
            "SG05", List.of("白狐沟村", "白菜沟村", "榆树沟村"),
            "SG06", List.of("大德恒村", "三岔口村", "红泥井村"),
            "SG07", List.of("五当召村", "国庆村", "爬榆树村", "阿善沟村"),
            "SG08", List.of("吉忽伦图嘎查", "绍卜亥嘎查", "乌兰不浪嘎查", "哈拉沁嘎查"));

    private final District district;
    private final DistrictShapes shapes;
    private final SplittableRandom rnd;

    ReferenceLayersGenerator(District district, DistrictShapes shapes) {
        this.district = district;
        this.shapes = shapes;
        this.rnd = new SplittableRandom(district.seed() + 3);
    }

    /** Villages with population, cropland (mu) and weight (the cropland: straw demand follows it). */
    List<ObjectNode> villages() {
        List<ObjectNode> out = new ArrayList<>();
        for (int i = 0; i < district.townships().size(); i++) {
            District.Township t = district.townships().get(i);
            List<String> names = VILLAGES.getOrDefault(t.code(), List.of());
            for (int v = 0; v < names.size(); v++) {
                Point p = pointIn(shapes.townships.get(i));
                int population = 300 + rnd.nextInt(2200);
                double cropland = Math.round(500 + rnd.nextDouble() * 7500);
                ObjectNode props = JSON.createObjectNode().put("code", t.code() + "V" + String.format("%02d", v + 1))
                        .put("name", names.get(v)).put("township", t.name()).put("population", population)
                        .put("cropland_mu", cropland).put("weight", cropland);
                out.add(DemoDataGenerator.feature(props, p));
            }
        }
        return out;
    }

    /** 五当召 scenic area, a drinking-water source near the seat, basic farmland in the north-west. */
    List<ObjectNode> sensitiveAreas() {
        List<ObjectNode> out = new ArrayList<>();
        out.add(area("五当召 A级景区", "scenic_area", "high", anchor("SG07", -0.02, 0.01), 1_500));
        double[] seat = district.seat();
        out.add(area("石拐区饮用水水源保护区", "drinking_water_source", "high",
                new Coordinate(seat[0] + 0.03, seat[1] + 0.02), 1_000));
        out.add(area("吉忽伦图基本农田", "basic_farmland", "medium", anchor("SG08", 0.01, -0.01), 2_500));
        return out;
    }

    List<ObjectNode> roads() {
        double[] seat = district.seat();
        Coordinate s = new Coordinate(seat[0], seat[1]);
        return List.of(
                road("S211 省道", "provincial", s, anchor("SG07", 0, 0)),
                road("石吉公路", "county", s, anchor("SG08", 0, 0)));
    }

    private Coordinate anchor(String code, double dLon, double dLat) {
        District.Township t = district.townships().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow();
        return new Coordinate(t.anchor()[0] + dLon, t.anchor()[1] + dLat);
    }

    private ObjectNode area(String name, String category, String sensitivity, Coordinate centre, double radiusM) {
        int n = 24;
        Coordinate[] ring = new Coordinate[n + 1];
        double dLat = radiusM / 111_320.0;
        double dLon = dLat / Math.cos(Math.toRadians(centre.y));
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 0.8 + 0.2 * rnd.nextDouble();
            ring[i] = DistrictShapes.round(new Coordinate(centre.x + Math.cos(a) * dLon * r,
                    centre.y + Math.sin(a) * dLat * r));
        }
        ring[n] = ring[0];
        ObjectNode p = JSON.createObjectNode().put("name", name).put("category", category)
                .put("sensitivity", sensitivity);
        return DemoDataGenerator.feature(p, DistrictShapes.GF.createPolygon(ring));
    }

    private ObjectNode road(String name, String grade, Coordinate from, Coordinate to) {
        int n = 12;
        Coordinate[] line = new Coordinate[n + 1];
        for (int i = 0; i <= n; i++) {
            double f = (double) i / n;
            double wiggle = i == 0 || i == n ? 0 : (rnd.nextDouble() - 0.5) * 0.01;
            line[i] = DistrictShapes.round(new Coordinate(from.x + (to.x - from.x) * f + wiggle,
                    from.y + (to.y - from.y) * f - wiggle));
        }
        ObjectNode p = JSON.createObjectNode().put("name", name).put("grade", grade);
        return DemoDataGenerator.feature(p, DistrictShapes.GF.createLineString(line));
    }

    private Point pointIn(Geometry township) {
        Envelope e = township.getEnvelopeInternal();
        Geometry inner = township.buffer(-0.005);
        for (int tries = 0; tries < 1000; tries++) {
            Point p = DistrictShapes.GF.createPoint(DistrictShapes.round(new Coordinate(
                    e.getMinX() + rnd.nextDouble() * e.getWidth(), e.getMinY() + rnd.nextDouble() * e.getHeight())));
            if (inner.contains(p)) {
                return p;
            }
        }
        return township.getInteriorPoint();
    }
}
