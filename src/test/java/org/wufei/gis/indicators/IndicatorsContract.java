package org.wufei.gis.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The annex-1 indicators over real HTTP on each database: values equal to counts made by hand in SQL over the
 * register, moved by exactly the sites the test creates and moves, replayed as of past dates from history rows
 * with chosen times, per township, drilled down to sites, and a new entry in a copy of the file computed.
 */
@IntegrationTest
abstract class IndicatorsContract {
    static final String SHIGUAI = "石拐街道";
    static final String[][] HEAP_STEPS = {
        {"assigned", "{}"}, {"verifying", "{}"},
        {"confirmed", "{\"note\":\"核查属实\",\"evidence\":[{\"type\":\"inspection\",\"ref\":\"INS-1\"}]}"},
        {"rectifying", "{\"mode\":\"deadline\",\"deadline\":\"2099-12-31\"}"},
        {"rectified", "{\"note\":\"已清运\",\"evidence\":[{\"type\":\"cleanup\",\"ref\":\"清运单-1\"}]}"}};

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SiteStates states;
    @Autowired
    LedgerTable ledgerTable;
    @Autowired
    List<CoverageSource> providers;
    @Autowired
    RadiusCoverage.Villages villageCoverage;
    @Autowired
    StrawTierCoverage strawCoverage;
    @Autowired
    org.wufei.gis.analysis.Processes processes;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theBoardCarriesEachAnnexIndicatorWithBaselineTargetAndLeadBureau() {
        Http.Response r = http.get("/api/indicators");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode heap = byId(r.json().get("indicators"), "heap-rectification");
        assertThat(heap.get("annex").asString()).isEqualTo("34");
        assertThat(heap.get("baseline").asDouble()).isZero();
        assertThat(heap.get("target").asDouble()).isEqualTo(100);
        assertThat(heap.at("/leadBureau/zh").asString()).isEqualTo("市生态环境局分局");
        assertThat(heap.get("computedAt").asString()).isNotBlank();
        JsonNode straw = byId(r.json().get("indicators"), "straw-collection-coverage");
        assertThat(straw.get("annex").asString()).isEqualTo("17");
        assertThat(straw.get("baseline").asDouble()).isEqualTo(16.1);
        assertThat(straw.get("target").asDouble()).isEqualTo(30);
        assertThat(straw.get("denominator").asDouble()).isEqualTo(count("SELECT COUNT(*) FROM village"));
        assertThat(byId(r.json().get("indicators"), "green-mine-rate").get("annex").asString()).isEqualTo("6");
        JsonNode recycling = byId(r.json().get("indicators"), "recycling-coverage");
        assertThat(recycling.get("annex").asString()).isEqualTo("19");
        assertThat(recycling.get("baseline").isNull()).as("no invented plan figure").isTrue();
        assertThat(recycling.get("progress").isNull()).isTrue();
        assertThat(recycling.get("denominator").asDouble()).isEqualTo(count("SELECT COUNT(*) FROM village"));
        for (String board : List.of("sites-open", "sites-overdue", "sites-closed")) {
            assertThat(byId(r.json().get("indicators"), board).get("byKind")).isNotNull();
        }
    }

    @Test
    void liveValuesEqualCountsMadeByHandOverTheRegister() {
        double num = count("SELECT COUNT(*) FROM site WHERE deleted_at IS NULL AND ("
                + "(kind = 'waste_heap' AND status IN ('rectified', 'reviewed', 'closed')) OR "
                + "(kind = 'tailings_pond' AND status IN ('closed', 'written_off')))");
        double den = count("SELECT COUNT(*) FROM site WHERE deleted_at IS NULL AND ("
                + "(kind = 'waste_heap' AND status IN ('confirmed', 'rectifying', 'rectified', 'reviewed', 'closed'))"
                + " OR (kind = 'tailings_pond' AND status IN ('disused', 'closing', 'closed', 'written_off')))");
        JsonNode heap = http.get("/api/indicators/heap-rectification").json();
        assertThat(heap.get("numerator").asDouble()).isEqualTo(num);
        assertThat(heap.get("denominator").asDouble()).isEqualTo(den);
        assertThat(heap.get("value").asDouble()).isCloseTo(100.0 * num / den, within(1e-9));
        assertThat(heap.get("progress").asDouble()).isCloseTo(num / den, within(1e-9));
        JsonNode mines = http.get("/api/indicators/green-mine-rate").json();
        assertThat(mines.get("numerator").asDouble()).isEqualTo(count("SELECT COUNT(*) FROM site WHERE "
                + "deleted_at IS NULL AND kind = 'green_mine' AND status IN ('listed', 'rectifying')"));
        JsonNode overdue = http.get("/api/indicators/sites-overdue").json();
        assertThat(overdue.get("numerator").asDouble()).isEqualTo(count("SELECT COUNT(*) FROM site WHERE "
                + "deleted_at IS NULL AND deadline < CURRENT_DATE AND ((kind = 'waste_heap' AND status IN "
                + "('confirmed', 'rectifying', 'rectified', 'reviewed')) OR (kind = 'tailings_pond' AND status IN "
                + "('disused', 'closing')) OR (kind = 'green_mine' AND status IN ('creating', 'applied', 'rectifying')))"));
    }

    @Test
    void movingAHeapMovesIndicator34ByExactlyOneAndOnlyInItsTownship() {
        String other = URLEncoder.encode("大发街道", StandardCharsets.UTF_8);
        JsonNode before = http.get("/api/indicators/heap-rectification").json();
        JsonNode beforeHere = http.get("/api/indicators/heap-rectification?township=" + enc(SHIGUAI)).json();
        JsonNode beforeOther = http.get("/api/indicators/heap-rectification?township=" + other).json();
        long id = heapUpTo("confirmed");
        JsonNode confirmed = http.get("/api/indicators/heap-rectification").json();
        assertThat(confirmed.get("numerator").asDouble()).isEqualTo(before.get("numerator").asDouble());
        assertThat(confirmed.get("denominator").asDouble()).isEqualTo(before.get("denominator").asDouble() + 1);
        move(id, "rectifying", "rectified");
        JsonNode after = http.get("/api/indicators/heap-rectification").json();
        assertThat(after.get("numerator").asDouble()).isEqualTo(before.get("numerator").asDouble() + 1);
        assertThat(after.get("denominator").asDouble()).isEqualTo(before.get("denominator").asDouble() + 1);
        JsonNode afterHere = http.get("/api/indicators/heap-rectification?township=" + enc(SHIGUAI)).json();
        assertThat(afterHere.get("numerator").asDouble()).isEqualTo(beforeHere.get("numerator").asDouble() + 1);
        assertThat(afterHere.get("township").asString()).isEqualTo(SHIGUAI);
        JsonNode afterOther = http.get("/api/indicators/heap-rectification?township=" + other).json();
        assertThat(afterOther.get("numerator").asDouble()).isEqualTo(beforeOther.get("numerator").asDouble());
    }

    @Test
    void asOfADateBetweenTwoTransitionsTheValueIsReplayedFromHistory() {
        String at = "/api/indicators/heap-rectification?at=";
        JsonNode jan = http.get(at + "2021-01-20").json();
        JsonNode mar = http.get(at + "2021-03-15").json();
        JsonNode apr = http.get(at + "2021-04-15").json();
        long id = heapUpTo("assigned");
        event(id, "CREATED", null, "suspected", "2021-01-10T09:00:00+08:00");
        event(id, "TRANSITION", "suspected", "confirmed", "2021-02-01T10:00:00+08:00");
        event(id, "TRANSITION", "confirmed", "rectifying", "2021-03-01T10:00:00+08:00");
        // late in the evening of 15 April, district time (still 15 April: the day ends at midnight in Shanghai)
        event(id, "TRANSITION", "rectifying", "rectified", "2021-04-15T23:30:00+08:00");
        assertDelta(jan, http.get(at + "2021-01-20").json(), 0, 0);
        assertDelta(mar, http.get(at + "2021-03-15").json(), 0, 1);
        assertDelta(apr, http.get(at + "2021-04-15").json(), 1, 1);
        JsonNode asOf = http.get(at + "2021-03-15").json();
        assertThat(asOf.get("at").asString()).isEqualTo("2021-03-15");
        JsonNode sites = http.get("/api/indicators/heap-rectification/sites?at=2021-03-15").json();
        assertThat(ids(sites.get("denominator"))).contains(id);
        assertThat(ids(sites.get("numerator"))).doesNotContain(id);
    }

    @Test
    void theLedgerGivesTheTallyOfReplayingTheHistoryOnAnyDayAndInAnyTownship() {
        // a heap whose history was written late, two transitions on one day, and its deadline long past
        long id = heapUpTo("assigned");
        event(id, "CREATED", null, "suspected", "2022-05-10T09:00:00+08:00");
        event(id, "TRANSITION", "suspected", "confirmed", "2022-06-01T08:00:00+08:00");
        event(id, "TRANSITION", "confirmed", "rectifying", "2022-06-01T17:00:00+08:00");
        jdbc.sql("UPDATE site SET deadline = DATE '2022-07-15', updated_at = CURRENT_TIMESTAMP WHERE id = ?")
                .param(id).update();
        ledgerTable.caughtUp(states.dataVersion(), true);
        StatusLedger ledger = ledgerTable.ledger();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate first = states.firstEvent().atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();
        List<LocalDate> days = new ArrayList<>(List.of(first, LocalDate.of(2022, 5, 31), LocalDate.of(2022, 6, 1),
                LocalDate.of(2022, 7, 15), LocalDate.of(2022, 7, 16), today.minusDays(1), today));
        for (YearMonth m = YearMonth.from(first); m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            days.add(m.atEndOfMonth());
        }
        List<LocalDate> ends = new ArrayList<>();
        for (YearMonth m = YearMonth.from(first); m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            ends.add(m.atEndOfMonth());
        }
        ends.add(today);
        StatusLedger monthly = ledgerTable.monthly(ends.stream().map(LocalDate::toEpochDay).toList());
        for (LocalDate day : ends) {
            for (String township : java.util.Arrays.asList(null, SHIGUAI)) {
                assertThat(cells(monthly.tally(day.toEpochDay(), township))).as(day + " " + township + " monthly")
                        .isEqualTo(cells(states.tally(Indicators.moment(day, township))));
            }
        }
        for (LocalDate day : days) {
            for (String township : java.util.Arrays.asList(null, SHIGUAI)) {
                var fromLedger = ledger.tally(day.toEpochDay(), township);
                var replayed = states.tally(Indicators.moment(day, township));
                assertThat(cells(fromLedger)).as(day + " " + township).isEqualTo(cells(replayed));
                assertThat(cells(ledgerTable.tally(day.toEpochDay(), township))).as(day + " " + township + " table")
                        .isEqualTo(cells(replayed));
                assertThat(fromLedger.stream().mapToDouble(SiteStates.Cell::areaM2).sum()).as(day + " area")
                        .isCloseTo(replayed.stream().mapToDouble(SiteStates.Cell::areaM2).sum(), within(0.01));
            }
        }
    }

    @Test
    void theLedgerTableFollowsAnEditedTownshipAndADeletionMadeThroughTheApi() {
        ledgerTable.caughtUp(states.dataVersion(), true);
        long moved = heapUpTo("confirmed");
        long deleted = heapUpTo("rectified");
        String etag = http.get("/api/sites/" + moved, "admin").header("ETag");
        Http.Response r = http.send("PATCH", "/api/sites/" + moved, "admin", "{\"township\":\"大发街道\"}", etag);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        etag = http.get("/api/sites/" + deleted, "admin").header("ETag");
        assertThat(http.send("DELETE", "/api/sites/" + deleted, "admin", null, etag).status()).isEqualTo(204);
        ledgerTable.caughtUp(states.dataVersion(), false);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (String township : java.util.Arrays.asList(null, SHIGUAI, "大发街道")) {
            assertThat(cells(ledgerTable.tally(today.toEpochDay(), township))).as(township)
                    .isEqualTo(cells(states.tally(Indicators.moment(today, township))));
        }
    }

    private static List<String> cells(List<SiteStates.Cell> tally) {
        return tally.stream().filter(c -> c.sites() != 0 || c.overdue() != 0)
                .map(c -> c.kind() + "/" + c.status() + " " + c.sites() + " " + c.overdue()).sorted().toList();
    }

    @Test
    void drillDownListsTheSitesBehindNumeratorAndDenominator() {
        long id = heapUpTo("rectified");
        JsonNode value = http.get("/api/indicators/heap-rectification").json();
        JsonNode sites = http.get("/api/indicators/heap-rectification/sites").json();
        assertThat(ids(sites.get("numerator"))).contains(id);
        assertThat(ids(sites.get("denominator"))).contains(id);
        assertThat(sites.get("numerator").size()).isEqualTo(value.get("numerator").asInt());
        assertThat(sites.get("denominator").size()).isEqualTo(value.get("denominator").asInt());
        JsonNode row = sites.get("numerator").valueStream().filter(s -> s.get("id").asLong() == id).findFirst()
                .orElseThrow();
        assertThat(row.get("status").asString()).isEqualTo("rectified");
        assertThat(row.get("township").asString()).isEqualTo(SHIGUAI);
    }

    @Test
    void theMonthlySeriesRunsFromTheFirstHistoryEventToTodayAndEndsAtTheLiveValue() {
        JsonNode live = http.get("/api/indicators/heap-rectification").json();
        JsonNode points = http.get("/api/indicators/heap-rectification/series").json().get("points");
        OffsetDateTime first = jdbc.sql("SELECT MIN(at) FROM status_event").query(OffsetDateTime.class).single();
        YearMonth from = YearMonth.from(first.toInstant().atZone(ZoneId.of("Asia/Shanghai")));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(points.get(0).get("month").asString()).isEqualTo(from.toString());
        assertThat(points.size()).isEqualTo((int) from.until(YearMonth.from(today),
                java.time.temporal.ChronoUnit.MONTHS) + 1);
        JsonNode last = points.get(points.size() - 1);
        assertThat(last.get("at").asString()).isEqualTo(today.toString());
        assertThat(last.get("numerator").asDouble()).isEqualTo(live.get("numerator").asDouble());
        assertThat(last.get("denominator").asDouble()).isEqualTo(live.get("denominator").asDouble());
    }

    @Test
    void anOperatingRecyclingSiteAtAVillageCoversThatVillageAndItsTownshipCountsIt() {
        String township = "五当召镇";
        record Village(String name, double x, double y) {
        }
        Village v = jdbc.sql("SELECT name, ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y "
                + "FROM village WHERE township = ? ORDER BY code").param(township).query((rs, n) -> new Village(
                        rs.getString("name"), rs.getDouble("x"), rs.getDouble("y"))).list().get(0);
        // the provider on its own: a serving point at the village covers it, no point covers nothing
        var reach = new CoverageSource.Reach(3000.0, null);
        assertThat(villageCoverage.cover(List.of(new CoverageSource.Point(-1, v.x(), v.y())), reach, township)
                .covered()).contains(v.name());
        assertThat(villageCoverage.cover(List.of(), reach, township).covered()).isEmpty();

        String here = "/api/indicators/recycling-coverage?township=" + enc(township);
        long id = create("recycling_site", township,
                "{\"type\":\"Point\",\"coordinates\":[" + v.x() + "," + v.y() + "]}",
                "{\"site_type\":\"sorting_centre\"}");
        move(id, "building", "operating");
        JsonNode covered = http.get(here).json();
        assertThat(covered.get("denominator").asDouble())
                .isEqualTo(count("SELECT COUNT(*) FROM village WHERE township = '" + township + "'"));
        assertThat(covered.get("coveredUnits").valueStream().map(JsonNode::asString)).contains(v.name());
        assertThat(covered.get("value").asDouble())
                .isEqualTo(100.0 * covered.get("numerator").asDouble() / covered.get("denominator").asDouble());
        JsonNode sites = http.get("/api/indicators/recycling-coverage/sites").json();
        assertThat(ids(sites.get("numerator"))).contains(id);
    }

    @Test
    void aCoverageCachedOverAChangeToAnotherKindIsRecomputedAfterAChangeToItsOwn() {
        String township = "五当召镇";
        String here = "/api/indicators/recycling-coverage?township=" + enc(township);
        JsonNode before = http.get(here).json();
        List<String> covered = before.get("coveredUnits").valueStream().map(JsonNode::asString).toList();
        record Village(String name, double x, double y) {
        }
        var uncovered = jdbc.sql("SELECT name, ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y"
                + " FROM village WHERE township = ? ORDER BY code DESC").param(township).query((rs, n) -> new Village(
                        rs.getString("name"), rs.getDouble("x"), rs.getDouble("y"))).list().stream()
                .filter(v -> !covered.contains(v.name())).findFirst();
        assumeTrue(uncovered.isPresent(), "every village of " + township + " is covered already");
        // another kind (a heap of its own place, so no export of other tests sees two at one place): the coverage
        // is served from the cache, and the same
        create("waste_heap", SHIGUAI, "{\"type\":\"Polygon\",\"coordinates\":[[[110.2770,40.6814],[110.2780,40.6814],"
                + "[110.2780,40.6820],[110.2770,40.6820],[110.2770,40.6814]]]}",
                "{\"category\":\"coal_gangue\",\"responsible_party\":\"某某公司\"}");
        assertThat(http.get(here).json().get("numerator")).isEqualTo(before.get("numerator"));
        Village v = uncovered.get();
        long id = create("recycling_site", township, "{\"type\":\"Point\",\"coordinates\":[" + v.x() + ","
                + v.y() + "]}", "{\"site_type\":\"sorting_centre\"}");
        move(id, "building", "operating"); // its own kind: computed again
        JsonNode after = http.get(here).json();
        assertThat(after.get("numerator").asDouble()).isEqualTo(before.get("numerator").asDouble() + 1);
        assertThat(after.get("coveredUnits").valueStream().map(JsonNode::asString)).contains(v.name());
        JsonNode asOf = http.get(here + "&at=" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).json();
        assertThat(asOf.get("numerator")).isEqualTo(after.get("numerator"));
    }

    @Test
    void aCoverageSeriesInOnePassEqualsOneReplayPerMoment() {
        // a recycling site at a village, operating from 10 March to 1 June 2021 by its (back-dated) history
        String township = "五当召镇";
        double[] at = jdbc.sql("SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y "
                + "FROM village WHERE township = ? ORDER BY code").param(township)
                .query((rs, n) -> new double[] {rs.getDouble("x"), rs.getDouble("y")}).list().get(1);
        long id = create("recycling_site", township, "{\"type\":\"Point\",\"coordinates\":[" + at[0] + ","
                + at[1] + "]}", "{\"site_type\":\"sorting_centre\"}");
        event(id, "TRANSITION", "planned", "operating", "2021-03-10T09:00:00+08:00");
        event(id, "TRANSITION", "operating", "suspended", "2021-06-01T09:00:00+08:00");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<LocalDate> days = new ArrayList<>(List.of(LocalDate.of(2021, 3, 9), LocalDate.of(2021, 3, 10),
                LocalDate.of(2021, 5, 31), LocalDate.of(2021, 6, 1), today));
        for (YearMonth m = YearMonth.of(2020, 12); m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            days.add(m.atEndOfMonth());
        }
        days.sort(null);
        var recycling = List.of(new IndicatorDefinition.Clause(List.of("recycling_site"), List.of("operating"),
                false));
        var straw = List.of(new IndicatorDefinition.Clause(List.of("straw_collection_point"), List.of("operating"),
                false));
        var tiers = new java.util.HashMap<String, Double>();
        tiers.put("village_point", 3000.0);
        tiers.put("township_centre", 10000.0);
        tiers.put("district_leader", null);
        for (String scope : java.util.Arrays.asList(null, township)) {
            List<SiteStates.Moment> moments = days.stream().map(d -> Indicators.moment(d, scope)).toList();
            assertOnePassEqualsReplays(villageCoverage, recycling, new CoverageSource.Reach(3000.0, null), moments);
            assertOnePassEqualsReplays(strawCoverage, straw, new CoverageSource.Reach(null, tiers), moments);
        }
    }

    private void assertOnePassEqualsReplays(CoverageSource provider, List<IndicatorDefinition.Clause> servedBy,
            CoverageSource.Reach reach, List<SiteStates.Moment> moments) {
        ledgerTable.caughtUp(states.dataVersion(), true);
        for (ServingHistory history : List.of(states.servingHistory(servedBy), states.servingSpans(servedBy))) {
            assertOnePassEqualsReplays(provider, servedBy, reach, moments, history);
        }
    }

    private void assertOnePassEqualsReplays(CoverageSource provider, List<IndicatorDefinition.Clause> servedBy,
            CoverageSource.Reach reach, List<SiteStates.Moment> moments, ServingHistory history) {
        var onePass = provider.coverEach(history.points(), history.serving(moments, servedBy), reach,
                moments.get(0).township());
        for (int i = 0; i < moments.size(); i++) {
            SiteStates.Moment m = moments.get(i);
            var points = states.allSites(new SiteStates.Moment(m.end(), m.day(), null), servedBy).stream()
                    .map(s -> new CoverageSource.Point(s.id(), s.lon(), s.lat())).toList();
            var replayed = provider.cover(points, reach, m.township());
            assertThat(onePass.get(i).units()).as(provider.id() + " " + m).isEqualTo(replayed.units());
            assertThat(onePass.get(i).covered()).as(provider.id() + " " + m)
                    .containsExactlyInAnyOrderElementsOf(replayed.covered());
        }
    }

    @Test
    void strawCoverageIsThePlanningProcessRuleOverVillagesByTier() {
        // live, the indicator equals the straw-coverage process run with its default radii and statuses
        var result = processes.execute("straw-coverage", processes.inputs("straw-coverage", null));
        long villages = result.features().size();
        long covered = result.features().stream().filter(f -> (Boolean) f.properties().get("covered")).count();
        JsonNode straw = http.get("/api/indicators/straw-collection-coverage").json();
        assertThat(straw.get("denominator").asDouble()).isEqualTo(villages);
        assertThat(straw.get("numerator").asDouble()).isEqualTo(covered);
        String township = "五当召镇";
        long there = result.features().stream().filter(f -> township.equals(f.properties().get("township"))
                && (Boolean) f.properties().get("covered")).count();
        assertThat(http.get("/api/indicators/straw-collection-coverage?township=" + enc(township)).json()
                .get("numerator").asDouble()).isEqualTo(there);

        // the tier decides the reach: a new village point covers its village, and only the points counted count
        record Village(String name, double x, double y) {
        }
        Village v = jdbc.sql("SELECT name, ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y "
                + "FROM village WHERE township = ? ORDER BY code DESC").param(township).query((rs, n) -> new Village(
                        rs.getString("name"), rs.getDouble("x"), rs.getDouble("y"))).list().get(0);
        double x = v.x() + 0.005; // about 420 m east of the village's point
        long id = create("straw_collection_point", township, "{\"type\":\"Point\",\"coordinates\":[" + x + ","
                + v.y() + "]}", "{\"tier\":\"village_point\",\"capacity_t_per_year\":100}");
        java.util.Map<String, Double> tiers = new java.util.HashMap<>();
        tiers.put("village_point", 1000.0);
        tiers.put("township_centre", 100.0);
        tiers.put("district_leader", 100.0);
        var reach = new CoverageSource.Reach(null, tiers);
        var point = List.of(new CoverageSource.Point(id, x, v.y()));
        assertThat(strawCoverage.cover(point, reach, township).covered()).containsExactly(v.name());
        assertThat(strawCoverage.cover(List.of(), reach, township).covered()).isEmpty();
        tiers.put("village_point", 100.0);
        tiers.put("township_centre", 1000.0);
        assertThat(strawCoverage.cover(point, reach, township).covered())
                .as("a village point reaches only as far as its own tier's radius").isEmpty();
    }

    @Test
    void aNewEntryInACopyOfTheFileIsComputed(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("indicators.yml");
        Files.writeString(copy, Files.readString(Path.of("gis-data/indicators.yml")) + """

                  - id: ponds-in-use
                    annex: "test"
                    name: {zh: 在用尾矿库数量, en: Tailings ponds in use}
                    unit: 座
                    leadBureau: {zh: 区应急管理局, en: Emergency Management Bureau}
                    formula:
                      count:
                        - {kind: [tailings_pond], status: [in_use]}
                """);
        Indicators fromCopy = new Indicators(IndicatorFile.read(copy, Set.of("township-radius", "village-radius",
                "straw-tiers")), states, ledgerTable, providers);
        IndicatorDefinition added = fromCopy.find("ponds-in-use").orElseThrow();
        IndicatorValue v = fromCopy.value(added, Indicators.moment(null, null));
        assertThat(v.value()).isEqualTo(count("SELECT COUNT(*) FROM site WHERE deleted_at IS NULL "
                + "AND kind = 'tailings_pond' AND status = 'in_use'"));
        assertThat(fromCopy.definitions()).hasSize(http.get("/api/indicators").json().get("indicators").size() + 1);
    }

    @Test
    void unknownIndicatorBadDateUnknownTownshipAndUnknownParameterAreProblems() {
        Http.Response missing = http.get("/api/indicators/no-such-indicator");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("indicator_not_found");
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get("/api/indicators/heap-rectification?at=2021-02-30").code()).isEqualTo("date_invalid");
        assertThat(http.get("/api/indicators/heap-rectification?at=yesterday").code()).isEqualTo("date_invalid");
        assertThat(http.get("/api/indicators/heap-rectification?at=2999-01-01").code()).isEqualTo("date_invalid");
        assertThat(http.get("/api/indicators?township=" + enc("不存在镇")).code()).isEqualTo("township_unknown");
        Http.Response unknown = http.get("/api/indicators/heap-rectification?kind=waste_heap");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("parameter_unknown");
        assertThat(http.get("/api/indicators/heap-rectification/series?at=2021-01-01").code())
                .isEqualTo("parameter_unknown");
        assertThat(http.get("/api/indicators/no-such-indicator/sites").status()).isEqualTo(404);
    }

    private void assertDelta(JsonNode before, JsonNode after, int numerator, int denominator) {
        assertThat(after.get("numerator").asDouble() - before.get("numerator").asDouble()).as("numerator")
                .isEqualTo(numerator);
        assertThat(after.get("denominator").asDouble() - before.get("denominator").asDouble()).as("denominator")
                .isEqualTo(denominator);
    }

    private void event(long siteId, String type, String from, String to, String at) {
        jdbc.sql("INSERT INTO status_event (site_id, event_type, from_status, to_status, actor, at) "
                + "VALUES (?, ?, ?, ?, 'test', ?)").params(siteId, type, from, to, OffsetDateTime.parse(at)).update();
    }

    /** A new waste heap in 石拐街道 moved along its lifecycle up to and including {@code last}. */
    long heapUpTo(String last) {
        long id = create("waste_heap", SHIGUAI, "{\"type\":\"Polygon\",\"coordinates\":[[[110.2670,40.6714],"
                + "[110.2680,40.6714],[110.2680,40.6720],[110.2670,40.6720],[110.2670,40.6714]]]}",
                "{\"category\":\"coal_gangue\",\"responsible_party\":\"某某公司\"}");
        List<String> steps = new ArrayList<>();
        for (String[] step : HEAP_STEPS) {
            steps.add(step[0]);
            if (step[0].equals(last)) {
                break;
            }
        }
        move(id, steps.toArray(String[]::new));
        return id;
    }

    long create(String kind, String township, String geometry, String attributes) {
        ObjectNode body = Http.JSON.createObjectNode().put("kind", kind)
                .put("name", "指标测试-" + UUID.randomUUID().toString().substring(0, 8)).put("township", township);
        body.set("geometry", Http.JSON.readTree(geometry));
        body.set("attributes", Http.JSON.readTree(attributes));
        Http.Response r = http.post("/api/sites", "admin", body.toString(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    void move(long id, String... statuses) {
        for (String to : statuses) {
            String etag = http.get("/api/sites/" + id, "admin").header("ETag");
            ObjectNode t = (ObjectNode) Http.JSON.readTree(step(to));
            t.put("to", to);
            Http.Response r = http.post("/api/sites/" + id + "/transitions", "admin", t.toString(), etag);
            assertThat(r.status()).as(to + ": " + r.body()).isEqualTo(200);
        }
    }

    private static String step(String to) {
        for (String[] s : HEAP_STEPS) {
            if (s[0].equals(to)) {
                return s[1];
            }
        }
        return to.equals("operating") ? "{\"evidence\":[{\"type\":\"inspection\",\"ref\":\"验收-1\"}]}" : "{}";
    }

    private double count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    static List<Long> ids(JsonNode rows) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get("id").asLong()));
        return out;
    }

    static JsonNode byId(JsonNode rows, String id) {
        for (JsonNode row : rows) {
            if (row.get("id").asString().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
