package org.wufei.gis.imports.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The read-ahead stage keeps order, hands errors over after the results before them, and stops when closed. */
class ReadAheadTest {

    @Test
    void everyResultArrivesInOrderAcrossChunks() {
        List<Integer> seen = new ArrayList<>();
        AtomicInteger notes = new AtomicInteger();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(IntStream.range(0, 10_000).iterator(), it -> it.next() * 2,
                notes::incrementAndGet, "test-read")) {
            Integer i;
            while ((i = ahead.next()) != null) {
                seen.add(i);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(seen).hasSize(10_000).isSorted();
        assertThat(seen.get(9_999)).isEqualTo(19_998);
        assertThat(notes.get()).isGreaterThanOrEqualTo(10_000 / 256);
    }

    @Test
    void anErrorComesAfterTheResultsReadBeforeIt() {
        Iterator<Integer> source = IntStream.range(0, 1_000).iterator();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source, it -> {
            int n = it.next();
            if (n == 700) {
                throw new IllegalArgumentException("feature 700 is broken");
            }
            return n;
        }, () -> { }, "test-read")) {
            for (int i = 0; i < 700; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
            assertThatThrownBy(ahead::next).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("700");
            assertThat(ahead.next()).isNull();
        }
    }

    @Test
    void closingEarlyStopsTheReadingThreadBeforeItReadsEverything() {
        AtomicInteger read = new AtomicInteger();
        Iterator<Integer> endless = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return read.incrementAndGet();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(endless, Iterator::next, () -> { }, "test-read-endless");
        assertThat(ahead.next()).isEqualTo(1);
        ahead.close();
        int after = read.get();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-read-endless"));
        assertThat(read.get()).isEqualTo(after).isLessThan(100_000);
    }
}
