package org.wufei.gis.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sample screening round for the demo district, made from its waste heaps (deterministic: same sites, same
 * bytes): a satellite batch of polygons — heaps seen again (known), grown (changed), closed heaps back (changed, red
 * flag) and new ones — and a later drone batch that reports some of the satellite's new finds again as points or a
 * polygon (duplicates in the queue), one known heap and a few finds of its own. Written to gis-data/screening/.
 * Run: {@code ./mvnw -q exec:java -Dexec.mainClass=org.wufei.gis.demo.ScreeningRound -Dexec.args=gis-data}
 */
public final class ScreeningRound {
    public static final String SATELLITE = "screening/2026-09-satellite.geojson";
    public static final String DRONE = "screening/2026-10-drone.geojson";
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double M = 1 / 111_320.0;

    private record Heap(String code, String status, Geometry geometry) {
    }

    private ScreeningRound() {
    }

    public static void main(String[] args) throws IOException {
        writeTo(Path.of(args.length > 0 ? args[0] : "gis-data"));
    }

    public static void writeTo(Path dir) throws IOException {
        List<Heap> heaps = heaps(dir.resolve("sites.geojson"));
        List<Geometry> all = heaps.stream().map(Heap::geometry).toList();
        List<Heap> open = heaps.stream().filter(h -> !h.status().equals("closed") && !h.status().equals("dismissed"))
                .toList();
        Random random = new Random(20_261_001L);
        List<String> satellite = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            satellite.add(feature("卫星图斑 已知 " + (i + 1), "其他工业固废堆场", shift(open.get(i).geometry(), 3, 2),
                    0.9, "2026-09-15"));
        }
        for (int i = 6; i < 10; i++) {
            Geometry g = open.get(i).geometry();
            Coordinate c = g.getCentroid().getCoordinate();
            satellite.add(feature("卫星图斑 面积变化 " + (i - 5), "其他工业固废堆场",
                    AffineTransformation.scaleInstance(1.6, 1.6, c.x, c.y).transform(g), 0.85, "2026-09-15"));
        }
        heaps.stream().filter(h -> h.status().equals("closed")).limit(2).forEach(h -> satellite.add(feature(
                "卫星图斑 已销号点位复现", "煤矸石堆场", shift(h.geometry(), 2, -2), 0.8, "2026-09-15")));
        List<Geometry> found = new ArrayList<>();
        for (int i = 20; found.size() < 8; i++) {
            Geometry g = near(open.get(i).geometry(), 260, 50 + random.nextInt(30), all, found);
            if (g != null) {
                found.add(g);
                satellite.add(feature("卫星图斑 新发现 " + found.size(), "建筑垃圾", g, 0.7 + random.nextInt(25) / 100.0,
                        "2026-09-15"));
            }
        }
        List<String> drone = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            drone.add(feature("无人机核查点 " + (i + 1), "建筑垃圾", found.get(i).getInteriorPoint(), 0.95,
                    "2026-10-08"));
        }
        drone.add(feature("无人机航测图斑", "建筑垃圾", shift(found.get(5), 2, 1), 0.95, "2026-10-08"));
        drone.add(feature("无人机核查点 已登记堆场", "其他工业固废堆场", open.get(12).geometry().getInteriorPoint(), 0.9,
                "2026-10-08"));
        List<Geometry> droneFinds = new ArrayList<>(found);
        for (int i = 40; droneFinds.size() < 11; i++) {
            Geometry g = near(open.get(i).geometry(), -420, 0, all, droneFinds);
            if (g != null) {
                droneFinds.add(g);
                drone.add(feature("无人机新发现点 " + (droneFinds.size() - 8), "生活垃圾", g, 0.9, "2026-10-08"));
            }
        }
        Files.createDirectories(dir.resolve("screening"));
        write(dir.resolve(SATELLITE), satellite);
        write(dir.resolve(DRONE), drone);
    }

    /**
     * A square of {@code side} metres (a point when 0) {@code north} metres north of the heap, away from every site
     * and earlier find by at least 60 m; null when that spot is taken.
     */
    private static Geometry near(Geometry heap, double north, double side, List<Geometry> sites, List<Geometry> found) {
        Coordinate c = heap.getCentroid().getCoordinate();
        double y = c.y + north * M;
        double h = side / 2;
        double dx = M / Math.cos(Math.toRadians(y));
        Geometry g = side == 0 ? WGS84.createPoint(new Coordinate(c.x, y)) : WGS84.toGeometry(
                new Envelope(c.x - h * dx, c.x + h * dx, y - h * M, y + h * M));
        double clear = 60 * M;
        for (Geometry other : sites) {
            if (other.distance(g) < clear) {
                return null;
            }
        }
        for (Geometry other : found) {
            if (other.distance(g) < clear) {
                return null;
            }
        }
        return g;
    }

    private static Geometry shift(Geometry g, double east, double north) {
        double lat = g.getCentroid().getY();
        return AffineTransformation.translationInstance(east * M / Math.cos(Math.toRadians(lat)), north * M)
                .transform(g);
    }

    private static List<Heap> heaps(Path sites) throws IOException {
        JsonNode features = JsonMapper.builder().build().readTree(sites.toFile()).get("features");
        GeoJsonReader reader = new GeoJsonReader(WGS84);
        List<Heap> out = new ArrayList<>();
        for (JsonNode f : features) {
            JsonNode p = f.get("properties");
            if (p.get("kind").asString().equals("waste_heap")) {
                try {
                    out.add(new Heap(p.get("code").asString(), p.get("status").asString(),
                            reader.read(f.get("geometry").toString())));
                } catch (ParseException e) {
                    throw new IOException("Unreadable geometry of " + p.get("code"), e);
                }
            }
        }
        out.sort(Comparator.comparing(Heap::code));
        return out;
    }

    private static String feature(String name, String category, Geometry g, double confidence, String date) {
        GeoJsonWriter w = new GeoJsonWriter(7);
        w.setEncodeCRS(false);
        return String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":{\"名称\":\"%s\",\"类别\":\"%s\","
                + "\"置信度\":%.2f,\"日期\":\"%s\"},\"geometry\":%s}", name, category, confidence, date, w.write(g));
    }

    private static void write(Path file, List<String> features) throws IOException {
        Files.writeString(file, "{\"type\":\"FeatureCollection\",\"features\":[\n" + String.join(",\n", features)
                + "\n]}\n", StandardCharsets.UTF_8);
    }
}
