package org.wufei.gis.sites.kinds;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.sites.AttributeDef;
import org.wufei.gis.sites.KindRegistry;
import org.wufei.gis.sites.SiteKind;
import org.wufei.gis.sites.Transition;

/** The kind definitions for clients: GET /api/kinds and /api/kinds/{id} (see docs/kinds.md). */
@RestController
@RequestMapping("/api/kinds")
class KindController {
    private final KindRegistry kinds;

    KindController(KindRegistry kinds) {
        this.kinds = kinds;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KindView(String id, Map<String, String> labels, String collection, String code, List<String> geometry,
            List<AttributeView> attributes, List<StatusView> statuses, List<TransitionView> lifecycle,
            Map<String, Map<String, String>> evidence, Map<String, Map<String, String>> checklist,
            SiteKind.Symbol symbol, List<String> popup, List<String> tiles) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AttributeView(String name, String type, boolean required, String unit, Double min, Double max,
            Integer maxLength, Map<String, String> labels, Map<String, Map<String, String>> codes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusView(String code, Map<String, String> labels, String colour, boolean initial, boolean closed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransitionView(String from, String to, List<String> roles, List<String> evidence, List<String> waivable,
            boolean noteRequired, boolean modeRequired, String deadline) {
    }

    @GetMapping
    ResponseEntity<List<KindView>> all() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(kinds.all().stream().map(KindController::view).toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<KindView> one(@PathVariable String id) {
        SiteKind kind = kinds.byId(id).orElseThrow(() -> DomainException.notFound("kind", id));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(view(kind));
    }

    static KindView view(SiteKind k) {
        List<StatusView> statuses = new ArrayList<>();
        var initial = k.lifecycle().creations().stream().map(Transition::to).toList();
        k.statusLabels().forEach((code, l) -> statuses.add(new StatusView(code,
                Map.of("zh", l.get("zh"), "en", l.get("en")), l.get("colour"), initial.contains(code),
                k.isClosed(code))));
        List<TransitionView> lifecycle = k.transitions().stream().map(t -> new TransitionView(
                t.isCreation() ? null : t.from(), t.to(), t.roles().stream().map(Enum::name).sorted().toList(),
                t.evidence(), t.waivable().stream().sorted().toList(), t.noteRequired(), t.modeRequired(),
                deadline(t.deadline()))).toList();
        List<AttributeView> attributes = k.attributes().stream().map(a -> new AttributeView(a.name(),
                type(a), a.required(), a.unit(), a.min(), a.max(),
                a.type() == AttributeDef.Type.STRING || a.type() == AttributeDef.Type.STRING_LIST ? a.maxLength()
                        : null, a.labels(), a.codeLabels().isEmpty() ? null : a.codeLabels())).toList();
        return new KindView(k.id(), k.labels(), k.collectionId(), k.codeAbbreviation(),
                k.geometries().stream().sorted().toList(), attributes, statuses, lifecycle, k.evidence(),
                k.checklist(), k.symbol(), k.popup(), k.tileProperties());
    }

    private static String type(AttributeDef a) {
        return switch (a.type()) {
            case STRING -> a.isEnumerated() ? "code" : "text";
            case STRING_LIST -> "list";
            default -> a.type().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String deadline(Transition.DeadlineRule rule) {
        if (rule == null) {
            return null;
        }
        return rule.defaultPeriod() != null ? rule.defaultPeriod().toString() : rule.required() ? "required"
                : "optional";
    }
}
