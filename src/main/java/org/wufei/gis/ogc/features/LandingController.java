package org.wufei.gis.ogc.features;

import org.wufei.gis.common.Texts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wufei.gis.catalog.Catalog;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Locales;
import org.wufei.gis.ogc.ConformanceDeclaration;
import org.wufei.gis.ogc.OgcLinkContributor;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;
import org.wufei.gis.ogc.Rel;

/** The OGC API entry points: landing page, conformance, OpenAPI document and the collection documents. */
@RestController
@RequestMapping("/ogc")
class LandingController {
    private final Catalog catalog;
    private final CollectionDocuments documents;
    private final OpenApiDocument openApi;
    private final List<ConformanceDeclaration> conformance;
    private final List<OgcLinkContributor> contributors;

    LandingController(Catalog catalog, CollectionDocuments documents, OpenApiDocument openApi,
            List<ConformanceDeclaration> conformance, List<OgcLinkContributor> contributors) {
        this.catalog = catalog;
        this.documents = documents;
        this.openApi = openApi;
        this.conformance = conformance;
        this.contributors = contributors;
    }

    @GetMapping({"", "/"})
    ResponseEntity<byte[]> landing(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OgcParams.single(params, OgcParams.COMMON);
        String base = OgcLinks.base(request);
        boolean en = Locales.of(request).getLanguage().equals("en");
        Map<String, Object> doc = new LinkedHashMap<>();
        Locale locale = en ? Locales.EN : Locales.ZH;
        doc.put("title", Texts.text(locale, "ogc.landing.title"));
        doc.put("description", Texts.text(locale, "ogc.landing.description"));
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcLinks.link(base, Rel.SELF, OgcMediaTypes.JSON, Texts.text(locale, "ogc.link.self")));
        links.add(OgcLinks.link(base + "/api", Rel.SERVICE_DESC, OgcMediaTypes.OPENAPI_JSON,
                Texts.text(locale, "ogc.link.service_desc")));
        links.add(OgcLinks.link(base + "/api", Rel.SERVICE_DOC, OgcMediaTypes.OPENAPI_JSON,
                Texts.text(locale, "ogc.link.service_doc")));
        links.add(OgcLinks.link(base + "/conformance", Rel.CONFORMANCE, OgcMediaTypes.JSON,
                Texts.text(locale, "ogc.link.conformance")));
        links.add(OgcLinks.link(base + "/collections", Rel.DATA, OgcMediaTypes.JSON,
                Texts.text(locale, "ogc.link.data")));
        for (OgcLinkContributor c : contributors) {
            links.addAll(c.landing(base));
        }
        doc.put("links", links);
        return OgcResponses.json(doc, OgcMediaTypes.JSON, ifNoneMatch);
    }

    @GetMapping("/conformance")
    ResponseEntity<byte[]> conformance(@RequestParam MultiValueMap<String, String> params,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OgcParams.single(params, OgcParams.COMMON);
        Set<String> classes = new LinkedHashSet<>();
        conformance.forEach(c -> classes.addAll(c.conformsTo()));
        return OgcResponses.json(Map.of("conformsTo", List.copyOf(classes)), OgcMediaTypes.JSON, ifNoneMatch);
    }

    @GetMapping("/api")
    ResponseEntity<byte[]> api(@RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OgcParams.single(params, OgcParams.COMMON);
        return OgcResponses.json(openApi.build(OgcLinks.base(request)), OgcMediaTypes.OPENAPI_JSON, ifNoneMatch);
    }

    @GetMapping("/collections")
    ResponseEntity<byte[]> collections(@RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        OgcParams.single(params, OgcParams.COMMON);
        String base = OgcLinks.base(request);
        Locale locale = Locales.of(request);
        List<Map<String, Object>> list = new ArrayList<>();
        for (CollectionSource s : catalog.all(CurrentActor.anonymous())) {
            if (CurrentActor.mayReadCollection(s.id())) { // a department token lists its collections only
                list.add(documents.collection(s, base, locale));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(OgcLinks.link(base + "/collections", Rel.SELF, OgcMediaTypes.JSON, null)));
        doc.put("collections", list);
        return OgcResponses.json(doc, OgcMediaTypes.JSON, ifNoneMatch);
    }

    @GetMapping("/collections/{collectionId}")
    ResponseEntity<byte[]> collection(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CollectionSource source = catalog.require(collectionId, CurrentActor.anonymous());
        OgcParams.single(params, OgcParams.COMMON);
        return OgcResponses.json(documents.collection(source, OgcLinks.base(request), Locales.of(request)),
                OgcMediaTypes.JSON, ifNoneMatch);
    }

    @GetMapping("/collections/{collectionId}/queryables")
    ResponseEntity<byte[]> queryables(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CollectionSource source = catalog.require(collectionId, CurrentActor.anonymous());
        OgcParams.single(params, OgcParams.COMMON);
        return OgcResponses.json(documents.queryables(source, OgcLinks.base(request), Locales.of(request)),
                OgcMediaTypes.SCHEMA_JSON, ifNoneMatch);
    }

    @GetMapping("/collections/{collectionId}/schema")
    ResponseEntity<byte[]> schema(@PathVariable String collectionId,
            @RequestParam MultiValueMap<String, String> params, HttpServletRequest request,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        CollectionSource source = catalog.require(collectionId, CurrentActor.anonymous());
        OgcParams.single(params, OgcParams.COMMON);
        return OgcResponses.json(documents.schema(source, OgcLinks.base(request), Locales.of(request)),
                OgcMediaTypes.SCHEMA_JSON, ifNoneMatch);
    }
}
