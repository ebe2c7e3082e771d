package org.wufei.gis.indicators;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The statuses each kind's lifecycle table names, for tools and tests without the service: the tables
 * {@code gis-data/kinds/{kind}.lifecycle.csv} (the service passes the kind definitions' own statuses).
 */
final class Lifecycles {

    private Lifecycles() {
    }

    static Map<String, Set<String>> statusesByKind() {
        Map<String, Set<String>> out = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("file:gis-data/kinds/*.lifecycle.csv")) {
                String kind = r.getFilename().substring(0, r.getFilename().length() - ".lifecycle.csv".length());
                out.put(kind, read(r));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the lifecycle tables", e);
        }
        return out;
    }

    private static Set<String> read(Resource r) throws IOException {
        Set<String> statuses = new LinkedHashSet<>();
        try (InputStream in = r.getInputStream();
                var csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (CSVRecord row : csv) {
                if (!row.get("from").isBlank()) {
                    statuses.add(row.get("from").strip());
                }
                statuses.add(row.get("to").strip());
            }
        }
        return statuses;
    }
}
