package org.wufei.gis.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Role;

/** The lifecycle tables are data; these checks keep an edited table from shipping a broken lifecycle. */
class LifecycleTablesTest {
    static final org.wufei.gis.sites.KindRegistry KINDS = org.wufei.gis.sites.KindRegistry.loadDefault();

    static java.util.Collection<SiteKind> kinds() {
        return KINDS.all();
    }

    private static final Lifecycles LIFECYCLES = Lifecycles.load();

    @ParameterizedTest
    @MethodSource("kinds")
    void everyStateIsReachableFromACreationState(SiteKind kind) {
        Lifecycle l = LIFECYCLES.of(kind);
        Set<String> reached = new HashSet<>();
        var queue = new ArrayDeque<String>();
        l.creations().forEach(t -> queue.add(t.to()));
        while (!queue.isEmpty()) {
            String s = queue.poll();
            if (reached.add(s)) {
                l.from(s).forEach(t -> queue.add(t.to()));
            }
        }
        assertThat(reached).containsExactlyInAnyOrderElementsOf(l.states());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyEdgeNamesRolesAndKnownEvidenceAndAdminMayTakeIt(SiteKind kind) {
        for (Transition t : LIFECYCLES.of(kind).transitions()) {
            assertThat(t.roles()).as(t.toString()).contains(Role.ADMIN);
            var declared = new java.util.HashSet<>(kind.evidence().keySet());
            declared.add(Transition.ANY_EVIDENCE);
            assertThat(declared).as(t.toString()).containsAll(t.evidence());
            assertThat(t.evidence()).as(t.toString()).containsAll(t.waivable());
        }
    }

    @Test
    void wasteHeapLifecycleIsTheOneTheProgrammeUses() {
        Lifecycle l = LIFECYCLES.of(KINDS.get("waste_heap"));
        assertThat(l.states()).containsExactly("suspected", "assigned", "verifying", "confirmed", "dismissed",
                "rectifying", "rectified", "reviewed", "closed");
        assertThat(l.find("rectified", "rectifying")).as("failed review goes back").isPresent();
        Transition close = l.find("reviewed", "closed").orElseThrow();
        assertThat(close.evidence()).containsExactly("cleanup", "source_tracing", "penalty", "public_notice");
        assertThat(close.waivable()).doesNotContain("cleanup");
        assertThat(l.find("confirmed", "rectifying").orElseThrow().modeRequired()).isTrue();
    }

    @Test
    void aWaivedEvidenceTypeNeedsAReasonAndAnUnwaivableOneARef() {
        Transition close = LIFECYCLES.of(KINDS.get("waste_heap")).find("reviewed", "closed").orElseThrow();
        TransitionRequest withoutReason = new TransitionRequest("closed", "销号", List.of(
                new Evidence("cleanup", "c.jpg", null, null), new Evidence("source_tracing", "t.pdf", null, null),
                new Evidence("penalty", null, null, " "), new Evidence("public_notice", "n", null, null)),
                null, null);
        assertThatThrownBy(() -> withoutReason.check(close, LocalDate.now()))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "evidence_malformed");
    }

    @Test
    void aDeadlineInThePastIsRefused() {
        Transition start = LIFECYCLES.of(KINDS.get("waste_heap")).find("confirmed", "rectifying").orElseThrow();
        TransitionRequest r = new TransitionRequest("rectifying", null, List.of(), "deadline",
                LocalDate.parse("2020-01-01"));
        assertThatThrownBy(() -> r.check(start, LocalDate.ofInstant(Instant.now(), java.time.ZoneOffset.UTC)))
                .hasFieldOrPropertyWithValue("code", "deadline_in_past");
    }
}
