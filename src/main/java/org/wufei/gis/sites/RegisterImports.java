package org.wufei.gis.sites;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.District;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Role;
import org.wufei.gis.common.Texts;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.sites.history.StatusEvent;
import org.wufei.gis.sites.history.StatusEvents;

/**
 * Brings a bureau's existing register (清单) in: sites that already have a status on their lifecycle, their
 * attributes and a deadline, each created with one history event citing the file and row. Kinds are named by their
 * id; everything about a kind (attributes, lifecycle states, geometry types) is asked of this class.
 */
@Service
@Transactional
public class RegisterImports {
    /** Within this distance a point is the same place as an existing site of the kind. */
    private static final double SAME_PLACE_METRES = 30;

    /** One row of a register as a site: the kind by id, status a state of its lifecycle, geometry in EPSG:4326. */
    public record ImportedSite(String kindId, String code, String name, String status, String township,
            LocalDate deadline, Geometry geometry, Map<String, Object> attributes, String fileName, long row) {
    }

    /** A site of the register that an imported row stands for. */
    public record Existing(long id, String code, long version, String status) {
    }

    private final Sites sites;
    private final StatusEvents events;
    private final SiteRegister register;
    private final District district;
    private final MetricCrs metric;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterImports(Sites sites, StatusEvents events, SiteRegister register, District district, MetricCrs metric,
            JdbcClient jdbc, Clock clock) {
        this.sites = sites;
        this.events = events;
        this.register = register;
        this.district = district;
        this.metric = metric;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The kind's attributes; {@code kind_unknown} for an id that names no kind. */
    @Transactional(readOnly = true)
    public List<AttributeDef> schema(String kindId) {
        return kind(kindId).attributes();
    }

    /** The states of the kind's lifecycle, in table order. */
    @Transactional(readOnly = true)
    public Set<String> states(String kindId) {
        return register.lifecycles().of(kind(kindId)).states();
    }

    /** Refuses a row that could not become a site, with the field it is about; writes nothing. */
    @Transactional(readOnly = true)
    public void check(ImportedSite s) {
        SiteKind kind = kind(s.kindId());
        if (s.name() == null || s.name().isBlank()) {
            throw DomainException.invalid("field_required", "name", "name");
        }
        if (!register.lifecycles().of(kind).hasState(s.status())) {
            throw DomainException.invalid("status_not_in_lifecycle", "status", s.status(), kind.id());
        }
        if (s.code() != null && !s.code().matches("[A-Z0-9][A-Z0-9-]{2,31}")) {
            throw DomainException.invalid("code_malformed", "code", s.code());
        }
        if (s.township() != null && district.townships().stream().noneMatch(t -> t.name().equals(s.township()))) {
            throw DomainException.invalid("township_unknown", "township", s.township());
        }
        SiteGeometry.check(kind, s.geometry(), district);
        AttributeValues.validate(kind, s.attributes(), true);
    }

    /** The site a row stands for: the one with its code, else one of its kind at the same place. */
    @Transactional(readOnly = true)
    public Optional<Existing> existing(ImportedSite s) {
        if (s.code() != null) {
            Optional<Site> byCode = sites.findByCode(s.code()).filter(site -> !site.isDeleted());
            if (byCode.isPresent()) {
                return byCode.map(RegisterImports::existing);
            }
        }
        Envelope e = new Envelope(s.geometry().getEnvelopeInternal());
        e.expandBy(SAME_PLACE_METRES / 111_320.0 * 1.5);
        WKBReader wkb = new WKBReader(SiteGeometry.FACTORY);
        List<Object[]> near = jdbc.sql("""
                SELECT id, ST_AsBinary(geom) FROM site WHERE kind = ? AND deleted_at IS NULL
                  AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) ORDER BY id""")
                .params(kind(s.kindId()).id(), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}).list();
        for (Object[] candidate : near) {
            try {
                Geometry g = wkb.read((byte[]) candidate[1]);
                if (samePlace(s.geometry(), g)) {
                    return sites.findById((Long) candidate[0]).map(RegisterImports::existing);
                }
            } catch (ParseException ex) {
                throw new IllegalStateException("Unreadable site geometry " + candidate[0], ex);
            }
        }
        return Optional.empty();
    }

    private boolean samePlace(Geometry a, Geometry b) {
        if (a instanceof Polygonal && b instanceof Polygonal) {
            return a.intersects(b) && a.intersection(b).getArea() > 0.5 * Math.min(a.getArea(), b.getArea());
        }
        return metric.toMetric(a).distance(metric.toMetric(b)) <= SAME_PLACE_METRES;
    }

    /** Creates the site at its status with one history event citing the register's file and row. */
    public Site create(ImportedSite s, Actor actor) {
        requireAdmin(actor);
        check(s);
        SiteKind kind = kind(s.kindId());
        Instant now = clock.instant();
        Geometry geom = SiteGeometry.check(kind, s.geometry(), district);
        Site site = new Site();
        String code = register.codeFor(new SiteRegister.NewSite(kind, s.code(), s.name(), s.status(), s.township(),
                geom, s.attributes(), null));
        site.initialise(kind, code, s.name().strip(), s.status(), s.township(), geom, area(geom), now);
        site.assign(AttributeValues.validate(kind, s.attributes(), true));
        site.importDeadline(s.deadline());
        site.announceCreated(kind);
        Site saved = sites.save(site);
        events.save(StatusEvent.created(saved, actor, now, note(s)));
        return saved;
    }

    /** Brings an existing site's name, attributes and geometry in line with the row (the status is left as is). */
    public Site update(Existing existing, ImportedSite s, Actor actor) {
        requireAdmin(actor);
        check(s);
        return register.edit(existing.id(), existing.version(), new SiteRegister.EditSite(s.name(), s.township(),
                s.geometry(), s.attributes(), note(s)), actor);
    }

    /**
     * Takes an imported site out of the register again (a rolled-back import): deleted, its history keeps both
     * steps, and its code is freed so that the register may be imported again (the deleted site then shows it as
     * {@code ~{id}~{code}}).
     */
    public void withdraw(long siteId, String note, Actor actor) {
        Site site = register.get(siteId);
        if (!site.isDeleted()) {
            register.delete(siteId, site.getVersion(), note, actor);
        }
        sites.releaseCode(siteId);
    }

    private static String note(ImportedSite s) {
        // a stored note carries both languages: history is read in either
        String note = Texts.zh("register_import.note", s.fileName(), s.row()) + " "
                + Texts.en("register_import.note", s.fileName(), s.row());
        return note.length() <= Site.NOTE_MAX ? note : note.substring(0, Site.NOTE_MAX);
    }

    private double area(Geometry geom) {
        return Math.round(metric.areaM2(geom) * 10) / 10.0;
    }

    private SiteKind kind(String kindId) {
        return register.kinds().byId(kindId)
                .orElseThrow(() -> DomainException.invalid("kind_unknown", "kind", kindId));
    }

    private static Existing existing(Site site) {
        return new Existing(site.getId(), site.getCode(), site.getVersion(), site.getStatus());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.hasAnyRole(List.of(Role.ADMIN))) {
            throw DomainException.forbidden("role_forbidden", null);
        }
    }
}
