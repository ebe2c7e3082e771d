package bench.baresql;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The least Spring Boot service that answers bench/processes.sh's two questions: the JSON body read by Spring MVC,
 * NearestSites' statement (the same text, bound the same way, with its growing radius) run by JdbcTemplate, its rows
 * written as a GeoJSON FeatureCollection straight into the response. No security, no audit, no transaction: the
 * floor of Tomcat, Spring MVC and Hikari under the service's answer.
 */
@SpringBootApplication
@RestController
public class BareSqlApp {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    BareSqlApp(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public static void main(String[] args) {
        SpringApplication.run(BareSqlApp.class, args);
    }

    /** The bodies of the service's nearest-sites ({@code point}, {@code k}) and sites-within-distance. */
    @PostMapping(path = "/ogc/processes/{process}/execution", consumes = "application/json")
    public void execute(@PathVariable String process, @RequestBody JsonNode body, HttpServletResponse response)
            throws IOException {
        JsonNode inputs = body.path("inputs");
        boolean nearest = process.equals("nearest-sites");
        JsonNode xy = inputs.path(nearest ? "point" : "geometry").path("coordinates");
        double[] p = {xy.get(0).asDouble(), xy.get(1).asDouble()};
        List<Object[]> rows;
        if (nearest) {
            int k = inputs.path("k").asInt(10);
            double radius = 250;
            do {
                rows = range(p, radius, k);
                radius *= 4;
            } while (rows.size() < k && radius <= 4 * 80_000);
        } else {
            rows = range(p, inputs.path("distance").asDouble(), 20_001);
        }
        response.setContentType("application/geo+json");
        try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeNumberProperty("numberReturned", rows.size());
            g.writeArrayPropertyStart("features");
            for (Object[] r : rows) {
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeNumberProperty("id", (Long) r[0]);
                g.writeName("geometry");
                g.writeRawValue((String) r[6]);
                g.writeObjectPropertyStart("properties");
                for (int i = 1; i <= 5; i++) {
                    g.writeStringProperty(COLUMNS[i], (String) r[i]);
                }
                g.writeNumberProperty("distance", Math.round((Double) r[7] * 100) / 100.0);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static final String[] COLUMNS = {"id", "code", "name", "kind", "status", "township"};

    private List<Object[]> range(double[] p, double metres, int limit) {
        String sql = "SELECT * FROM (SELECT s.id, s.code, s.name, s.kind, s.status, s.township,"
                + " ST_AsGeoJSON(s.geom, 7) AS geojson, ST_Distance(ST_Transform(s.geom, 4546),"
                + " ST_Transform(ST_GeomFromText(?, 4326), 4546)) AS d FROM site s"
                + " WHERE s.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND s.deleted_at IS NULL) c WHERE c.d <= ? ORDER BY c.d, c.id LIMIT ?"; // every kind
        double dLat = metres * 1.05 / 110_574.0;
        double dLon = metres * 1.05 / (111_320.0 * Math.cos(Math.toRadians(40.8931 + 0.5)));
        Object[] params = {String.format(Locale.ROOT, "POINT (%.6f %.6f)", p[0], p[1]), p[0] - dLon, p[1] - dLat,
            p[0] + dLon, p[1] + dLat, metres, limit};
        return jdbc.query(sql, (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getDouble(8)}, params);
    }
}
