package org.wufei.gis.sites.catalog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wufei.gis.catalog.FeatureWriter;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.DomainException;
import tools.jackson.databind.JsonNode;
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
class SiteFeatureWrites implements FeatureWriter {
    private final SiteRegister register;

    SiteFeatureWrites(SiteRegister register) {
        this.register = register;
    }

    @Override
    public boolean writes(String collectionId) {
        return register.kinds().byCollectionId(collectionId).isPresent();
    }

    @Override
    @Transactional
    public Written create(String collectionId, JsonNode feature, Actor actor) {
        SiteKind kind = kind(collectionId);
        FeatureEdit f = FeatureEdit.read(feature, kind, true);
        return written(register.create(new SiteRegister.NewSite(kind, f.code(), f.name(), f.status(),
                f.township(), f.geometry(), f.attributes(), f.note()), actor));
    }

    @Override
    @Transactional
    public Written change(String collectionId, long id, long version, JsonNode feature, boolean replace,
            Actor actor) {
        SiteKind kind = kind(collectionId);
        return written(change(kind, id, version, FeatureEdit.read(feature, kind, replace), replace, actor));
    }

    private Site change(SiteKind kind, long id, long version, FeatureEdit f, boolean replace, Actor actor) {
        Site site = register.get(id);
        if (!site.getKind().equals(kind.id()) || site.isDeleted()) {
            throw DomainException.notFound("feature", id);
        }
        boolean descriptive = f.name() != null || f.township() != null || f.geometry() != null
                || !f.attributes().isEmpty() || replace;
        if (f.code() != null && !f.code().equals(site.getCode())) {
            throw DomainException.invalid("attribute_invalid", "code", "code", "unchanged code");
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

    @Override
    @Transactional
    public void delete(String collectionId, long id, long version, Actor actor) {
        SiteKind kind = kind(collectionId);
        Site site = register.get(id);
        if (!site.getKind().equals(kind.id()) || site.isDeleted()) {
            throw DomainException.notFound("feature", id);
        }
        register.delete(id, version, null, actor);
    }

    private SiteKind kind(String collectionId) {
        return register.kinds().byCollectionId(collectionId).orElseThrow(() -> DomainException.notFound("collection",
                collectionId));
    }

    private static Written written(Site site) {
        return new Written(site.getId(), site.getVersion());
    }

    private static void checkVersion(Site site, long version) {
        if (site.getVersion() != version) {
            throw DomainException.stale("version_stale", "If-Match", version,
                    site.getVersion());
        }
    }
}
