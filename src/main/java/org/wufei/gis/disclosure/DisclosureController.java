package org.wufei.gis.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Labels;

/**
 * {@code GET /api/disclosure?from=&to=&township=}: what the public may know of remediation — the sites signed off
 * (已销号) in the period, each with its state when registered and its sign-off date and public note, and the open
 * sites by township. Never an actor, an address or an internal note. Dates are the district's local dates.
 */
@RestController
class DisclosureController {
    private static final Set<String> PARAMS = Set.of("from", "to", "township", "lang");
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");
    private static final int MAX_DAYS = 3660;

    private final DisclosureQueries queries;
    private final Labels labels;
    private final District district;

    DisclosureController(DisclosureQueries queries, Labels labels, District district) {
        this.queries = queries;
        this.labels = labels;
        this.district = district;
    }

    record Period(LocalDate from, LocalDate to) {
    }

    record SignedOffView(long id, String code, String name, String kind, Map<String, String> kindLabel,
            String township, Double areaM2, Before before, After after, double[] point) {
    }

    record Before(LocalDate registeredOn, String status, Map<String, String> statusLabel) {
    }

    record After(LocalDate signedOffOn, String status, Map<String, String> statusLabel, String rectificationMode,
            Map<String, String> modeLabel, String publicNote, String currentStatus,
            Map<String, String> currentStatusLabel) {
    }

    record OpenView(long id, String code, String name, String kind, Map<String, String> kindLabel, String status,
            Map<String, String> statusLabel, LocalDate deadline, boolean overdue, double[] point) {
    }

    record TownshipOpen(String township, int count, List<OpenView> sites) {
    }

    record Disclosure(Period period, String township, List<SignedOffView> signedOff, List<TownshipOpen> open,
            Instant generatedAt) {
    }

    @GetMapping("/api/disclosure")
    Disclosure disclosure(@RequestParam Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMS.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        LocalDate today = LocalDate.now(DISTRICT_TIME);
        LocalDate to = date(params.get("to"), "to", today);
        LocalDate from = date(params.get("from"), "from", to.minusYears(1).withDayOfYear(1));
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.badRequest("period_invalid", "from", from, to, MAX_DAYS);
        }
        String township = params.get("township");
        if (township != null && district.townships().stream().noneMatch(t -> t.name().equals(township))) {
            throw ApiException.badRequest("township_unknown", "township", township);
        }
        Instant start = from.atStartOfDay(DISTRICT_TIME).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(DISTRICT_TIME).toInstant();
        List<SignedOffView> signedOff = queries.signedOff(start, end, township).stream().map(this::view).toList();
        Map<String, List<OpenView>> byTownship = new LinkedHashMap<>();
        for (DisclosureQueries.Open o : queries.open(township)) {
            byTownship.computeIfAbsent(o.township() == null ? "" : o.township(), k -> new ArrayList<>())
                    .add(new OpenView(o.id(), o.code(), o.name(), o.kind(), kind(o.kind()), o.status(),
                            status(o.kind(), o.status()), o.deadline(),
                            o.deadline() != null && o.deadline().isBefore(today), new double[] {o.lon(), o.lat()}));
        }
        List<TownshipOpen> open = byTownship.entrySet().stream()
                .map(e -> new TownshipOpen(e.getKey(), e.getValue().size(), e.getValue())).toList();
        return new Disclosure(new Period(from, to), township, signedOff, open, Instant.now());
    }

    private SignedOffView view(DisclosureQueries.SignedOff s) {
        Before before = new Before(local(s.registeredAt()), s.registeredStatus(),
                s.registeredStatus() == null ? null : status(s.kind(), s.registeredStatus()));
        After after = new After(local(s.signedOffAt()), s.signedOffStatus(), status(s.kind(), s.signedOffStatus()),
                s.rectificationMode(), s.rectificationMode() == null ? null
                        : labels.of(s.rectificationMode(), "mode." + s.rectificationMode()),
                s.publicNote(), s.currentStatus(), status(s.kind(), s.currentStatus()));
        return new SignedOffView(s.id(), s.code(), s.name(), s.kind(), kind(s.kind()), s.township(), s.areaM2(),
                before, after, new double[] {s.lon(), s.lat()});
    }

    private static LocalDate local(Instant t) {
        return t == null ? null : LocalDate.ofInstant(t, DISTRICT_TIME);
    }

    private static LocalDate date(String value, String field, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date_invalid", field, value);
        }
    }

    private Map<String, String> kind(String kind) {
        return labels.of(kind, "kind." + kind);
    }

    private Map<String, String> status(String kind, String status) {
        return labels.of(status, "status." + kind + "." + status, "status." + status);
    }
}
