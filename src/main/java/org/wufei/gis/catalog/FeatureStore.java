package org.wufei.gis.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.DatabaseKind;

/**
 * Reads features of any {@link CollectionSource} with plain SQL: SELECT lists and FROM clauses are built once per
 * collection, every request value is bound. Counts and extents are cached per collection data version, and a
 * count stops at a ceiling (above it the caller leaves numberMatched out, as OGC API - Features allows). A page
 * whose count is not known yet is read together with its count in one statement when the matches are few.
 */
@Component
public class FeatureStore {
    private static final int COUNT_CACHE_SIZE = 2000;

    /** Rows fetched per round trip when streaming (PostgreSQL cursor size). */
    public static final int FETCH_SIZE = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate streaming;
    private final DataVersions versions;
    private final long countCeiling;
    private final long inlineCountBound;
    private final boolean databaseWritesGeoJson;
    // keyed by the source itself: a collection's public view has its own, shorter select list
    private final Map<CollectionSource, CollectionSql> compiled = new ConcurrentHashMap<>();
    private final Map<String, Long> counts = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > COUNT_CACHE_SIZE;
        }
    });
    private final Map<String, Extent> extents = new ConcurrentHashMap<>();

    /**
     * @param countCeiling above this many matches numberMatched is left out
     * @param inlineCountBound up to this many matches a page and its count are one statement (at most the ceiling)
     */
    public FeatureStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager tm,
            DataVersions versions, DatabaseKind database,
            @Value("${gis.ogc.count-ceiling:100000}") long countCeiling,
            @Value("${gis.ogc.inline-count-bound:10000}") long inlineCountBound) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.streaming = new TransactionTemplate(tm);
        this.streaming.setReadOnly(true);
        this.versions = versions;
        this.countCeiling = countCeiling;
        this.inlineCountBound = Math.min(inlineCountBound, countCeiling);
        this.databaseWritesGeoJson = database == DatabaseKind.POSTGIS;
    }

    /** One page of features and how many match in all (empty above the count ceiling). */
    public record Page(List<FeatureRow> rows, OptionalLong matched) {
    }

    private CollectionSql compile(CollectionSource source) {
        return compiled.computeIfAbsent(source, k -> CollectionSql.of(source.table()));
    }

    /**
     * One page of features with the number of matches. Geometries come as CRS84 GeoJSON text written by the
     * database when {@code crs84GeoJson} is asked and the database can (PostGIS), as JTS geometries otherwise.
     *
     * <p>When the count is not cached, the page is cut from the bounded set of matches in the same statement
     * that counts them ({@code COUNT(*) OVER ()}): one index scan instead of two. Above the inline bound that set
     * is not all the matches, so the page is read again by itself and counted up to the ceiling.
     */
    public Page page(CollectionSource source, ItemsRequest request, boolean crs84GeoJson) {
        CollectionSql c = compile(source);
        CollectionSql.GeometryRead read = !request.withGeometry() ? CollectionSql.GeometryRead.NONE
                : crs84GeoJson && databaseWritesGeoJson ? CollectionSql.GeometryRead.GEOJSON_CRS84
                : CollectionSql.GeometryRead.WKB;
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = c.where(request, params);
        String key = countKey(source, where, params);
        String alias = c.singleTableAlias();
        if (counts.get(key) == null && alias != null) {
            List<Object> p = new ArrayList<>(params);
            p.add(inlineCountBound + 1);
            p.add(request.limit());
            p.add(request.offset());
            long[] matched = {-1};
            List<FeatureRow> rows = jdbc.sql("SELECT " + c.select() + c.geometryColumn(read)
                    + ", COUNT(*) OVER () FROM (SELECT * FROM " + c.from() + " WHERE " + where + " LIMIT ?) " + alias
                    + " ORDER BY " + c.order(request) + " LIMIT ? OFFSET ?").params(p).query((rs, n) -> {
                        matched[0] = rs.getLong(c.properties().size() + (read == CollectionSql.GeometryRead.NONE
                                ? 3 : 4));
                        return c.row(rs, request.properties(), read);
                    }).list();
            if (rows.isEmpty() && request.offset() == 0) {
                matched[0] = 0;
            }
            if (matched[0] >= 0 && matched[0] <= inlineCountBound) {
                counts.put(key, matched[0]);
                return new Page(rows, OptionalLong.of(matched[0]));
            }
        }
        List<FeatureRow> rows = plainPage(c, request, where, params, read);
        // A page that is not full already tells how many match; only a full one needs a count.
        OptionalLong matched = rows.size() < request.limit() && (!rows.isEmpty() || request.offset() == 0)
                ? OptionalLong.of(request.offset() + rows.size()) : count(source, request);
        return new Page(rows, matched);
    }

    /** The page's ids first, then their rows: joins and columns are paid for the page only, not every match. */
    private List<FeatureRow> plainPage(CollectionSql c, ItemsRequest request, String where, List<Object> whereParams,
            CollectionSql.GeometryRead read) {
        String order = c.order(request);
        String sql = "SELECT " + c.select() + c.geometryColumn(read) + " FROM " + c.from() + " WHERE " + c.id()
                + " IN (SELECT " + c.id() + " FROM " + c.from() + " WHERE " + where + " ORDER BY " + order
                + " LIMIT ? OFFSET ?) ORDER BY " + order;
        List<Object> params = new ArrayList<>(whereParams);
        params.add(request.limit());
        params.add(request.offset());
        return jdbc.sql(sql).params(params).query((rs, n) -> c.row(rs, request.properties(), read)).list();
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
        CollectionSql c = compile(source);
        CollectionSql.GeometryRead read = request.withGeometry() ? CollectionSql.GeometryRead.WKB
                : CollectionSql.GeometryRead.NONE;
        StringBuilder extraSql = new StringBuilder();
        extra.forEach((name, column) -> extraSql.append(", ")
                .append(new Property(name, column, Property.Type.STRING, null, null).sqlColumn()));
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = c.where(request, params);
        String order = c.order(request);
        StringBuilder sql = new StringBuilder("SELECT " + c.select() + c.geometryColumn(read) + extraSql + " FROM " + c.from()
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
                FeatureRow row = c.row(rs, request.properties(), read);
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
        CollectionSql c = compile(source);
        List<Object> params = new ArrayList<>(c.baseParams());
        String where = c.where(request, params);
        String key = countKey(source, where, params);
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
        CollectionSql c = compile(source);
        List<Object> params = new ArrayList<>(c.baseParams());
        params.add(id);
        List<String> names = c.properties().stream().map(Property::name).toList();
        return jdbc.sql("SELECT " + c.select() + ", ST_AsBinary(" + c.geom() + ") FROM " + c.from() + " WHERE "
                + c.baseWhere() + " AND " + c.id() + " = ?").params(params)
                .query((rs, n) -> c.row(rs, names, CollectionSql.GeometryRead.WKB)).optional();
    }

    /** The collection's extent, recomputed only when its data version moved. */
    public Extent extent(CollectionSource source) {
        CollectionSql c = compile(source);
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

    private String countKey(CollectionSource source, String where, List<Object> params) {
        return source.id() + '\u0000' + versions.of(source.id()) + '\u0000' + where + '\u0000' + params;
    }
}
