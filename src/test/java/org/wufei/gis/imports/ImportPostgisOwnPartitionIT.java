package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.wufei.gis.support.PostgisDatabase;
import org.wufei.gis.support.TestDatabases;
import org.wufei.gis.triage.Triage;

/**
 * Triage, promotion and rollback on PostgreSQL + PostGIS with every batch in a detection partition of its own, the
 * path large uploads take: the partition is attached when the batch commits and dropped when it is rolled back.
 */
@ContextConfiguration(initializers = PostgisDatabase.class)
@TestPropertySource(properties = "gis.imports.own-partition-above-bytes=0")
class ImportPostgisOwnPartitionIT extends TriageContract {

    @BeforeAll
    static void postgisIsThere() {
        TestDatabases.requirePostgis();
    }

    @Override
    void storedWhereExpected(long batchId, boolean present) {
        long attached = count("""
                SELECT COUNT(*) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'detection'::regclass AND c.relname = 'detection_b' || ?""", batchId);
        assertThat(attached).as("partition of batch %d", batchId).isEqualTo(present ? 1 : 0);
        if (present) {
            assertThat(count("SELECT COUNT(*) FROM detection_shared WHERE batch_id = ?", batchId)).isZero();
            // no index on batch_id in a partition of one batch; a query by batch reads no other batch's partition
            assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'detection_b' || ? "
                    + "AND indexdef LIKE '%(batch_id)%'", batchId)).isZero();
            String plan = String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM detection WHERE batch_id = " + batchId)
                    .query(String.class).list());
            assertThat(plan).contains("detection_b" + batchId + " ")
                    .doesNotContainPattern("detection_b(?!" + batchId + " )[0-9]+ ");
        }
    }
}
