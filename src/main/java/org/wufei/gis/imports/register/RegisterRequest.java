package org.wufei.gis.imports.register;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A register import's request: the kind, the confirmed mapping (column → field), status values (value in the file →
 * lifecycle state), whether to update sites that exist, the CRS and encoding; stored with a queued import.
 */
record RegisterRequest(String kind, Map<String, String> mapping, Map<String, String> statuses, boolean update,
        String crs, String encoding) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> TEXT_MAP = new TypeReference<>() {
    };

    RegisterBatches.Stored stored() {
        return new RegisterBatches.Stored(JSON.writeValueAsString(mapping), JSON.writeValueAsString(statuses),
                update, crs, encoding);
    }

    /** The request an import was queued with. */
    static RegisterRequest of(RegisterBatches.Batch b) {
        return new RegisterRequest(b.kind(), textMap(b.mappingJson()), textMap(b.statusesJson()), b.update(),
                b.crs(), b.encoding());
    }

    private static Map<String, String> textMap(String json) {
        return json == null ? Map.of() : JSON.readValue(json, TEXT_MAP);
    }
}
