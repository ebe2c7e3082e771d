package org.wufei.gis.reference;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.LayerProvenance;
import org.wufei.gis.common.CurrentActor;

/**
 * The load history of each reference layer (version, source, source date, licence note, file, feature count, who,
 * when), newest first; the current version and the earlier ones appear in the collection's metadata. Anonymous
 * readers do not see who loaded a version, as they see no actor of the register's history.
 */
@Component
class ReferenceLayerVersions implements LayerProvenance {
    private static final int EARLIER_SHOWN = 10;

    private final JdbcClient jdbc;

    ReferenceLayerVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest versions first; who loaded each is left out for anonymous readers (the public projection). */
    List<Map<String, Object>> of(ReferenceLayerSpec spec, int limit) {
        boolean anonymous = CurrentActor.anonymous();
        return jdbc.sql("SELECT version, source, source_date, licence, file_name, feature_count, loaded_by, loaded_at"
                + " FROM reference_layer_version WHERE layer = ? ORDER BY version DESC")
                .param(spec.table()).query(ReferenceLayerVersions::version).list().stream().limit(limit)
                .map(v -> anonymous ? withoutActor(v) : v).toList();
    }

    private static Map<String, Object> withoutActor(Map<String, Object> version) {
        Map<String, Object> out = new LinkedHashMap<>(version);
        out.remove("loadedBy");
        return out;
    }

    @Override
    public Optional<Map<String, Object>> of(String collectionId) {
        return ReferenceLayerSpec.byCollection(collectionId).flatMap(spec -> {
            List<Map<String, Object>> versions = of(spec, EARLIER_SHOWN + 1);
            if (versions.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> current = new LinkedHashMap<>(versions.get(0));
            current.put("previousVersions", versions.subList(1, versions.size()));
            return Optional.of(current);
        });
    }

    private static Map<String, Object> version(ResultSet rs, int row) throws SQLException {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", rs.getInt("version"));
        v.put("source", rs.getString("source"));
        Date date = rs.getDate("source_date");
        v.put("sourceDate", date == null ? null : date.toLocalDate().toString());
        v.put("licence", rs.getString("licence"));
        v.put("fileName", rs.getString("file_name"));
        v.put("featureCount", rs.getInt("feature_count"));
        v.put("loadedBy", rs.getString("loaded_by"));
        Timestamp at = rs.getTimestamp("loaded_at");
        v.put("loadedAt", at == null ? null : at.toInstant().toString());
        return v;
    }
}
