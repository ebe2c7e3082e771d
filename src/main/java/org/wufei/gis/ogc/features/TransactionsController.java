package org.wufei.gis.ogc.features;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.FeatureWriter;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.http.IfMatch;
import org.wufei.gis.ogc.OgcLinks;
import tools.jackson.databind.JsonNode;

/** OGC API - Features Part 4: create, replace, update and delete features of the site collections. */
@RestController
@RequestMapping("/ogc/collections/{collectionId}/items")
class TransactionsController {
    private final Catalog catalog;
    private final List<FeatureWriter> writers;

    TransactionsController(Catalog catalog, List<FeatureWriter> writers) {
        this.catalog = catalog;
        this.writers = writers;
    }

    @PostMapping
    ResponseEntity<Void> create(@PathVariable String collectionId, @RequestBody(required = false) JsonNode body,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
        CollectionSource source = catalog.require(collectionId);
        OgcParams.single(params, OgcParams.COMMON);
        FeatureWriter writer = writer(source);
        FeatureWriter.Written site = writer.create(source.id(), body, CurrentActor.of(request));
        String location = OgcLinks.base(request) + "/collections/" + source.id() + "/items/" + site.id();
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, location)
                .eTag(etag(site)).build();
    }

    @PutMapping("/{featureId}")
    ResponseEntity<Void> replace(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody(required = false) JsonNode body, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        return change(collectionId, featureId, body, params, ifMatch, request, true);
    }

    @PatchMapping("/{featureId}")
    ResponseEntity<Void> update(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestBody(required = false) JsonNode body, @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        return change(collectionId, featureId, body, params, ifMatch, request, false);
    }

    private ResponseEntity<Void> change(String collectionId, String featureId, JsonNode body,
            MultiValueMap<String, String> params, String ifMatch, HttpServletRequest request, boolean replace) {
        CollectionSource source = catalog.require(collectionId);
        OgcParams.single(params, OgcParams.COMMON);
        FeatureWriter writer = writer(source);
        long id = FeatureIds.parse(featureId);
        long version = IfMatch.version(ifMatch);
        FeatureWriter.Written site = writer.change(source.id(), id, version, body, replace,
                CurrentActor.of(request));
        return ResponseEntity.noContent().eTag(etag(site)).build();
    }

    @DeleteMapping("/{featureId}")
    ResponseEntity<Void> delete(@PathVariable String collectionId, @PathVariable String featureId,
            @RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            HttpServletRequest request) {
        CollectionSource source = catalog.require(collectionId);
        OgcParams.single(params, OgcParams.COMMON);
        FeatureWriter writer = writer(source);
        long id = FeatureIds.parse(featureId);
        writer.delete(source.id(), id, IfMatch.version(ifMatch), CurrentActor.of(request));
        return ResponseEntity.noContent().build();
    }

    /** The module that owns the collection's data and takes writes to it, or 405 {@code collection_read_only}. */
    private FeatureWriter writer(CollectionSource source) {
        return writers.stream().filter(w -> source.writable() && w.writes(source.id())).findFirst().orElseThrow(
                () -> new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "collection_read_only", null, source.id()));
    }

    private static String etag(FeatureWriter.Written site) {
        return "\"" + site.version() + "\"";
    }
}
