package org.wufei.gis.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wufei.gis.common.http.Preferences;

class PreferencesTest {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "wait=5                          | 5",
        "return=minimal, wait=5          | 5",
        "return=minimal,wait=5,handling=lenient | 5",
        "WAIT=5                          | 5",
        "wait = 5                        | 5",
        "wait=\"7\"                      | 7",
        "wait=5; foo=bar                 | 5",
        "wait=5, wait=9                  | 5",
        "foo=\"a,wait=3\", wait=4        | 4",
        ",, wait=6 ,                     | 6",
        "wait=0                          | 0",
        "wait=007                        | 7",
        "wait=60                         | 60",
        "wait=61                         | 60",
        "wait=3600                       | 60",
        "wait=99999999999999999999       | 60"})
    void theWaitPreferenceIsReadAsRfc7240SaysAndCapped(String header, int seconds) {
        assertThat(Preferences.waitSeconds(header, 60)).isEqualTo(OptionalInt.of(seconds));
    }

    @ParameterizedTest(name = "[{0}] -> no wait")
    @NullSource
    @ValueSource(strings = {"", "return=minimal", "wait", "wait=", "wait=abc", "wait=-1", "wait=1.5", "wait=5s",
        "wait=+5", "respond-async; wait=5", "wai t=5", "wait=abc, wait=5"})
    void anUnusableWaitIsIgnored(String header) {
        assertThat(Preferences.waitSeconds(header, 60)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "return=minimal; foo=\"x;y\", respond-async | {return=minimal, respond-async=}",
        "a=\"say \\\"hi\\\"\"                         | {a=say \"hi\"}"})
    void preferencesKeepTheirNamesAndValuesAndDropParameters(String header, String parsed) {
        assertThat(Preferences.parse(header)).hasToString(parsed);
    }
}
