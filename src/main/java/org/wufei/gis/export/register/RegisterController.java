package org.wufei.gis.export.register;

import org.wufei.gis.common.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.FeatureStore;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.export.CollectionQueries;
import org.wufei.gis.export.ExportFormat;
import org.wufei.gis.export.FeatureStreamWriter;

/**
 * {@code GET /api/exports/waste-heap-register.xlsx}: the register of the heaps an items query selects (filter,
 * bbox, township=, status=, sortby; by code unless sorted otherwise), for signed-in users of any role.
 */
@RestController
class RegisterController {
    private final CollectionQueries queries;
    private final FeatureStore store;
    private final WasteHeapRegister register;
    private final FeatureStreamWriter writer;

    RegisterController(CollectionQueries queries, FeatureStore store, WasteHeapRegister register,
            FeatureStreamWriter writer) {
        this.queries = queries;
        this.store = store;
        this.register = register;
        this.writer = writer;
    }

    @GetMapping("/api/exports/waste-heap-register.xlsx")
    void wasteHeaps(@RequestParam MultiValueMap<String, String> raw, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Actor actor = CurrentActor.of(request);
        if (actor.roles().isEmpty()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication_required", null);
        }
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>(raw);
        if (params.containsKey("properties") || params.containsKey("f")) {
            String name = params.containsKey("f") ? "f" : "properties";
            throw ApiException.badRequest("parameter_unknown", name, name);
        }
        params.set("properties", String.join(",", WasteHeapRegister.PROPERTIES));
        params.putIfAbsent("sortby", java.util.List.of("code"));
        CollectionQueries.Parsed q = queries.parse(WasteHeapRegister.COLLECTION, params);
        AtomicLong seq = new AtomicLong();
        writer.stream(ExportFormat.XLSX, WasteHeapRegister.layer(), Texts.zh("export.register.file"), actor, response,
                sink -> store.forEach(q.source(), q.request(), q.paged(), WasteHeapRegister.EXTRA,
                        heap -> sink.add(register.row(seq.incrementAndGet(), heap))));
    }
}
