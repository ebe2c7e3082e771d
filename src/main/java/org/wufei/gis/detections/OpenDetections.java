package org.wufei.gis.detections;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.triage.Triage;

/**
 * The verification queue as a batch's triage sees it: detections of earlier batches still open (neither promoted,
 * dismissed, nor themselves a duplicate), read once per batch into an R-tree as candidates a new detection may
 * duplicate; and the duplicates a batch found, written in its transaction.
 */
@Repository
public class OpenDetections {
    private static final String OPEN = """
            SELECT d.id, d.area_m2, ST_AsBinary(d.geom) AS wkb FROM detection d
            WHERE d.geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326) AND d.promoted_site_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM detection_dismissal x WHERE x.detection_id = d.id)
              AND NOT EXISTS (SELECT 1 FROM detection_duplicate u
                              WHERE u.batch_id = d.batch_id AND u.feature_index = d.feature_index)""";

    private static final int RECORD_BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final TransactionTemplate outsideBatch;

    OpenDetections(JdbcClient jdbc, JdbcTemplate batches, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.outsideBatch = new TransactionTemplate(tm);
        this.outsideBatch.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /**
     * The open detections in the district as triage candidates (status "open"), held in memory when there are at
     * most {@code preloadMax}; beyond that one indexed query per detection on a connection of its own.
     */
    public Function<Envelope, List<Triage.KnownSite>> forBatch(Envelope district, int preloadMax) {
        List<Triage.KnownSite> all = outsideBatch.execute(s -> near(district, preloadMax + 1));
        if (all.size() > preloadMax) {
            return e -> outsideBatch.execute(s -> near(e, Integer.MAX_VALUE));
        }
        HPRtree tree = new HPRtree();
        for (Triage.KnownSite open : all) {
            tree.insert(open.footprint().envelope(), open);
        }
        tree.build();
        return e -> {
            @SuppressWarnings("unchecked")
            List<Triage.KnownSite> hits = tree.query(e);
            return hits;
        };
    }

    private List<Triage.KnownSite> near(Envelope e, int limit) {
        WKBReader wkb = new WKBReader(Triage.WGS84);
        return jdbc.sql(OPEN + " ORDER BY d.id LIMIT :limit").params(Map.of("minx", e.getMinX(), "miny", e.getMinY(),
                "maxx", e.getMaxX(), "maxy", e.getMaxY(), "limit", limit)).query((rs, n) -> {
                    try {
                        return new Triage.KnownSite(rs.getLong("id"), "open", rs.getDouble("area_m2"),
                                Triage.Footprint.of(wkb.read(rs.getBytes("wkb"))));
                    } catch (ParseException ex) {
                        throw new IllegalStateException("Unreadable detection geometry " + rs.getLong("id"), ex);
                    }
                }).list();
    }

    /**
     * A batch's duplicates, (feature index, the earlier detection's id) each, in the batch's transaction, sent in
     * JDBC batches: a repeated upload of 93,266 features spent seconds on as many single INSERTs.
     */
    public void record(long batchId, List<long[]> duplicates) {
        batches.batchUpdate("INSERT INTO detection_duplicate (batch_id, feature_index, duplicate_of) VALUES (?, ?, ?)",
                duplicates, RECORD_BATCH, (ps, d) -> {
                    ps.setLong(1, batchId);
                    ps.setLong(2, d[0]);
                    ps.setLong(3, d[1]);
                });
    }
}
