package org.wufei.gis.analysis;

import java.time.Instant;
import org.wufei.gis.common.ApiException;

/**
 * What a client sees of an asynchronous execution: OGC API - Processes job states, times, and the result or the
 * refusal once it has ended; {@code progress} is a percentage (100 once ended).
 */
public record Job(String id, String processId, String owner, State state, Instant created, Instant started,
        Instant finished, ProcessResult result, ApiException failure, int progress) {

    /** The statusCode values of OGC API - Processes. */
    public enum State {
        ACCEPTED("accepted"), RUNNING("running"), SUCCESSFUL("successful"), FAILED("failed"),
        DISMISSED("dismissed");

        private final String code;

        State(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** The state with this statusCode. */
        public static State of(String code) {
            for (State s : values()) {
                if (s.code.equals(code)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown job status " + code);
        }

        public boolean ended() {
            return this == SUCCESSFUL || this == FAILED || this == DISMISSED;
        }
    }

    public Instant updated() {
        return finished != null ? finished : started != null ? started : created;
    }
}
