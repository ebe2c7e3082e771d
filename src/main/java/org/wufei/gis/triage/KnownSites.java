package org.wufei.gis.triage;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads the sites a detection might be, through the site table's spatial index ({@code &&} on both databases). */
@Repository
public class KnownSites {
    private static final String NEAR = """
            SELECT id, status, area_m2, ST_AsBinary(geom) AS wkb FROM site
            WHERE geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)
              AND kind IN (:kinds) AND deleted_at IS NULL""";

    private static final String COUNT = """
            SELECT COUNT(*) FROM site WHERE geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)
              AND kind IN (:kinds) AND deleted_at IS NULL""";

    /** Sites are held for a whole batch: each shell as one array of numbers, not an object per vertex. */
    private static final GeometryFactory PACKED = new GeometryFactory(Triage.WGS84.getPrecisionModel(),
            4326, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private final JdbcClient jdbc;
    private final TransactionTemplate outsideBatch;

    KnownSites(JdbcClient jdbc, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.outsideBatch = new TransactionTemplate(tm);
        this.outsideBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * How a batch finds candidates: the sites of its kinds in the district are read once into an in-memory R-tree
     * when there are at most {@code preloadMax} of them (one indexed query instead of one per detection); beyond
     * that, one indexed query per detection, on a connection of its own (the batch's may be busy with a COPY).
     */
    public Function<Envelope, List<Triage.KnownSite>> forBatch(List<String> kinds, Envelope district, int preloadMax) {
        if (kinds.isEmpty()) {
            return e -> List.of();
        }
        long n = jdbc.sql(COUNT).params(Map.of("minx", district.getMinX(), "miny", district.getMinY(),
                "maxx", district.getMaxX(), "maxy", district.getMaxY(), "kinds", kinds)).query(Long.class).single();
        if (n > preloadMax) {
            return e -> outsideBatch.execute(s -> near(e, kinds));
        }
        HPRtree tree = new HPRtree();
        for (Triage.KnownSite site : near(district, kinds)) {
            tree.insert(site.geometry().getEnvelopeInternal(), site);
        }
        tree.build();
        return e -> {
            @SuppressWarnings("unchecked")
            List<Triage.KnownSite> hits = tree.query(e);
            return hits;
        };
    }

    List<Triage.KnownSite> near(Envelope e, List<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        WKBReader wkb = new WKBReader(PACKED);
        return jdbc.sql(NEAR).params(Map.of("minx", e.getMinX(), "miny", e.getMinY(), "maxx", e.getMaxX(),
                "maxy", e.getMaxY(), "kinds", kinds)).query((rs, n) -> {
                    try {
                        return new Triage.KnownSite(rs.getLong("id"), rs.getString("status"),
                                rs.getDouble("area_m2"), wkb.read(rs.getBytes("wkb")));
                    } catch (ParseException ex) {
                        throw new IllegalStateException("Unreadable site geometry " + rs.getLong("id"), ex);
                    }
                }).list();
    }
}
