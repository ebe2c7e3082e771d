package org.wufei.gis.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(5), clock);

    @Test
    void theFifthFailureWithinTheWindowThrottlesThatNameFromThatAddressOnly() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Admin", "10.0.0.1");
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isEmpty();
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).contains(Duration.ofSeconds(260));
        assertThat(throttle.retryAfter("admin", "10.0.0.2")).isEmpty();
        assertThat(throttle.retryAfter("viewer", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresLeaveTheWindowAndASuccessForgetsThem() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        throttle.succeeded("admin", "10.0.0.1");
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.retryAfter("admin", "10.0.0.1")).isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
