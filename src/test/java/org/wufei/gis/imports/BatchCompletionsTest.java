package org.wufei.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCompletionsTest {
    private final BatchCompletions completions = new BatchCompletions();

    @Test
    void everyWaiterOnTheBatchIsToldOnceAndForgotten() {
        List<String> told = new ArrayList<>();
        completions.register(1, () -> told.add("a"));
        completions.register(1, () -> told.add("b"));
        completions.register(2, () -> told.add("other batch"));

        completions.ended(1);
        completions.ended(1);

        assertThat(told).containsExactlyInAnyOrder("a", "b");
        assertThat(completions.waiting(1)).isZero();
        assertThat(completions.waiting(2)).isEqualTo(1);
    }

    @Test
    void aWaiterThatGaveUpIsRemovedAndNotTold() {
        List<String> told = new ArrayList<>();
        var gaveUp = completions.register(1, () -> told.add("gave up"));
        completions.register(1, () -> told.add("stayed"));

        gaveUp.close();
        gaveUp.close();
        assertThat(completions.waiting(1)).isEqualTo(1);
        completions.ended(1);

        assertThat(told).containsExactly("stayed");
    }

    @Test
    void theLastWaiterToGiveUpLeavesNothingBehind() {
        completions.register(7, () -> { }).close();
        assertThat(completions.waiting(7)).isZero();
        completions.ended(7); // nothing to tell, nothing thrown
    }

    @Test
    void aFailingWaiterDoesNotKeepTheOthersFromBeingTold() {
        List<String> told = new ArrayList<>();
        completions.register(1, () -> {
            throw new IllegalStateException("boom");
        });
        completions.register(1, () -> told.add("told"));

        completions.ended(1);

        assertThat(told).containsExactly("told");
    }
}
