package org.wufei.gis.common;

import java.io.IOException;
import java.nio.file.Path;
import org.wufei.gis.common.config.DistrictConfiguration;

/** Reads a district description outside Spring (generators, benchmarks). */
public final class Districts {
    private Districts() {
    }

    public static District read(Path path) throws IOException {
        return DistrictConfiguration.read(path);
    }
}
