package org.wufei.gis.ogc.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs GDAL's command-line tools (gdal-bin) as a real OGC API client would. */
final class Gdal {

    private Gdal() {
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    /** The "Feature Count" ogrinfo -so -al prints for one layer, or -1 when the layer is not there. */
    static long featureCount(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + Pattern.quote(layer) + "\\R(?:.*\\R)*?Feature Count: (\\d+)")
                .matcher(ogrinfo);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
