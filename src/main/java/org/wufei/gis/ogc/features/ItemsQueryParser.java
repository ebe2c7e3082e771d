package org.wufei.gis.ogc.features;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.ogc.filter.Cql2Expression;
import org.wufei.gis.ogc.filter.Cql2Json;
import org.wufei.gis.ogc.filter.Cql2SqlTranslator;
import org.wufei.gis.ogc.filter.Cql2Text;
import org.wufei.gis.ogc.filter.PropertySelection;
import org.wufei.gis.ogc.filter.Queryable;
import org.wufei.gis.ogc.filter.Queryables;
import org.wufei.gis.ogc.filter.SortBy;
import org.wufei.gis.ogc.filter.SqlFilter;

/** Turns the query string of {@code /items} into an {@link ItemsQuery}, answering 400 at the first bad value. */
@Component
class ItemsQueryParser {
    private final CollectionFilters filters;
    private final CrsRegistry crs;

    ItemsQueryParser(CollectionFilters filters, CrsRegistry crs) {
        this.filters = filters;
        this.crs = crs;
    }

    ItemsQuery parse(CollectionSource source, MultiValueMap<String, String> raw) {
        Queryables queryables = filters.queryables(source);
        Map<String, String> p = OgcParams.single(raw, OgcParams.ITEMS,
                name -> queryables.find(name).filter(q -> q.type() != Queryable.Type.GEOMETRY).isPresent());
        return OgcErrors.translating(() -> {
            int limit = (int) integer(p.get(OgcParams.LIMIT), OgcParams.LIMIT, ItemsQuery.DEFAULT_LIMIT, 1,
                    ItemsQuery.MAX_LIMIT);
            long offset = integer(p.get(OgcParams.OFFSET), OgcParams.OFFSET, 0, 0, Long.MAX_VALUE / 2);
            OgcCrsUri out = crsParam(p.get(OgcParams.CRS), OgcParams.CRS);
            OgcCrsUri bboxCrs = crsParam(p.get(OgcParams.BBOX_CRS), OgcParams.BBOX_CRS);
            var boxes = BboxParam.parse(p.get(OgcParams.BBOX), bboxCrs, crs);
            List<String> where = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            datetime(source, p.get(OgcParams.DATETIME), where, params);
            filter(source, queryables, p, where, params);
            for (Map.Entry<String, String> e : p.entrySet()) {
                Optional<Queryable> q = OgcParams.ITEMS.contains(e.getKey()) ? Optional.empty()
                        : queryables.find(e.getKey());
                q.ifPresent(queryable -> {
                    where.add(queryable.sqlColumn() + " = ?");
                    params.add(value(queryable, e.getValue()));
                });
            }
            SortBy sortBy = SortBy.parse(p.get(OgcParams.SORTBY), queryables);
            PropertySelection selection = selection(source, p.get(OgcParams.PROPERTIES));
            boolean skipGeometry = bool(p.get(OgcParams.SKIP_GEOMETRY), OgcParams.SKIP_GEOMETRY);
            SqlFilter condition = new SqlFilter(where.isEmpty() ? null : String.join(" AND ", where), params);
            return new ItemsQuery(boxes, condition, out, sortBy, selection, skipGeometry, limit, offset, p);
        });
    }

    /** The {@code properties} parameter against the collection's non-geometry properties. */
    PropertySelection selection(CollectionSource source, String properties) {
        Queryables all = filters.queryables(source);
        return OgcErrors.translating(() -> PropertySelection.parse(properties, Queryables.of(all.all().stream()
                .filter(q -> q.type() != Queryable.Type.GEOMETRY).toList())));
    }

    OgcCrsUri crsParam(String value, String name) {
        if (value == null) {
            return OgcCrsUri.CRS84;
        }
        try {
            return OgcCrsUri.parse(value);
        } catch (org.wufei.gis.crs.CrsException e) {
            throw ApiException.badRequest("crs_not_offered", name, value);
        }
    }

    private void datetime(CollectionSource source, String value, List<String> where, List<Object> params) {
        DatetimeParam dt = DatetimeParam.parse(value);
        String column = source.table().temporalColumn();
        // Layers without time (reference layers) are not restricted by datetime, as Part 1 allows.
        if (dt == null || column == null) {
            return;
        }
        if (dt.start() != null) {
            where.add(column + " >= ?");
            params.add(dt.startUtc());
        }
        if (dt.end() != null) {
            where.add(column + " <= ?");
            params.add(dt.endUtc());
        }
    }

    private void filter(CollectionSource source, Queryables queryables, Map<String, String> p, List<String> where,
            List<Object> params) {
        String text = p.get(OgcParams.FILTER);
        String lang = p.getOrDefault(OgcParams.FILTER_LANG, "cql2-text");
        if (text == null) {
            if (p.containsKey(OgcParams.FILTER_CRS) || p.containsKey(OgcParams.FILTER_LANG)) {
                crsParam(p.get(OgcParams.FILTER_CRS), OgcParams.FILTER_CRS);
            }
            return;
        }
        Cql2Expression expr = switch (lang) {
            case "cql2-text", "cql-text" -> Cql2Text.parse(text);
            case "cql2-json" -> Cql2Json.parse(text);
            default -> throw ApiException.badRequest("filter_lang_unsupported", OgcParams.FILTER_LANG, lang);
        };
        OgcCrsUri filterCrs = crsParam(p.get(OgcParams.FILTER_CRS), OgcParams.FILTER_CRS);
        SqlFilter f = Cql2SqlTranslator.translate(expr, queryables, filters.dialect(),
                CollectionFilters.filterCrsCode(filterCrs), filters.normaliser(filterCrs));
        where.add("(" + f.whereSql() + ")");
        params.addAll(f.params());
    }

    private static long integer(String value, String name, long dflt, long min, long max) {
        if (value == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v < min || v > max) {
                throw ApiException.badRequest(name + "_out_of_range", name, value, min, max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + "_invalid", name, value);
        }
    }

    private static boolean bool(String value, String name) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ApiException.badRequest("parameter_invalid", name, name);
    }

    /** A property=value parameter's value, typed as the queryable. */
    private static Object value(Queryable q, String raw) {
        try {
            return switch (q.type()) {
                case INTEGER -> Long.parseLong(raw.strip());
                case NUMBER -> new BigDecimal(raw.strip());
                case BOOLEAN -> {
                    if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
                        throw new NumberFormatException(raw);
                    }
                    yield Boolean.parseBoolean(raw);
                }
                case TIMESTAMP, DATE -> java.time.OffsetDateTime.parse(raw.strip());
                default -> raw;
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("parameter_invalid", q.name(), q.name());
        }
    }
}
