package org.wufei.gis.sites;

import java.time.Period;
import java.util.List;
import java.util.Set;
import org.wufei.gis.common.Role;

/**
 * One edge of a kind's lifecycle table: who may take it and what it needs. An empty {@code from}
 * marks a state a new site may start in.
 *
 * @param evidence evidence types required; "*" means at least one piece of any type
 * @param waivable required types that a recorded reason may replace
 * @param deadline null: none; REQUIRED or OPTIONAL; or a default period counted from the transition
 */
public record Transition(
        String from,
        String to,
        Set<Role> roles,
        List<String> evidence,
        Set<String> waivable,
        boolean noteRequired,
        boolean modeRequired,
        DeadlineRule deadline) {

    public static final String ANY_EVIDENCE = "*";

    public boolean isCreation() {
        return from == null || from.isEmpty();
    }

    /** How a transition sets the deadline of the rectification it starts. */
    public record DeadlineRule(boolean required, Period defaultPeriod) {
        public static final DeadlineRule REQUIRED = new DeadlineRule(true, null);
        public static final DeadlineRule OPTIONAL = new DeadlineRule(false, null);

        public static DeadlineRule parse(String text) {
            return switch (text) {
                case "" -> null;
                case "required" -> REQUIRED;
                case "optional" -> OPTIONAL;
                default -> new DeadlineRule(false, Period.parse(text));
            };
        }
    }
}
