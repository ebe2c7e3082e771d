package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wufei.gis.common.PublicRead;

/** Production implies sign-in for every read unless public read is set explicitly. */
class PublicReadTest {

    @Test
    void publicReadIsOnByDefaultOffInProductionAndAnExplicitSettingWins() {
        assertThat(PublicRead.enabled(null, false)).isTrue();
        assertThat(PublicRead.enabled("", false)).isTrue();
        assertThat(PublicRead.enabled(null, true)).isFalse();
        assertThat(PublicRead.enabled(" ", true)).isFalse();
        assertThat(PublicRead.enabled("true", true)).isTrue();
        assertThat(PublicRead.enabled("false", false)).isFalse();
    }
}
