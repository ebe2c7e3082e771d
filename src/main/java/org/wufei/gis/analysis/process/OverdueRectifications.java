package org.wufei.gis.analysis.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.wufei.gis.analysis.PlanningProcess;
import org.wufei.gis.analysis.ProcessDescription;
import org.wufei.gis.analysis.ProcessInputs;
import org.wufei.gis.analysis.ProcessResult;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.sites.Lifecycles;

/**
 * Sites past their lifecycle deadline (rectification, green-mine directory), oldest deadline first, with township
 * and responsible party (heap's responsible party, pond's or mine's enterprise): the 督查通报 list.
 */
@Component
class OverdueRectifications implements PlanningProcess {
    static final String ID = "overdue-rectifications";

    private final ProcessSql sql;
    private final Lifecycles lifecycles;
    private final Clock clock;
    private final ProcessDescription description;

    OverdueRectifications(ProcessSql sql, Lifecycles lifecycles, Clock clock) {
        this.sql = sql;
        this.lifecycles = lifecycles;
        this.clock = clock;
        this.description = new ProcessDescription(ID, "1.0.0",
                LocalizedText.of("process.overdue-rectifications.title"),
                LocalizedText.of("process.overdue-rectifications.description"),
                List.of(Schemas.input(ID, "kinds", Schemas.kinds(), false),
                        Schemas.input(ID, "statuses", Schemas.strings(), false),
                        Schemas.input(ID, "township", Schemas.string(), false),
                        Schemas.input(ID, "today", Schemas.date(), false)),
                Schemas.featureCollection(), true);
    }

    @Override
    public ProcessDescription description() {
        return description;
    }

    @Override
    public ProcessResult execute(ProcessInputs in) {
        SiteSelection sites = SiteSelection.of(in, lifecycles);
        LocalDate today = in.date("today").orElse(LocalDate.now(clock));
        List<Object> params = new ArrayList<>();
        String where = sites.where(params);
        params.add(today);
        String township = in.text("township").map(t -> {
            params.add(t);
            return " AND s.township = ?";
        }).orElse("");
        params.add(in.limits().maxResults() + 1);
        String query = "SELECT " + SiteSelection.COLUMNS + ", s.deadline,"
                + " COALESCE(" + sql.attribute("s", "responsible_party") + ", " + sql.attribute("s", "enterprise")
                + ") AS party FROM site s WHERE " + where
                + " AND s.deadline IS NOT NULL AND s.deadline < ?" + township + " ORDER BY s.deadline, s.id LIMIT ?";
        List<ProcessResult.Feature> rows = sql.run(() -> sql.jdbc().sql(query).params(params).query((rs, n) -> {
            Map<String, Object> p = SiteSelection.siteProperties(rs);
            LocalDate deadline = rs.getObject("deadline", LocalDate.class);
            p.put("responsible_party", rs.getString("party"));
            p.put("deadline", deadline.toString());
            p.put("days_overdue", ChronoUnit.DAYS.between(deadline, today));
            return SiteSelection.feature(rs, p);
        }).list());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("today", today.toString());
        summary.put("count", rows.size());
        summary.put("by_township", countBy(rows, "township"));
        summary.put("by_responsible_party", countBy(rows, "responsible_party"));
        return new ProcessResult(rows, summary);
    }

    private static Map<String, Long> countBy(List<ProcessResult.Feature> rows, String property) {
        Map<String, Long> out = new TreeMap<>();
        for (ProcessResult.Feature r : rows) {
            Object v = r.properties().get(property);
            out.merge(v == null ? "" : v.toString(), 1L, Long::sum);
        }
        return out;
    }
}
