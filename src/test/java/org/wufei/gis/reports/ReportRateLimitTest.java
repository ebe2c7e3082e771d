package org.wufei.gis.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ReportRateLimitTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aClientMaySendTheLimitPerWindowAndIsToldWhenItMaySendAgain() {
        var limit = new ReportRateLimit(3, Duration.ofMinutes(60), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire("198.51.100.7")).isEmpty();
            now.set(now.get().plusSeconds(60));
        }
        assertThat(limit.tryAcquire("198.51.100.7")).hasValue(Duration.ofMinutes(57));
        assertThat(limit.tryAcquire("198.51.100.8")).as("another client").isEmpty();
        now.set(now.get().plus(Duration.ofMinutes(57)));
        assertThat(limit.tryAcquire("198.51.100.7")).as("the first left the window").isEmpty();
    }

    @Test
    void trackingCodesAreWellFormedAndDiffer() {
        String a = TrackingCodes.next();
        assertThat(TrackingCodes.wellFormed(a)).isTrue();
        assertThat(a).isNotEqualTo(TrackingCodes.next());
        assertThat(TrackingCodes.wellFormed("ABCDE-FGHI1")).isFalse();
        assertThat(TrackingCodes.wellFormed("' OR 1=1")).isFalse();
    }
}
