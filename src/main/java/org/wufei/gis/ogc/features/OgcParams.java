package org.wufei.gis.ogc.features;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import org.wufei.gis.common.ApiException;

/** Names of the OGC query parameters and the checks every endpoint shares: no unknown or repeated parameter. */
final class OgcParams {
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    static final String BBOX = "bbox";
    static final String BBOX_CRS = "bbox-crs";
    static final String DATETIME = "datetime";
    static final String CRS = "crs";
    static final String FILTER = "filter";
    static final String FILTER_LANG = "filter-lang";
    static final String FILTER_CRS = "filter-crs";
    static final String PROPERTIES = "properties";
    static final String SORTBY = "sortby";
    static final String SKIP_GEOMETRY = "skipGeometry";
    static final String F = "f";
    static final String LANG = "lang";
    /** Exports: column headers {@code names} or {@code labels}. */
    static final String HEADERS = "headers";
    /** Exports: geometry in CSV/XLSX as {@code wkt} or {@code lonlat} (经度/纬度). */
    static final String COORDINATES = "coordinates";
    /** Exports: CSV charset, {@code utf-8} (with BOM) or {@code gbk}. */
    static final String CHARSET = "charset";

    /** Accepted on every OGC endpoint: output format (JSON only) and language. */
    static final Set<String> COMMON = Set.of(F, LANG);
    static final Set<String> ITEMS = Set.of(LIMIT, OFFSET, BBOX, BBOX_CRS, DATETIME, CRS, FILTER, FILTER_LANG,
            FILTER_CRS, PROPERTIES, SORTBY, SKIP_GEOMETRY, F, LANG, HEADERS, COORDINATES, CHARSET);
    static final Set<String> ITEM = Set.of(CRS, PROPERTIES, SKIP_GEOMETRY, F, LANG);
    static final Set<String> FORMATS = Set.of("json", "geojson", "application/json", "application/geo+json");

    private OgcParams() {
    }

    /**
     * Single values of the known parameters; an unknown name (unless {@code extra} allows it, e.g. queryables)
     * or a repeated one is a 400.
     */
    static Map<String, String> single(MultiValueMap<String, String> params, Set<String> known,
            java.util.function.Predicate<String> extra) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            if (!known.contains(name) && !extra.test(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
            if (e.getValue().size() > 1) {
                throw ApiException.badRequest("parameter_repeated", name, name);
            }
            out.put(name, e.getValue().get(0));
        }
        String f = out.get(F);
        boolean export = known.contains(HEADERS) && org.wufei.gis.export.ExportFormat.byF(f).isPresent();
        if (f != null && !FORMATS.contains(f) && !export) {
            throw ApiException.badRequest("format_unsupported", F, f);
        }
        return out;
    }

    static Map<String, String> single(MultiValueMap<String, String> params, Set<String> known) {
        return single(params, known, n -> false);
    }
}
