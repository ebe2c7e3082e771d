package org.wufei.gis.ogc.features;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.TransitionRequest;

/**
 * OGC API - Features Part 4 on site collections, through the site register: a changed {@code status} is a
 * lifecycle transition (same roles, evidence and 422s as /api/sites/{id}/transitions), the rest an edit; both in
 * one transaction so a refused transition leaves the edit undone.
 */
@Service
class FeatureWrites {
    private final SiteRegister register;

    FeatureWrites(SiteRegister register) {
        this.register = register;
    }

    static SiteKind writableKind(CollectionSource source) {
        return SiteKind.byCollectionId(source.id()).filter(k -> source.writable()).orElseThrow(() ->
                new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "collection_read_only", null, source.id()));
    }

    @Transactional
    public Site create(SiteKind kind, FeatureEdit f, Actor actor) {
        return register.create(new SiteRegister.NewSite(kind, f.code(), f.name(), f.status(), f.township(),
                f.geometry(), f.attributes(), f.note()), actor);
    }

    /** PUT (replace) and PATCH (update); {@code replace} empties attributes the client left out. */
    @Transactional
    public Site change(SiteKind kind, long id, long version, FeatureEdit f, boolean replace, Actor actor) {
        Site site = register.get(id);
        if (site.kind() != kind || site.isDeleted()) {
            throw ApiException.notFound("feature", id);
        }
        boolean descriptive = f.name() != null || f.township() != null || f.geometry() != null
                || !f.attributes().isEmpty() || replace;
        if (f.code() != null && !f.code().equals(site.getCode())) {
            throw ApiException.unprocessable("attribute_invalid", "code", "code", "unchanged code");
        }
        Site current = site;
        long expected = version;
        if (descriptive) {
            current = register.edit(id, expected, new SiteRegister.EditSite(f.name(), f.township(), f.geometry(),
                    replace ? f.completeAttributes(kind) : f.attributes(),
                    f.status() == null ? f.note() : null), actor);
            expected = current.getVersion();
        }
        if (f.status() != null && !f.status().equals(current.getStatus())) {
            current = register.transition(id, expected, new TransitionRequest(f.status(), f.note(), f.evidence(),
                    f.mode(), f.deadline()), actor);
        } else if (!descriptive) {
            checkVersion(current, version);
        }
        return current;
    }

    @Transactional
    public void delete(SiteKind kind, long id, long version, Actor actor) {
        Site site = register.get(id);
        if (site.kind() != kind || site.isDeleted()) {
            throw ApiException.notFound("feature", id);
        }
        register.delete(id, version, null, actor);
    }

    private static void checkVersion(Site site, long version) {
        if (site.getVersion() != version) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "version_stale", "If-Match", version,
                    site.getVersion());
        }
    }
}
