package org.wufei.gis.sites;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A kind's lifecycle: its states in table order and its transition table. */
public record Lifecycle(SiteKind kind, List<Transition> transitions) {

    public Lifecycle {
        transitions = List.copyOf(transitions);
    }

    public Set<String> states() {
        Set<String> states = new LinkedHashSet<>();
        for (Transition t : transitions) {
            if (!t.isCreation()) {
                states.add(t.from());
            }
            states.add(t.to());
        }
        return states;
    }

    public boolean hasState(String status) {
        return states().contains(status);
    }

    public Optional<Transition> find(String from, String to) {
        return transitions.stream()
                .filter(t -> !t.isCreation() && t.from().equals(from) && t.to().equals(to))
                .findFirst();
    }

    public List<Transition> from(String status) {
        return transitions.stream().filter(t -> !t.isCreation() && t.from().equals(status)).toList();
    }

    public List<Transition> creations() {
        return transitions.stream().filter(Transition::isCreation).toList();
    }

    public Optional<Transition> creation(String status) {
        return creations().stream().filter(t -> t.to().equals(status)).findFirst();
    }

    public String initialState() {
        return creations().get(0).to();
    }
}
