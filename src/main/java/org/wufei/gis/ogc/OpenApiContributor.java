package org.wufei.gis.ogc;

import java.util.Map;

/**
 * Paths another module adds to the OpenAPI document of /ogc (e.g. the tiles module's endpoints), so that document
 * lists every public behaviour without knowing the module. Every bean of this type is asked.
 */
public interface OpenApiContributor {

    /** Path items keyed by path relative to the /ogc server URL; self-contained (inline schemas only). */
    Map<String, Object> paths();
}
