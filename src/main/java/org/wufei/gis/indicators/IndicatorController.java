package org.wufei.gis.indicators;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.indicators.SiteStates.Moment;

/**
 * {@code GET /api/indicators[/{id}[/sites|/series]]?at=YYYY-MM-DD&township=}: the plan's indicators now, as of the
 * end of a past day (district time, replayed from the status history) and for one township.
 */
@RestController
class IndicatorController {
    private static final Set<String> PARAMS = Set.of("at", "township", "lang");
    private static final Set<String> SERIES_PARAMS = Set.of("township", "lang");

    private final Indicators indicators;
    private final District district;

    IndicatorController(Indicators indicators, District district) {
        this.indicators = indicators;
        this.district = district;
    }

    record Board(List<IndicatorValue> indicators) {
    }

    record Series(String id, String township, List<Indicators.Point> points) {
    }

    @GetMapping("/api/indicators")
    Board all(@RequestParam Map<String, String> params) {
        Moment m = moment(params, PARAMS);
        return new Board(indicators.values(m));
    }

    @GetMapping("/api/indicators/{id}")
    IndicatorValue one(@PathVariable String id, @RequestParam Map<String, String> params) {
        Moment m = moment(params, PARAMS);
        return indicators.value(definition(id), m);
    }

    @GetMapping("/api/indicators/{id}/sites")
    Indicators.Drilldown sites(@PathVariable String id, @RequestParam Map<String, String> params) {
        Moment m = moment(params, PARAMS);
        return indicators.sites(definition(id), m);
    }

    @GetMapping("/api/indicators/{id}/series")
    Series series(@PathVariable String id, @RequestParam Map<String, String> params) {
        Moment m = moment(params, SERIES_PARAMS);
        return new Series(id, m.township(), indicators.series(definition(id), m.township()));
    }

    private IndicatorDefinition definition(String id) {
        return indicators.find(id).orElseThrow(() -> ApiException.notFound("indicator", id));
    }

    private Moment moment(Map<String, String> params, Set<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", name, name);
            }
        }
        String township = params.get("township");
        if (township != null && district.townships().stream().noneMatch(t -> t.name().equals(township))) {
            throw ApiException.badRequest("township_unknown", "township", township);
        }
        String at = params.get("at");
        if (at == null) {
            return Indicators.moment(null, township);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date_invalid", "at", at);
        }
        if (date.isAfter(LocalDate.now(Indicators.DISTRICT_TIME))) {
            throw ApiException.badRequest("date_invalid", "at", at);
        }
        return Indicators.moment(date, township);
    }
}
