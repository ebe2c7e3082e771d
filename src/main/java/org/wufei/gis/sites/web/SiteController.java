package org.wufei.gis.sites.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.http.IfMatch;
import org.wufei.gis.sites.Evidence;
import org.wufei.gis.sites.Site;
import org.wufei.gis.sites.SiteGeometry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;
import org.wufei.gis.sites.TransitionRequest;
import tools.jackson.databind.JsonNode;

/** The domain API of the site register: JSON, problem+json errors, ETag/If-Match on changes. */
@RestController
@RequestMapping("/api/sites")
class SiteController {
    private static final int MAX_PAGE_SIZE = 1000;

    private final SiteRegister register;
    private final SiteQueries queries;
    private final SiteViews views;

    SiteController(SiteRegister register, SiteQueries queries, SiteViews views) {
        this.register = register;
        this.queries = queries;
        this.views = views;
    }

    record CreateBody(String kind, String code, String name, String status, String township, JsonNode geometry,
            Map<String, Object> attributes, String note) {
    }

    record EditBody(String name, String township, JsonNode geometry, Map<String, Object> attributes, String note) {
    }

    record TransitionBody(String to, String note, List<Evidence> evidence, String mode, LocalDate deadline,
            String publicNote) {
    }

    @GetMapping
    SiteViews.Page<SiteViews.SummaryView> list(@RequestParam Map<String, String> params) {
        SiteListParams p = SiteListParams.parse(params, register.lifecycles());
        var filter = new SiteQueries.Filter(p.kind(), p.status(), p.township(), p.bbox());
        var rows = queries.page(filter, p.page(), p.size()).stream().map(views::of).toList();
        return new SiteViews.Page<>(rows, p.page(), p.size(), queries.count(filter));
    }

    @PostMapping
    ResponseEntity<SiteViews.SiteView> create(@RequestBody CreateBody body, HttpServletRequest request) {
        if (body == null) {
            throw ApiException.badRequest("json_malformed", null);
        }
        SiteKind kind = register.kinds().byId(body.kind() == null ? "" : body.kind())
                .orElseThrow(() -> ApiException.unprocessable("kind_unknown", "kind", body.kind()));
        Actor actor = CurrentActor.of(request);
        Site site = register.create(new SiteRegister.NewSite(kind, body.code(), body.name(), body.status(),
                body.township(), SiteGeometry.parse(text(body.geometry())), body.attributes(), body.note()), actor);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/sites/" + site.getId())
                .eTag(etag(site))
                .body(views.of(site, actor));
    }

    @GetMapping("/{id}")
    ResponseEntity<SiteViews.SiteView> get(@PathVariable long id, HttpServletRequest request) {
        Site site = register.get(id);
        if (site.isDeleted()) {
            throw new ApiException(HttpStatus.GONE, "site_deleted", null, site.getCode());
        }
        Actor actor = CurrentActor.of(request);
        return ResponseEntity.ok().eTag(etag(site))
                .body(CurrentActor.anonymous() ? views.forPublic(site) : views.of(site, actor));
    }

    @PatchMapping("/{id}")
    ResponseEntity<SiteViews.SiteView> edit(@PathVariable long id, @RequestBody EditBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        long version = IfMatch.version(ifMatch);
        Actor actor = CurrentActor.of(request);
        Site site = register.edit(id, version, new SiteRegister.EditSite(body.name(), body.township(),
                body.geometry() == null ? null : SiteGeometry.parse(text(body.geometry())), body.attributes(),
                body.note()), actor);
        return ResponseEntity.ok().eTag(etag(site)).body(views.of(site, actor));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam(required = false) String note,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        register.delete(id, IfMatch.version(ifMatch), note, CurrentActor.of(request));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/transitions")
    ResponseEntity<SiteViews.SiteView> transition(@PathVariable long id, @RequestBody TransitionBody body,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        long version = IfMatch.version(ifMatch);
        if (body == null || body.to() == null || body.to().isBlank()) {
            throw ApiException.unprocessable("field_required", "to", "to");
        }
        Actor actor = CurrentActor.of(request);
        Site site = register.transition(id, version, new TransitionRequest(body.to().strip(), body.note(),
                body.evidence(), body.mode(), body.deadline(), body.publicNote()), actor);
        return ResponseEntity.ok().eTag(etag(site)).body(views.of(site, actor));
    }

    /** The whole history for signed-in users; anonymous readers get status changes with public notes only. */
    @GetMapping("/{id}/history")
    List<SiteViews.EventView> history(@PathVariable long id) {
        SiteKind kind = register.kindOf(register.get(id));
        if (CurrentActor.anonymous()) {
            return views.forPublic(kind, register.history(id));
        }
        return register.history(id).stream().map(e -> views.of(kind, e)).toList();
    }

    private static String etag(Site site) {
        return "\"" + site.getVersion() + "\"";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
