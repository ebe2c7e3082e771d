package org.wufei.gis.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.catalog.ItemsRequest;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Labels;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.Lifecycles;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.SiteRegister;

/**
 * What the map page needs before drawing anything: the district's extent, the configured basemaps, kinds with
 * their statuses, attribute labels (zh/en) and how many sites each has, the signed-in user and the CSRF token for
 * session writes.
 */
@RestController
class UiConfigController {
    private final District district;
    private final MapProperties map;
    private final Labels labels;
    private final Lifecycles lifecycles;
    private final OfferedServices services;
    private final Catalog catalog;
    private final FeatureStore features;

    UiConfigController(District district, MapProperties map, Labels labels, SiteRegister register,
            OfferedServices services, Catalog catalog, FeatureStore features) {
        this.district = district;
        this.services = services;
        this.catalog = catalog;
        this.features = features;
        this.map = map;
        this.labels = labels;
        this.lifecycles = register.lifecycles();
    }

    record UiConfig(DistrictView district, List<MapProperties.Basemap> basemaps, List<KindView> kinds,
            UserView user, CsrfView csrf, Map<String, Boolean> services) {
    }

    record DistrictView(String name, String nameEn, double[] bbox, double[] seat,
            List<Map<String, String>> townships) {
    }

    /**
     * One kind; {@code count} is how many live sites it has (the OGC items count, cached per data version), null
     * above the count ceiling: the page decides markers or vector tiles from it without asking first.
     */
    record KindView(String id, String collectionId, Map<String, String> label, boolean polygonal,
            List<Coded> statuses, List<AttributeView> attributes, Long count, String colour, String shape,
            List<String> popup, Map<String, Map<String, String>> checklist) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Coded(String code, Map<String, String> label, String colour) {
        Coded(String code, Map<String, String> label) {
            this(code, label, null);
        }
    }

    record AttributeView(String name, String type, Map<String, String> label, List<Coded> values) {
    }

    record UserView(String name, List<String> roles) {
    }

    record CsrfView(String header, String parameter, String token) {
    }

    @GetMapping("/api/ui/config")
    ResponseEntity<UiConfig> config(HttpServletRequest request) {
        Actor actor = CurrentActor.of(request);
        UserView user = actor.roles().isEmpty() ? null
                : new UserView(actor.username(), actor.roles().stream().map(Enum::name).toList());
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        CsrfView csrf = token == null ? null
                : new CsrfView(token.getHeaderName(), token.getParameterName(), token.getToken());
        List<Map<String, String>> townships = district.townships().stream()
                .map(t -> Map.of("code", t.code(), "name", t.name(), "nameEn", t.nameEn())).toList();
        var body = new UiConfig(new DistrictView(district.name(), district.nameEn(), district.bbox(),
                district.seat(), townships), map.basemaps(), kinds(), user, csrf, services.offered());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private List<KindView> kinds() {
        List<KindView> out = new ArrayList<>();
        for (SiteKind kind : lifecycles.kinds().all()) {
            List<Coded> statuses = lifecycles.of(kind).states().stream()
                    .map(s -> new Coded(s, labels.of(s, "status." + kind.id() + "." + s, "status." + s),
                            kind.statusLabels().getOrDefault(s, Map.of()).get("colour")))
                    .toList();
            List<AttributeView> attributes = kind.attributes().stream().map(this::attribute).toList();
            out.add(new KindView(kind.id(), kind.collectionId(), labels.of(kind.id(), "kind." + kind.id()),
                    kind.polygonal(), statuses, attributes, count(kind), kind.symbol().colour(),
                    kind.symbol().shape(), kind.popup(), kind.checklist()));
        }
        return out;
    }

    private Long count(SiteKind kind) {
        ItemsRequest all = new ItemsRequest(List.of(), null, List.of(), null, 1, 0, List.of(), false);
        OptionalLong n = features.count(catalog.require(kind.collectionId()), all);
        return n.isPresent() ? n.getAsLong() : null;
    }

    private AttributeView attribute(AttributeDef def) {
        List<Coded> values = def.allowed() == null ? List.of() : def.allowed().stream()
                .map(v -> new Coded(v, labels.of(v, "enum." + def.name() + "." + v, "enum.risk." + v)))
                .toList();
        return new AttributeView(def.name(), def.type().name(), labels.of(def.name(), "attr." + def.name()),
                values);
    }

}
