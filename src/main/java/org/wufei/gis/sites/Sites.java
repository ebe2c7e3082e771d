package org.wufei.gis.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wufei.gis.common.DatabaseKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * All managed sites, of every kind, in the {@code site} table through plain JDBC: a save inserts a new site or
 * updates a stored one under its version (optimistic locking: a concurrent change makes it fail with
 * {@link OptimisticLockingFailureException}, 412 at the edge), then publishes the events the site registered.
 */
@Repository
public class Sites {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, code, name, kind, status, attributes, township,"
            + " ST_AsBinary(geom) AS wkb, area_m2, rectification_mode, deadline, deleted_at, version, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final String json;

    Sites(JdbcClient jdbc, ApplicationEventPublisher publisher, DatabaseKind database) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.json = database == DatabaseKind.POSTGIS ? "CAST(:attributes AS jsonb)" : ":attributes FORMAT JSON";
    }

    public Optional<Site> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM site WHERE id = ?").param(id).query(Sites::site).optional();
    }

    public Optional<Site> findByCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM site WHERE code = ?").param(code).query(Sites::site).optional();
    }

    /** The greatest code that starts with the prefix (a LIKE pattern), or null. */
    public String maxCodeLike(String prefix) {
        // MAX of no rows is one row holding NULL, which single() refuses
        return jdbc.sql("SELECT MAX(code) FROM site WHERE code LIKE ?").param(prefix)
                .query(String.class).list().get(0);
    }

    /**
     * Frees a deleted site's code for a new site: it becomes {@code ~{id}~{code}} (cut to the column's 32
     * characters), which no given code can be ({@code [A-Z0-9][A-Z0-9-]*}) and no generated one starts with.
     */
    public void releaseCode(long id) {
        jdbc.sql("SELECT code FROM site WHERE id = ? AND deleted_at IS NOT NULL").param(id).query(String.class)
                .optional().filter(code -> !code.startsWith("~")).ifPresent(code -> {
                    String released = "~" + id + "~" + code;
                    jdbc.sql("UPDATE site SET code = ? WHERE id = ?")
                            .params(released.substring(0, Math.min(32, released.length())), id).update();
                });
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM site").query(Long.class).single();
    }

    /** Inserts a new site or updates a stored one (under its version), then publishes its events. */
    public Site save(Site site) {
        Site.Row r = site.row();
        if (r.id() == null) {
            var keys = new GeneratedKeyHolder();
            bind(jdbc.sql("INSERT INTO site (code, name, kind, status, attributes, township, geom, area_m2,"
                    + " rectification_mode, deadline, deleted_at, version, created_at, updated_at) VALUES (:code,"
                    + " :name, :kind, :status, " + json + ", :township, ST_GeomFromWKB(:wkb, 4326), :area,"
                    + " :mode, :deadline, :deleted, 0, :created, :updated)"), r).update(keys, "id");
            site.stored(keys.getKey().longValue(), 0);
        } else if (!site.unchanged()) {
            int n = bind(jdbc.sql("UPDATE site SET name = :name, status = :status, attributes = " + json
                    + ", township = :township, geom = ST_GeomFromWKB(:wkb, 4326), area_m2 = :area,"
                    + " rectification_mode = :mode, deadline = :deadline, deleted_at = :deleted,"
                    + " updated_at = :updated, version = version + 1 WHERE id = :id AND version = :version"), r)
                    .param("id", r.id()).param("version", r.version()).update();
            if (n != 1) {
                throw new OptimisticLockingFailureException("Site " + r.id() + " changed since version " + r.version());
            }
            site.stored(r.id(), r.version() + 1);
        }
        site.takeEvents().forEach(publisher::publishEvent);
        return site;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, Site.Row r) {
        return sql.param("code", r.code()).param("name", r.name()).param("kind", r.kind())
                .param("status", r.status()).param("attributes", JSON.writeValueAsString(r.attributes()))
                .param("township", r.township()).param("wkb", new WKBWriter().write(r.geom()))
                .param("area", r.areaM2()).param("mode", r.rectificationMode()).param("deadline", r.deadline())
                .param("deleted", time(r.deletedAt())).param("created", time(r.createdAt()))
                .param("updated", time(r.updatedAt()));
    }

    public static OffsetDateTime time(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static org.locationtech.jts.geom.Geometry geometry(byte[] wkb) throws ParseException {
        var g = new WKBReader().read(wkb);
        g.setSRID(4326);
        return g;
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        try {
            return Site.stored(new Site.Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                    rs.getString("kind"), rs.getString("status"),
                    JSON.readValue(rs.getString("attributes"), ATTRIBUTES), rs.getString("township"),
                    geometry(rs.getBytes("wkb")), rs.getObject("area_m2", Double.class),
                    rs.getString("rectification_mode"), rs.getObject("deadline", LocalDate.class),
                    instant(rs, "deleted_at"), rs.getLong("version"), instant(rs, "created_at"),
                    instant(rs, "updated_at")));
        } catch (ParseException e) {
            throw new SQLException("Unreadable geometry of site " + rs.getLong("id"), e);
        }
    }
}
