package org.wufei.gis.sites;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.District;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.sites.history.StatusEvent;
import org.wufei.gis.sites.history.StatusEvents;

/** The site register's use cases: create, read, move along the lifecycle, edit, delete, history. */
@Service
@Transactional
public class SiteRegister {
    private final Sites sites;
    private final StatusEvents events;
    private final Lifecycles lifecycles;
    private final District district;
    private final MetricCrs metric;
    private final Clock clock;

    public SiteRegister(Sites sites, StatusEvents events, Lifecycles lifecycles, District district, MetricCrs metric,
            Clock clock) {
        this.sites = sites;
        this.events = events;
        this.lifecycles = lifecycles;
        this.district = district;
        this.metric = metric;
        this.clock = clock;
    }

    // The definitions are in memory: no transaction, so no pooled connection is taken for them. A view of a site
    // just changed asks for its kind and allowed transitions after the commit; taking a second connection there
    // failed acknowledged transitions under load (bench/load.sh).
    @Transactional(propagation = Propagation.SUPPORTS)
    public Lifecycles lifecycles() {
        return lifecycles;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    public KindRegistry kinds() {
        return lifecycles.kinds();
    }

    /** The definition of a site's kind. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public SiteKind kindOf(Site site) {
        return lifecycles.kinds().get(site.getKind());
    }

    @Transactional(readOnly = true)
    public Site get(long id) {
        return sites.findById(id).orElseThrow(() -> DomainException.notFound("site", id));
    }

    /** A site that can still be changed: 404 if unknown, 410 if deleted, 412 if the caller saw another version. */
    private Site current(long id, long expectedVersion) {
        Site site = get(id);
        if (site.isDeleted()) {
            throw DomainException.gone("site_deleted", null, site.getCode());
        }
        if (site.getVersion() != expectedVersion) {
            throw DomainException.stale("version_stale", "If-Match", expectedVersion,
                    site.getVersion());
        }
        return site;
    }

    public Site create(NewSite cmd, Actor actor) {
        Lifecycle lifecycle = lifecycles.of(cmd.kind());
        String status = cmd.status() == null ? lifecycle.initialState() : cmd.status();
        Transition creation = lifecycle.creation(status).orElseThrow(() -> DomainException.invalid(
                "status_not_initial", "status", status, cmd.kind().id()));
        requireAnyRole(actor, creation.roles());
        checkText(cmd.name(), "name", 200, true);
        checkText(cmd.note(), "note", Site.NOTE_MAX, false);
        checkTownship(cmd.township());
        Geometry geom = SiteGeometry.check(cmd.kind(), cmd.geometry(), district);
        AttributeValues attributes = AttributeValues.validate(cmd.kind(), cmd.attributes(), true);
        Instant now = clock.instant();
        Site site = new Site();
        site.initialise(cmd.kind(), codeFor(cmd), cmd.name().strip(), status, cmd.township(), geom, area(geom),
                now);
        site.assign(attributes);
        site.announceCreated(cmd.kind());
        Site saved = sites.save(site);
        events.save(StatusEvent.created(saved, actor, now, cmd.note()));
        return saved;
    }

    /**
     * Loads a site with its recorded past (demo data, registers moved from elsewhere): the creation and
     * every later step are checked against the lifecycle as if taken at their own time and by their actor.
     */
    public Site replay(NewSite cmd, List<Step> steps) {
        if (steps.isEmpty() || !steps.get(0).request().to().equals(cmd.status())) {
            throw new IllegalArgumentException("History must start with the creation status " + cmd.status());
        }
        Lifecycle lifecycle = lifecycles.of(cmd.kind());
        lifecycle.creation(cmd.status()).orElseThrow(() -> new IllegalArgumentException(
                cmd.status() + " is not a creation status of " + cmd.kind()));
        Geometry geom = SiteGeometry.check(cmd.kind(), cmd.geometry(), district);
        Step first = steps.get(0);
        Site site = new Site();
        site.initialise(cmd.kind(), codeFor(cmd), cmd.name(), cmd.status(), cmd.township(), geom, area(geom),
                first.at());
        site.assign(AttributeValues.validate(cmd.kind(), cmd.attributes(), true));
        site.announceCreated(cmd.kind());
        Site saved = sites.save(site);
        List<StatusEvent> history = new ArrayList<>();
        history.add(StatusEvent.created(saved, first.actor(), first.at(), first.request().note()));
        for (Step step : steps.subList(1, steps.size())) {
            history.add(saved.transitionTo(step.request(), step.actor(), lifecycle, step.at()));
        }
        saved = sites.save(saved);
        events.saveAll(history);
        return saved;
    }

    /** One recorded step of a site's past. */
    public record Step(TransitionRequest request, Actor actor, Instant at) {
    }

    public Site transition(long id, long expectedVersion, TransitionRequest request, Actor actor) {
        Site site = current(id, expectedVersion);
        StatusEvent event = site.transitionTo(request, actor, lifecycles.of(site.getKind()), clock.instant());
        Site saved = sites.save(site);
        events.save(event);
        return saved;
    }

    public Site edit(long id, long expectedVersion, EditSite cmd, Actor actor) {
        requireAdmin(actor);
        Site site = current(id, expectedVersion);
        checkText(cmd.name(), "name", 200, false);
        checkText(cmd.note(), "note", Site.NOTE_MAX, false);
        if (cmd.township() != null) {
            checkTownship(cmd.township());
        }
        SiteKind kind = kindOf(site);
        Geometry geom = cmd.geometry() == null ? null : SiteGeometry.check(kind, cmd.geometry(), district);
        AttributeValues attributes = cmd.attributes() == null ? null
                : AttributeValues.validate(kind, cmd.attributes(), false);
        SiteEdit edit = new SiteEdit(cmd.name() == null ? null : cmd.name().strip(), cmd.township(), geom,
                geom == null ? null : area(geom), attributes, cmd.note());
        List<StatusEvent> changes = site.edit(kind, edit, actor, clock.instant());
        Site saved = sites.save(site);
        events.saveAll(changes);
        return saved;
    }

    public Site delete(long id, long expectedVersion, String note, Actor actor) {
        requireAdmin(actor);
        Site site = current(id, expectedVersion);
        checkText(note, "note", Site.NOTE_MAX, false);
        StatusEvent event = site.delete(kindOf(site), actor, clock.instant(), note);
        Site saved = sites.save(site);
        events.save(event);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<StatusEvent> history(long id) {
        get(id);
        return events.findBySiteIdOrderByAtAscIdAsc(id);
    }

    /** The transitions this actor may take from the site's current status. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Transition> allowedTransitions(Site site, Actor actor) {
        if (site.isDeleted()) {
            return List.of();
        }
        List<Transition> out = new ArrayList<>();
        for (Transition t : lifecycles.of(site.getKind()).from(site.getStatus())) {
            if (actor.hasAnyRole(t.roles())) {
                out.add(t);
            }
        }
        return out;
    }

    String codeFor(NewSite cmd) {
        String prefix = district.codePrefix() + "-" + cmd.kind().codeAbbreviation() + "-";
        if (cmd.code() != null) {
            if (!cmd.code().matches("[A-Z0-9][A-Z0-9-]{2,31}")) {
                throw DomainException.invalid("code_malformed", "code", cmd.code());
            }
            if (sites.findByCode(cmd.code()).isPresent()) {
                throw DomainException.conflict("code_taken", "code", cmd.code());
            }
            return cmd.code();
        }
        String max = sites.maxCodeLike(prefix + "%");
        int next = 1;
        if (max != null) {
            try {
                next = Integer.parseInt(max.substring(prefix.length())) + 1;
            } catch (NumberFormatException e) {
                next = (int) (sites.count() + 1);
            }
        }
        return prefix + String.format("%04d", next);
    }

    private static void requireAdmin(Actor actor) {
        requireAnyRole(actor, List.of(Role.ADMIN));
    }

    private static void requireAnyRole(Actor actor, java.util.Collection<Role> roles) {
        if (!actor.hasAnyRole(roles)) {
            throw DomainException.forbidden("role_forbidden", null);
        }
    }

    /** Area in m² to a tenth: finer than any survey, stable across databases. */
    private double area(Geometry geom) {
        return Math.round(metric.areaM2(geom) * 10) / 10.0;
    }

    private void checkTownship(String township) {
        if (township != null && district.townships().stream().noneMatch(t -> t.name().equals(township))) {
            throw DomainException.invalid("township_unknown", "township", township);
        }
    }

    private static void checkText(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw DomainException.invalid("field_required", field, field);
            }
            return;
        }
        if (value.length() > max) {
            throw DomainException.invalid(field + "_too_long", field, max);
        }
    }

    /** A new site as the caller describes it, geometry already read. */
    public record NewSite(SiteKind kind, String code, String name, String status, String township,
            Geometry geometry, Map<String, Object> attributes, String note) {
    }

    /** Changes to a site's descriptive fields; nulls mean "leave as is". */
    public record EditSite(String name, String township, Geometry geometry, Map<String, Object> attributes,
            String note) {
    }
}
