package org.wufei.gis.indicators;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.wufei.gis.indicators.IndicatorDefinition.Clause;
import org.wufei.gis.indicators.IndicatorDefinition.Formula;
import org.wufei.gis.indicators.SiteStates.Cell;
import org.wufei.gis.indicators.SiteStates.Moment;
import org.wufei.gis.indicators.SiteStates.SiteRow;

/**
 * Computes the indicators of one definitions file: now, as of the end of a day (district time) and per township.
 * Tallies are cached under the register's data version, coverages under the stamp of their serving kinds (see
 * {@link LedgerTable#stamp}), so any change to a site they count, or its history, makes
 * the next request recompute.
 */
class Indicators {
    static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");
    private static final int CACHE_ENTRIES = 4096;
    private static final ExecutorService BOARD = Executors.newFixedThreadPool(3, r -> {
        Thread t = new Thread(r, "indicators-board");
        t.setDaemon(true);
        return t;
    });

    private final List<IndicatorDefinition> definitions;
    private final SiteStates states;
    private final LedgerTable table;
    private final Map<String, CoverageSource> providers;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    Indicators(List<IndicatorDefinition> definitions, SiteStates states, LedgerTable table,
            List<CoverageSource> providers) {
        this.definitions = definitions;
        this.states = states;
        this.table = table;
        this.providers = providers.stream().collect(Collectors.toMap(CoverageSource::id, Function.identity()));
        for (IndicatorDefinition d : definitions) {
            var c = d.formula().coverage();
            String problem = c == null ? null : this.providers.get(c.provider()).problem(c.reach());
            if (problem != null) {
                throw new IllegalStateException("Indicators file, entry '" + d.id() + "': " + problem);
            }
        }
        // the board of now and of yesterday are computed once after a start (a coverage reads every serving site,
        // as of a date their spans): the first reader after a restart finds them cached, and the code compiled
        table.afterStart(() -> {
            values(moment(null, null));
            values(moment(LocalDate.now(DISTRICT_TIME).minusDays(1), null));
        });
    }

    List<IndicatorDefinition> definitions() {
        return definitions;
    }

    Optional<IndicatorDefinition> find(String id) {
        return definitions.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** Now when {@code at} is null, else as of the end of that day in the district. */
    static Moment moment(LocalDate at, String township) {
        if (at == null) {
            return new Moment(null, LocalDate.now(DISTRICT_TIME), township);
        }
        return new Moment(at.plusDays(1).atStartOfDay(DISTRICT_TIME).toInstant().atOffset(ZoneOffset.UTC), at,
                township);
    }

    IndicatorValue value(IndicatorDefinition d, Moment m) {
        return value(d, m, caughtUp(states.dataVersion()));
    }

    /** Every indicator at one moment, under one data version (read once). */
    List<IndicatorValue> values(Moment m) {
        String version = caughtUp(states.dataVersion());
        // the tally and each coverage are independent reads: computed side by side, then every value from them
        List<CompletableFuture<?>> parts = new ArrayList<>();
        if (definitions.stream().anyMatch(d -> d.formula().coverage() == null)) {
            parts.add(CompletableFuture.runAsync(() -> tally(m, version), BOARD));
        }
        definitions.stream().filter(d -> d.formula().coverage() != null)
                .forEach(d -> parts.add(CompletableFuture.runAsync(() -> coverage(d, m, version), BOARD)));
        try {
            parts.forEach(CompletableFuture::join);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return definitions.stream().map(d -> value(d, m, version)).toList();
    }

    /**
     * Catches the ledger table up first (milliseconds for a few changed sites), so it knows which kinds changed and
     * a coverage of other kinds stays cached ({@link LedgerTable#stamp}).
     */
    private String caughtUp(String version) {
        table.caughtUp(version, false);
        return version;
    }

    private IndicatorValue value(IndicatorDefinition d, Moment m, String version) {
        return value(d, m, version, null);
    }

    /** With {@code ledger} (when not null) holding the tally of {@code m}'s day. */
    private IndicatorValue value(IndicatorDefinition d, Moment m, String version, StatusLedger ledger) {
        Formula f = d.formula();
        Map<String, Double> byKind = null;
        List<String> covered = null;
        double numerator;
        Double denominator = null;
        Double value;
        if (f.coverage() != null) {
            CoverageSource.Result r = coverage(d, m, version);
            covered = r.covered();
            numerator = covered.size();
            denominator = (double) r.units();
            value = r.units() == 0 ? null : 100.0 * numerator / r.units();
        } else {
            List<Cell> tally = ledger != null ? ledger.tally(m.day().toEpochDay(), m.township()) : tally(m, version);
            if (f.ratio() != null) {
                byKind = Formulas.count(tally, f.ratio().numerator());
                numerator = Formulas.total(byKind);
                denominator = Formulas.total(Formulas.count(tally, f.ratio().denominator()));
                value = denominator == 0 ? null : 100.0 * numerator / denominator;
            } else {
                byKind = f.count() != null ? Formulas.count(tally, f.count()) : Formulas.area(tally, f.sumArea());
                numerator = Formulas.total(byKind);
                value = numerator;
            }
        }
        return new IndicatorValue(d.id(), d.annex(), d.name(), d.unit(), f.type(), value, numerator, denominator,
                d.baseline(), d.target(), IndicatorValue.progress(value, d.baseline(), d.target()), d.leadBureau(),
                m.end() == null ? null : m.day(), m.township(), byKind, covered, Instant.now());
    }

    /** The sites behind the numerator and the denominator (for a coverage: the serving sites). */
    record Drilldown(String id, LocalDate at, String township, List<SiteRow> numerator, List<SiteRow> denominator,
            List<String> coveredUnits) {
    }

    Drilldown sites(IndicatorDefinition d, Moment m) {
        Formula f = d.formula();
        boolean spans = m.end() != null && table.caughtUp(states.dataVersion(), false) != null;
        LocalDate at = m.end() == null ? null : m.day();
        if (f.ratio() != null) {
            return new Drilldown(d.id(), at, m.township(), states.sites(m, f.ratio().numerator(), spans),
                    states.sites(m, f.ratio().denominator(), spans), null);
        }
        if (f.coverage() != null) {
            return new Drilldown(d.id(), at, m.township(), states.sites(m, f.coverage().servedBy(), spans), List.of(),
                    coverage(d, m, states.dataVersion()).covered());
        }
        List<Clause> selection = f.count() != null ? f.count() : f.sumArea();
        return new Drilldown(d.id(), at, m.township(), states.sites(m, selection, spans), List.of(), null);
    }

    record Point(YearMonth month, LocalDate at, Double value, double numerator, Double denominator) {
    }

    /** Month by month from the first history event to today: the value at each month's end (today for this one). */
    List<Point> series(IndicatorDefinition d, String township) {
        String version = states.dataVersion();
        LocalDate today = LocalDate.now(DISTRICT_TIME);
        // MIN(at) reads the whole history: once per data version
        var first = ((Optional<?>) cached("first|" + version, () -> Optional.ofNullable(states.firstEvent())))
                .map(OffsetDateTime.class::cast).orElse(null);
        YearMonth month = first == null ? YearMonth.from(today)
                : YearMonth.from(first.toInstant().atZone(DISTRICT_TIME));
        List<YearMonth> months = new ArrayList<>();
        List<Moment> moments = new ArrayList<>();
        for (; !month.isAfter(YearMonth.from(today)); month = month.plusMonths(1)) {
            months.add(month);
            moments.add(moment(month.equals(YearMonth.from(today)) ? today : month.atEndOfMonth(), township));
        }
        StatusLedger ledger = null;
        if (d.formula().coverage() == null) {
            List<Long> ends = moments.stream().map(m -> m.day().toEpochDay()).toList();
            ledger = (StatusLedger) cached("monthly|" + version + "|" + ends.get(0) + "|" + today, () -> {
                table.caughtUp(version, true);
                return table.monthly(ends);
            });
        } else {
            coverEach(d, moments, version);
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < moments.size(); i++) {
            IndicatorValue v = value(d, moments.get(i), version, ledger);
            out.add(new Point(months.get(i), moments.get(i).day(), v.value(), v.numerator(), v.denominator()));
        }
        return out;
    }

    /** A coverage at many moments: the serving kinds' history read once and the provider run once for all. */
    private void coverEach(IndicatorDefinition d, List<Moment> moments, String version) {
        List<Moment> missing = moments.stream()
                .filter(m -> !cache.containsKey(coverageKey(d, m, version))).toList();
        if (missing.isEmpty()) {
            return;
        }
        var c = d.formula().coverage();
        ServingHistory history = servingHistory(version, c.servedBy(), true);
        List<CoverageSource.Result> results = providers.get(c.provider()).coverEach(history.points(),
                history.serving(missing, c.servedBy()), c.reach(), missing.get(0).township());
        for (int i = 0; i < missing.size(); i++) {
            CoverageSource.Result r = results.get(i);
            cached(coverageKey(d, missing.get(i), version), () -> r);
        }
    }

    /** Under the stamp of the serving kinds: a change to sites of other kinds leaves the coverage cached. */
    private String coverageKey(IndicatorDefinition d, Moment m, String version) {
        return "coverage|" + stamp(version, d.formula().coverage().servedBy()) + "|" + d.id() + "|" + m;
    }

    private String stamp(String version, List<Clause> clauses) {
        return table.stamp(version, clauses.stream().flatMap(c -> c.kind().stream()).distinct().toList());
    }

    /**
     * Now: one GROUP BY over the site table. As of a day: one SUM over the ledger table once it has caught up, else
     * (while it is being built in the background) one replay of the last event per site before that day.
     */
    @SuppressWarnings("unchecked")
    private List<Cell> tally(Moment m, String version) {
        if (m.end() != null) {
            String held = table.caughtUp(version, false);
            if (held != null) {
                return (List<Cell>) cached("tally|" + held + "|" + m,
                        () -> table.tally(m.day().toEpochDay(), m.township()));
            }
        }
        return (List<Cell>) cached("tally|" + version + "|" + m, () -> states.tally(m));
    }

    /** The serving kinds' history of this data version, read once for every month and every as-of coverage. */
    private ServingHistory servingHistory(String version, List<Clause> servedBy, boolean mayWait) {
        return (ServingHistory) cached(historyKey(servedBy, version), () -> table.caughtUp(version, mayWait) != null
                ? states.servingSpans(servedBy) : states.servingHistory(servedBy));
    }

    private String historyKey(List<Clause> servedBy, String version) {
        return "serving|" + stamp(version, servedBy) + "|" + servedBy;
    }

    private CoverageSource.Result coverage(IndicatorDefinition d, Moment m, String version) {
        return (CoverageSource.Result) cached(coverageKey(d, m, version), () -> {
            var c = d.formula().coverage();
            if (m.end() != null && (cache.get(historyKey(c.servedBy(), version)) instanceof ServingHistory
                    || table.caughtUp(version, false) != null)) {
                ServingHistory h = servingHistory(version, c.servedBy(), false);
                return providers.get(c.provider()).coverEach(h.points(), h.serving(List.of(m), c.servedBy()),
                        c.reach(), m.township()).get(0);
            }
            // a site in the next township may serve this one: serving sites are never limited to the township
            Moment anywhere = new Moment(m.end(), m.day(), null);
            List<CoverageSource.Point> points = states.allSites(anywhere, c.servedBy()).stream()
                    .map(s -> new CoverageSource.Point(s.id(), s.lon(), s.lat())).toList();
            return providers.get(c.provider()).cover(points, c.reach(), m.township());
        });
    }

    /** Entries of older data versions are never read again; the whole cache is dropped when it grows too big. */
    private Object cached(String key, Supplier<Object> compute) {
        Object v = cache.get(key);
        if (v == null) {
            v = compute.get();
            if (cache.size() >= CACHE_ENTRIES) {
                cache.clear();
            }
            cache.put(key, v);
        }
        return v;
    }
}
