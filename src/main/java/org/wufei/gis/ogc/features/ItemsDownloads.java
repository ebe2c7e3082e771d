package org.wufei.gis.ogc.features;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.export.ExportField;
import org.wufei.gis.export.ExportFormat;
import org.wufei.gis.export.ExportLayer;
import org.wufei.gis.export.FeatureStreamWriter;

/**
 * Items as a file (GeoPackage, GeoJSON file, CSV, XLSX, KML): the format chosen by {@code f} or, without it, by
 * {@code Accept}; the same checked query as a page, but without {@code limit} every matching feature, read
 * through a cursor and written as it is read.
 */
@Component
class ItemsDownloads {
    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final FeatureStore store;
    private final FeatureStreamWriter writer;

    ItemsDownloads(FeatureStore store, FeatureStreamWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /**
     * The export format asked for, or empty for the GeoJSON page. {@code f} wins; without it the first
     * acceptable type in quality order decides: JSON, GeoJSON and wildcards give the page, an export media type
     * its file, and an Accept naming none of these is a 406.
     */
    Optional<ExportFormat> negotiate(String f, String charset, String accept) {
        if (f != null) {
            return ExportFormat.byF(f).map(x -> gbk(x, charset));
        }
        if (accept == null || accept.isBlank()) {
            return Optional.empty();
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            throw ApiException.badRequest("accept_invalid", "Accept", accept);
        }
        types = new java.util.ArrayList<>(types);
        types.sort((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue()));
        for (MediaType t : types) {
            if (t.getQualityValue() <= 0) {
                continue;
            }
            if (t.isCompatibleWith(GEO_JSON) || t.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return Optional.empty();
            }
            for (ExportFormat x : ExportFormat.values()) {
                if (x != ExportFormat.GEOJSON && t.equalsTypeAndSubtype(MediaType.parseMediaType(x.mediaType()))) {
                    String cs = t.getParameter("charset");
                    return Optional.of(gbk(x, cs != null ? cs : charset));
                }
            }
        }
        throw new ApiException(HttpStatus.NOT_ACCEPTABLE, "format_not_acceptable", "Accept", accept);
    }

    private static ExportFormat gbk(ExportFormat x, String charset) {
        if (charset == null || x != ExportFormat.CSV && x != ExportFormat.CSV_GBK) {
            return x;
        }
        return switch (charset.toLowerCase(Locale.ROOT)) {
            case "gbk", "gb2312", "gb18030" -> ExportFormat.CSV_GBK;
            case "utf-8", "utf8" -> ExportFormat.CSV;
            default -> throw ApiException.badRequest("charset_unsupported", OgcParams.CHARSET, charset);
        };
    }

    void download(CollectionSource source, ItemsQuery q, ExportFormat format, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, String> p = q.params();
        ExportLayer layer = layer(source, q, p);
        if (format == ExportFormat.KML && q.crs().srid() != 4326) {
            throw ApiException.badRequest("crs_not_offered", OgcParams.CRS, p.get(OgcParams.CRS));
        }
        // Without limit an export is every matching feature (from offset on); with it, that page.
        boolean paged = p.containsKey(OgcParams.LIMIT);
        writer.stream(format, layer, source.id(), CurrentActor.of(request), response,
                sink -> store.forEach(source, q.toRequest(), paged, sink::add));
    }

    private static ExportLayer layer(CollectionSource source, ItemsQuery q, Map<String, String> p) {
        boolean english = "en".equalsIgnoreCase(p.get(OgcParams.LANG));
        List<ExportField> fields = source.table().properties().stream()
                .filter(prop -> q.properties().names().contains(prop.name()))
                .map(prop -> new ExportField(prop.name(), prop.title() == null ? null
                        : english ? prop.title().en() : prop.title().zh(), type(prop.type())))
                .toList();
        return new ExportLayer(source.id(), source.title().in(english ? Locale.ENGLISH : Locale.CHINESE),
                source.geometryType(), fields, q.crs(), headers(p.get(OgcParams.HEADERS)),
                coordinates(p.get(OgcParams.COORDINATES)));
    }

    private static ExportLayer.Headers headers(String v) {
        if (v == null || v.equals("names")) {
            return ExportLayer.Headers.NAMES;
        }
        if (v.equals("labels")) {
            return ExportLayer.Headers.LABELS;
        }
        throw ApiException.badRequest("parameter_invalid", OgcParams.HEADERS, OgcParams.HEADERS);
    }

    private static ExportLayer.Coordinates coordinates(String v) {
        if (v == null) {
            return null;
        }
        return switch (v) {
            case "wkt" -> ExportLayer.Coordinates.WKT;
            case "lonlat" -> ExportLayer.Coordinates.LONLAT;
            default -> throw ApiException.badRequest("parameter_invalid", OgcParams.COORDINATES,
                    OgcParams.COORDINATES);
        };
    }

    static ExportField.Type type(Property.Type t) {
        return switch (t) {
            case STRING -> ExportField.Type.STRING;
            case INTEGER -> ExportField.Type.INTEGER;
            case NUMBER -> ExportField.Type.NUMBER;
            case BOOLEAN -> ExportField.Type.BOOLEAN;
            case TIMESTAMP -> ExportField.Type.TIMESTAMP;
        };
    }
}
