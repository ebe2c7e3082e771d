package org.wufei.gis.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the district's reference layers (townships, rivers, villages, sensitive areas, roads) from the files beside
 * district.json into each empty table, through the same reader and checks as an ADMIN's replacement upload, and
 * records each load as version 1 of the layer.
 */
@Component
@Order(10)
class ReferenceLayerLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(ReferenceLayerLoader.class);

    private final JdbcClient jdbc;
    private final UploadedLayerReader reader;
    private final ReferenceLayerWriter writer;
    private final Path dir;

    ReferenceLayerLoader(JdbcClient jdbc, UploadedLayerReader reader, ReferenceLayerWriter writer,
            @Value("${gis.district.config}") String districtConfig) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.writer = writer;
        this.dir = Path.of(districtConfig).toAbsolutePath().getParent();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ReferenceLayerSpec spec : ReferenceLayerSpec.ALL) {
            if (jdbc.sql("SELECT COUNT(*) FROM " + spec.table()).query(Long.class).single() == 0) {
                load(spec);
            }
        }
    }

    private void load(ReferenceLayerSpec spec) {
        Path file = dir.resolve(spec.file());
        if (!Files.isRegularFile(file)) {
            log.warn("Reference layer file {} is missing; the layer stays empty", file);
            return;
        }
        UploadedLayerReader.Read read = reader.read(spec, file, null, null);
        writer.replace(spec, read, new ReferenceLayerWriter.Provenance(spec.file(), null, null, spec.file(), "system"));
        log.info("Loaded reference layer {} from {}: {} features", spec.table(), file, read.rows().size());
    }
}
