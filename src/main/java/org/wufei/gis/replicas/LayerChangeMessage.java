package org.wufei.gis.replicas;

import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.catalog.LayerChanged;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link LayerChanged} as the NOTIFY payload carries it (JSON, well under PostgreSQL's 8,000-byte limit), with the
 * process that sent it so a replica ignores its own.
 */
record LayerChangeMessage(String origin, LayerChanged change) {
    static final String CHANNEL = "gis_layer_changed";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String toJson() {
        ObjectNode o = JSON.createObjectNode().put("origin", origin).put("collection", change.collectionId());
        put(o, "before", change.before());
        put(o, "after", change.after());
        return JSON.writeValueAsString(o);
    }

    /** Empty for a payload that is not ours to read (another program on the channel, a newer format). */
    static Optional<LayerChangeMessage> fromJson(String payload) {
        try {
            JsonNode o = JSON.readTree(payload);
            String origin = o.path("origin").asString(null);
            String collection = o.path("collection").asString(null);
            if (origin == null || collection == null) {
                return Optional.empty();
            }
            return Optional.of(new LayerChangeMessage(origin,
                    new LayerChanged(collection, envelope(o.path("before")), envelope(o.path("after")))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void put(ObjectNode o, String name, Envelope e) {
        if (e != null && !e.isNull()) {
            o.putArray(name).add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
        }
    }

    private static Envelope envelope(JsonNode a) {
        if (!a.isArray() || a.size() != 4) {
            return null;
        }
        return new Envelope(a.get(0).asDouble(), a.get(2).asDouble(), a.get(1).asDouble(), a.get(3).asDouble());
    }
}
