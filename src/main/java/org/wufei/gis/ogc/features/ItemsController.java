package org.wufei.gis.ogc.features;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.crs.OgcCrsUri;
import org.wufei.gis.export.ExportFormat;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;
import org.wufei.gis.ogc.filter.PropertySelection;

/** {@code /items} and {@code /items/{featureId}}: GeoJSON in the requested CRS, paging links that keep the query. */
@RestController
@RequestMapping("/ogc/collections/{collectionId}/items")
class ItemsController {
    static final String CONTENT_CRS = "Content-Crs";

    private final Catalog catalog;
    private final FeatureStore store;
    private final ItemsQueryParser parser;
    private final GeoJsonFeatures geoJson;
    private final Clock clock;
    private final ItemsDownloads downloads;

    ItemsController(Catalog catalog, FeatureStore store, ItemsQueryParser parser, GeoJsonFeatures geoJson,
            Clock clock, ItemsDownloads downloads) {
        this.downloads = downloads;
        this.catalog = catalog;
        this.store = store;
        this.parser = parser;
        this.geoJson = geoJson;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<byte[]> items(@PathVariable String collectionId, @RequestParam MultiValueMap<String, String> raw,
            HttpServletRequest request, HttpServletResponse response,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        CollectionSource source = catalog.require(collectionId, CurrentActor.anonymous());
        ItemsQuery q = parser.parse(source, raw);
        Optional<ExportFormat> export = downloads.negotiate(q.params().get(OgcParams.F),
                q.params().get(OgcParams.CHARSET), accept);
        if (export.isPresent()) {
            downloads.download(source, q, export.get(), request, response);
            return null;
        }
        // CRS84 (the default) is the storage CRS in storage axis order: the database may write the geometries
        FeatureStore.Page found = store.page(source, q.toRequest(), q.crs().srid() == 4326 && !q.crs().northFirst());
        List<FeatureRow> rows = found.rows();
        OptionalLong matched = found.matched();
        String items = OgcLinks.base(request) + "/collections/" + source.id() + "/items";
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(page(items, q.params(), q.offset()), Rel.SELF, OgcMediaTypes.GEO_JSON, null));
        boolean more = matched.isPresent() ? q.offset() + rows.size() < matched.getAsLong()
                : rows.size() == q.limit();
        if (more) {
            links.add(OgcLinks.link(page(items, q.params(), q.offset() + q.limit()), Rel.NEXT,
                    OgcMediaTypes.GEO_JSON, null));
        }
        if (q.offset() > 0) {
            links.add(OgcLinks.link(page(items, q.params(), Math.max(0, q.offset() - q.limit())), Rel.PREV,
                    OgcMediaTypes.GEO_JSON, null));
        }
        links.add(OgcLinks.link(OgcLinks.base(request) + "/collections/" + source.id(), Rel.COLLECTION,
                OgcMediaTypes.JSON, null));
        for (ExportFormat x : ExportFormat.values()) {
            links.add(OgcLinks.link(alternate(items, q.params(), q.offset(), x), Rel.ALTERNATE, x.mediaType(), x.title()));
        }
        GeoJsonFeatures.Page page = geoJson.collection(rows, q.crs(), matched.isPresent() ? matched.getAsLong() : null,
                links, clock.instant());
        return withCrs(OgcResponses.bytes(page.bytes(), OgcMediaTypes.GEO_JSON, page.etag(), ifNoneMatch), q.crs());
    }

    @GetMapping("/{featureId}")
    ResponseEntity<byte[]> item(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> raw, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CollectionSource source = catalog.require(collectionId, CurrentActor.anonymous());
        Map<String, String> p = OgcParams.single(raw, OgcParams.ITEM);
        OgcCrsUri crs = parser.crsParam(p.get(OgcParams.CRS), OgcParams.CRS);
        long id = FeatureIds.parse(featureId);
        FeatureRow row = store.byId(source, id).orElseThrow(() -> ApiException.notFound("feature", featureId));
        PropertySelection selection = parser.selection(source, p.get(OgcParams.PROPERTIES));
        Map<String, Object> props = new LinkedHashMap<>(row.properties());
        props.keySet().retainAll(selection.names());
        boolean skip = "true".equalsIgnoreCase(p.get(OgcParams.SKIP_GEOMETRY));
        FeatureRow shown = new FeatureRow(row.id(), props, skip ? null : row.geometry(), row.version());
        String collection = OgcLinks.base(request) + "/collections/" + source.id();
        List<Map<String, Object>> links = List.of(
                OgcLinks.link(collection + "/items/" + id, Rel.SELF, OgcMediaTypes.GEO_JSON, null),
                OgcLinks.link(collection, Rel.COLLECTION, OgcMediaTypes.JSON, null));
        byte[] body = geoJson.feature(shown, crs, links);
        // Sites answer their version as ETag, the same one Part 4 expects back in If-Match.
        String etag = row.version() == null || !p.isEmpty() ? null : "\"" + row.version() + "\"";
        return withCrs(OgcResponses.bytes(body, OgcMediaTypes.GEO_JSON, etag, ifNoneMatch), crs);
    }

    private static ResponseEntity<byte[]> withCrs(ResponseEntity<byte[]> r, OgcCrsUri crs) {
        return ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                .header(CONTENT_CRS, "<" + crs.uri() + ">").body(r.getBody());
    }

    /** The items URL with every parameter of the request kept and only the offset replaced. */
    static String page(String items, Map<String, String> params, long offset) {
        StringBuilder url = new StringBuilder(items);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (e.getKey().equals(OgcParams.OFFSET)) {
                continue;
            }
            url.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        if (offset > 0) {
            url.append(sep).append("offset=").append(offset);
        }
        return url.toString();
    }

    /** The same query as a file: every parameter kept, {@code f} set to the format. */
    static String alternate(String items, Map<String, String> params, long offset, ExportFormat format) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove(OgcParams.F);
        p.remove(OgcParams.CHARSET);
        p.put(OgcParams.F, format.f());
        return page(items, p, offset);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
