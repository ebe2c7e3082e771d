package org.wufei.gis.reference;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.catalog.LayerChanged;

/**
 * Writes a reference layer: the old rows out and the new ones in, with the new version's metadata, in one
 * transaction, so a reader sees the old layer or the new one and never a mix; {@link LayerChanged} then evicts
 * the layer's tiles and moves its counts and extents on.
 */
@Component
class ReferenceLayerWriter {
    private static final int BATCH = 1_000;

    /** What a load is: where the data came from and who brings it. */
    record Provenance(String source, LocalDate sourceDate, String licence, String fileName, String loadedBy) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ApplicationEventPublisher events;

    ReferenceLayerWriter(JdbcClient jdbc, JdbcTemplate template, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.events = events;
    }

    /** Replaces every row of the layer; returns the new version number. */
    @Transactional
    public int replace(ReferenceLayerSpec spec, UploadedLayerReader.Read read, Provenance provenance) {
        Envelope before = extent(spec);
        jdbc.sql("DELETE FROM " + spec.table()).update();
        insert(spec, read.rows());
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM reference_layer_version WHERE layer = ?")
                .param(spec.table()).query(Integer.class).single();
        jdbc.sql("INSERT INTO reference_layer_version (layer, version, source, loaded_at, feature_count, loaded_by,"
                + " source_date, licence, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(spec.table(), version, provenance.source(), Timestamp.from(Instant.now()), read.rows().size(),
                        provenance.loadedBy(), provenance.sourceDate(), provenance.licence(), provenance.fileName())
                .update();
        events.publishEvent(new LayerChanged(spec.collectionId(), before, read.extent()));
        return version;
    }

    private void insert(ReferenceLayerSpec spec, List<UploadedLayerReader.Row> rows) {
        WKBWriter wkb = new WKBWriter();
        List<Object[]> batch = new ArrayList<>(BATCH);
        for (UploadedLayerReader.Row row : rows) {
            List<Object> values = new ArrayList<>(row.values());
            values.add(wkb.write(row.geometry()));
            batch.add(values.toArray());
            if (batch.size() == BATCH) {
                template.batchUpdate(spec.insertSql(), batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            template.batchUpdate(spec.insertSql(), batch);
        }
    }

    /** The layer's current bounds (null when empty): the tiles to evict besides those of the new data. */
    private Envelope extent(ReferenceLayerSpec spec) {
        List<Envelope> box = jdbc.sql("SELECT MIN(ST_XMin(geom)), MIN(ST_YMin(geom)), MAX(ST_XMax(geom)),"
                + " MAX(ST_YMax(geom)) FROM " + spec.table()).query((rs, i) -> rs.getObject(1) == null ? null
                        : new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4))).list();
        return box.isEmpty() ? null : box.get(0);
    }
}
