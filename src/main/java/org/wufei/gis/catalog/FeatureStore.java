package org.wufei.gis.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads features of any {@link CollectionSource} with plain SQL: SELECT lists and FROM clauses are built once per
 * collection, every request value is bound. Counts and extents are cached per collection data version, and a
 * count stops at a ceiling (above it the caller leaves numberMatched out, as OGC API - Features allows).
 */
@Component
public class FeatureStore {
    private static final int COUNT_CACHE_SIZE = 2000;
    private static final String BOX = "ST_MakeEnvelope(?, ?, ?, ?, 4326)";

    /** Rows fetched per round trip when streaming (PostgreSQL cursor size). */
    public static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate streaming;
    private final DataVersions versions;
    private final long countCeiling;
    // keyed by the source itself: a collection's public view has its own, shorter select list
    private final Map<CollectionSource, Compiled> compiled = new ConcurrentHashMap<>();
    private final Map<String, Long> counts = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > COUNT_CACHE_SIZE;
        }
    });
    private final Map<String, Extent> extents = new ConcurrentHashMap<>();

    public FeatureStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate,
            PlatformTransactionManager tm, DataVersions versions,
            @Value("${gis.ogc.count-ceiling:100000}") long countCeiling) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.streaming = new TransactionTemplate(tm);
        this.streaming.setReadOnly(true);
        this.versions = versions;
        this.countCeiling = countCeiling;
    }

    /** The SQL pieces of one collection, built from its allow-listed names the first time it is read. */
    private record Compiled(String select, String from, String baseWhere, List<Object> baseParams,
            List<Property> properties, String id, String geom) {
    }

    private Compiled compile(CollectionSource source) {
        return compiled.computeIfAbsent(source, k -> {
            TableSpec t = source.table();
            StringBuilder select = new StringBuilder(t.idColumn());
            select.append(", ").append(t.versionColumn() == null ? "NULL" : t.versionColumn());
            for (Property p : t.properties()) {
                select.append(", ").append(p.sqlColumn());
            }
            String where = t.fixedWhere() == null ? "1 = 1" : "(" + t.fixedWhere() + ")";
            return new Compiled(select.toString(), t.fromSql(), where, t.fixedParams(), t.properties(),
                    t.idColumn(), t.geometryColumn());
        });
    }

    /** One page of features. */
    public List<FeatureRow> page(CollectionSource source, ItemsRequest request) {
        Compiled c = compile(source);
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = where(c, request, params);
        String order = order(c, request);
        String geom = geometryColumn(c, request);
        // The page's ids first, then their rows: joins and columns are paid for the page only, not every match.
        String sql = "SELECT " + c.select() + geom + " FROM " + c.from() + " WHERE " + c.id() + " IN (SELECT "
                + c.id() + " FROM " + c.from() + " WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?)"
                + " ORDER BY " + order;
        params.add(request.limit());
        params.add(request.offset());
        return jdbc.sql(sql).params(params).query((rs, n) -> row(rs, c, request.properties(),
                request.withGeometry())).list();
    }

    /** Receives features one by one as {@link #forEach} reads them. */
    @FunctionalInterface
    public interface FeatureConsumer {
        void accept(FeatureRow row) throws IOException;
    }

    /**
     * Every feature matching, in order, handed over as it is read: a read-only transaction and a JDBC fetch size,
     * so PostgreSQL sends rows through a cursor and no more than {@link #FETCH_SIZE} are held at once. The
     * request's limit applies only when {@code paged}; otherwise every match from the offset on is read.
     */
    public void forEach(CollectionSource source, ItemsRequest request, boolean paged, FeatureConsumer consumer) {
        forEach(source, request, paged, Map.of(), consumer);
    }

    /**
     * As {@link #forEach(CollectionSource, ItemsRequest, boolean, FeatureConsumer)}, with more columns of the
     * collection's FROM clause read into each feature's properties (name to allow-listed SQL column, e.g. a
     * register's {@code deadline}); dates come as {@link java.time.LocalDate}, timestamps as {@link Instant}.
     */
    public void forEach(CollectionSource source, ItemsRequest request, boolean paged, Map<String, String> extra,
            FeatureConsumer consumer) {
        Compiled c = compile(source);
        StringBuilder extraSql = new StringBuilder();
        extra.forEach((name, column) -> extraSql.append(", ")
                .append(new Property(name, column, Property.Type.STRING, null, null).sqlColumn()));
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = where(c, request, params);
        String order = order(c, request);
        String geom = geometryColumn(c, request);
        StringBuilder sql = new StringBuilder("SELECT " + c.select() + geom + extraSql + " FROM " + c.from()
                + " WHERE " + where + " ORDER BY " + order);
        int firstExtra = c.properties().size() + (request.withGeometry() ? 4 : 3);
        if (paged) {
            sql.append(" LIMIT ? OFFSET ?");
            params.add(request.limit());
            params.add(request.offset());
        } else if (request.offset() > 0) {
            sql.append(" OFFSET ? ROWS");
            params.add(request.offset());
        }
        streaming.executeWithoutResult(tx -> jdbcTemplate.query(con -> {
            var ps = con.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps;
        }, (RowCallbackHandler) rs -> {
            try {
                FeatureRow row = row(rs, c, request.properties(), request.withGeometry());
                int i = firstExtra;
                for (String name : extra.keySet()) {
                    row.properties().put(name, SqlValues.extra(rs.getObject(i++)));
                }
                consumer.accept(row);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /**
     * The number of features matching, or empty when there are more than the ceiling. Cached per collection,
     * condition, bound values and data version.
     */
    public OptionalLong count(CollectionSource source, ItemsRequest request) {
        Compiled c = compile(source);
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = where(c, request, params);
        String key = source.id() + '\u0000' + versions.of(source.id()) + '\u0000' + where + '\u0000' + params;
        Long cached = counts.get(key);
        if (cached == null) {
            params.add(countCeiling + 1);
            cached = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM " + c.from() + " WHERE " + where
                    + " LIMIT ?) matched").params(params).query(Long.class).single();
            counts.put(key, cached);
        }
        return cached > countCeiling ? OptionalLong.empty() : OptionalLong.of(cached);
    }

    /** A feature by its id (primary-key lookup), if it is in the collection. */
    public Optional<FeatureRow> byId(CollectionSource source, long id) {
        Compiled c = compile(source);
        List<Object> params = new ArrayList<>(c.baseParams());
        params.add(id);
        List<String> names = c.properties().stream().map(Property::name).toList();
        return jdbc.sql("SELECT " + c.select() + ", ST_AsBinary(" + c.geom() + ") FROM " + c.from() + " WHERE "
                + c.baseWhere() + " AND " + c.id() + " = ?").params(params)
                .query((rs, n) -> row(rs, c, names, true)).optional();
    }

    /** The collection's extent, recomputed only when its data version moved. */
    public Extent extent(CollectionSource source) {
        Compiled c = compile(source);
        String key = source.id() + '\u0000' + versions.of(source.id());
        return extents.computeIfAbsent(key, k -> {
            extents.keySet().removeIf(old -> old.startsWith(source.id() + '\u0000'));
            String time = source.table().temporalColumn();
            String timeSql = time == null ? ", NULL, NULL" : ", MIN(" + time + "), MAX(" + time + ")";
            return jdbc.sql("SELECT MIN(ST_XMin(" + c.geom() + ")), MIN(ST_YMin(" + c.geom() + ")), MAX(ST_XMax("
                    + c.geom() + ")), MAX(ST_YMax(" + c.geom() + "))" + timeSql + " FROM " + c.from() + " WHERE "
                    + c.baseWhere()).params(c.baseParams()).query((rs, n) -> {
                        Envelope box = rs.getObject(1) == null ? null
                                : new Envelope(rs.getDouble(1), rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
                        return new Extent(box, SqlValues.instant(rs.getObject(5)),
                                SqlValues.instant(rs.getObject(6)));
                    }).single();
        });
    }

    /** The request's order with the id last, so that pages are stable. */
    private static String order(Compiled c, ItemsRequest request) {
        return request.orderBySql().isEmpty() ? c.id() : request.orderBySql() + ", " + c.id();
    }

    private static String geometryColumn(Compiled c, ItemsRequest request) {
        return request.withGeometry() ? ", ST_AsBinary(" + c.geom() + ")" : "";
    }

    private static String where(Compiled c, ItemsRequest request, List<Object> params) {
        StringBuilder where = new StringBuilder(c.baseWhere());
        if (!request.boxes().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (Envelope e : request.boxes()) {
                any.add("(" + c.geom() + " && " + BOX + " AND ST_Intersects(" + c.geom() + ", " + BOX + "))");
                for (int i = 0; i < 2; i++) {
                    params.add(e.getMinX());
                    params.add(e.getMinY());
                    params.add(e.getMaxX());
                    params.add(e.getMaxY());
                }
            }
            where.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        if (request.whereSql() != null && !request.whereSql().isBlank()) {
            where.append(" AND (").append(request.whereSql()).append(')');
            params.addAll(request.params());
        }
        return where.toString();
    }

    private static FeatureRow row(ResultSet rs, Compiled c, List<String> wanted, boolean withGeometry)
            throws SQLException {
        Map<String, Object> props = new LinkedHashMap<>();
        List<Property> all = c.properties();
        for (int i = 0; i < all.size(); i++) {
            Property p = all.get(i);
            if (wanted.contains(p.name())) {
                props.put(p.name(), SqlValues.value(rs.getObject(i + 3), p.type()));
            }
        }
        Geometry g = null;
        if (withGeometry) {
            byte[] wkb = rs.getBytes(all.size() + 3);
            if (wkb != null) {
                try {
                    g = new WKBReader().read(wkb);
                    g.setSRID(4326);
                } catch (ParseException e) {
                    throw new IllegalStateException("unreadable geometry of feature " + rs.getLong(1), e);
                }
            }
        }
        Object version = rs.getObject(2);
        return new FeatureRow(rs.getLong(1), props, g, version == null ? null : ((Number) version).longValue());
    }
}
