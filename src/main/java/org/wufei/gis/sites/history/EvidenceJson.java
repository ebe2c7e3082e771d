package org.wufei.gis.sites.history;

import java.util.List;
import org.wufei.gis.sites.Evidence;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Evidence lists as the JSON text kept in status_event.evidence. */
final class EvidenceJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Evidence>> LIST = new TypeReference<>() {
    };

    private EvidenceJson() {
    }

    static String write(List<Evidence> evidence) {
        return JSON.writeValueAsString(evidence);
    }

    static List<Evidence> read(String json) {
        return JSON.readValue(json, LIST);
    }
}
