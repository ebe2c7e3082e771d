package org.wufei.gis.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.wufei.gis.common.Actor;
import org.wufei.gis.crs.CrsRegistry;

/**
 * The one way features leave the service as a file: items of any collection, the waste-heap register and process
 * results all come through here, so the format code, the file name and the audit of non-public exports
 * ({@link ExportRequested}) live in one place. Features are pushed by a {@link FeatureProducer} while the response is written; nothing
 * holds the whole result.
 */
@Component
public class FeatureStreamWriter {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureStreamWriter.class);
    private static final ZoneId DISTRICT_ZONE = ZoneId.of("Asia/Shanghai");

    private final CrsRegistry crs;
    private final Path tempDir;

    private final ApplicationEventPublisher events;

    public FeatureStreamWriter(CrsRegistry crs) {
        this(crs, e -> { });
    }

    @Autowired
    public FeatureStreamWriter(CrsRegistry crs, ApplicationEventPublisher events) {
        this.crs = crs;
        this.events = events;
        this.tempDir = Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A streamed download: headers now, the body written on Spring MVC's async thread as the producer pushes
     * features. Who asked is logged here (the audit hook for non-public data).
     *
     * @param fileStem the file name without extension, e.g. {@code waste_heaps} (the date is appended)
     */
    public ResponseEntity<StreamingResponseBody> response(ExportFormat format, ExportLayer layer, String fileStem,
            Actor actor, FeatureProducer producer) {
        LOG.info("export {} of {} as {} for {}", fileStem, layer.name(), format.f(),
                actor == null || actor.username() == null ? "anonymous" : actor.username());
        if (actor != null && !actor.roles().isEmpty()) {
            events.publishEvent(new ExportRequested(fileStem, layer.name(), format.f()));
        }
        String fileName = fileStem + "-" + LocalDate.now(DISTRICT_ZONE) + "." + format.extension();
        StreamingResponseBody body = out -> write(format, layer, out, producer);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    /**
     * The same download written on the calling thread straight to the servlet response: for handlers whose
     * return type cannot be a streaming body (one that answers a JSON page or a file), and for long exports,
     * which the asynchronous request timeout would otherwise cut short.
     */
    public void stream(ExportFormat format, ExportLayer layer, String fileStem, Actor actor,
            HttpServletResponse response, FeatureProducer producer) throws IOException {
        ResponseEntity<StreamingResponseBody> r = response(format, layer, fileStem, actor, producer);
        response.setStatus(r.getStatusCode().value());
        r.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        OutputStream out = response.getOutputStream();
        r.getBody().writeTo(out);
        out.flush();
    }

    /** Writes the whole file to {@code out} (not closed): for process results, tests and benchmarks. */
    public void write(ExportFormat format, ExportLayer layer, OutputStream out, FeatureProducer producer)
            throws IOException {
        FeatureFileWriter writer = open(format, layer, out);
        boolean done = false;
        try {
            producer.produce(writer);
            writer.finish();
            done = true;
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (!done) {
                writer.abort();
            }
        }
    }

    private FeatureFileWriter open(ExportFormat format, ExportLayer layer, OutputStream out) throws IOException {
        UnaryOperator<Geometry> toOutput = toOutputCrs(layer.crs().srid());
        return switch (format) {
            case GEOJSON -> new GeoJsonFileWriter(layer, out, toOutput, crs.isGeographic(layer.crs().srid()));
            case GEOPACKAGE -> new GeoPackageFileWriter(layer, out, toOutput, tempDir);
            case CSV, CSV_GBK -> new CsvFileWriter(layer, out, toOutput, format.charset());
            case XLSX -> new XlsxFileWriter(layer, out, toOutput);
            case KML -> new KmlFileWriter(layer, out);
        };
    }

    private UnaryOperator<Geometry> toOutputCrs(int srid) {
        if (srid == 4326) {
            return UnaryOperator.identity();
        }
        return g -> crs.transform(g, 4326, srid);
    }
}
