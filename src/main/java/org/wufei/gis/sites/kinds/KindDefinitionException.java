package org.wufei.gis.sites.kinds;

import java.nio.file.Path;

/** A kind definition the service refuses to start with; the message names the file and, where known, the line. */
public class KindDefinitionException extends IllegalStateException {

    public KindDefinitionException(Path file, Integer line, String problem) {
        super("Kind definition " + file + (line == null ? "" : " line " + line) + ": " + problem);
    }

    public KindDefinitionException(Path file, Integer line, String problem, Throwable cause) {
        super("Kind definition " + file + (line == null ? "" : " line " + line) + ": " + problem, cause);
    }
}
