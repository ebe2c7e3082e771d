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

/** The statuses each kind's lifecycle table (classpath lifecycles/{kind}.csv) names: what a formula may refer to. */
final class Lifecycles {

    private Lifecycles() {
    }

    static Map<String, Set<String>> statusesByKind() {
        Map<String, Set<String>> out = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:lifecycles/*.csv")) {
                String kind = r.getFilename().substring(0, r.getFilename().length() - ".csv".length());
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
