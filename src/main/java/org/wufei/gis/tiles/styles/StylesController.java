package org.wufei.gis.tiles.styles;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.Locales;
import org.wufei.gis.common.Texts;

/** OGC API - Styles, the part clients need: the list of styles and the Mapbox GL style of the site tiles. */
@RestController
class StylesController {
    private final SiteStyles styles;

    StylesController(SiteStyles styles) {
        this.styles = styles;
    }

    @GetMapping(value = "/ogc/styles", produces = {MediaType.APPLICATION_JSON_VALUE})
    Map<String, Object> list(HttpServletRequest request) {
        String base = base(request);
        return Map.of("styles", List.of(Map.of("id", SiteStyles.STYLE_ID,
                "title", Texts.bilingual("tiles.style.sites"),
                "links", List.of(Map.of("rel", "stylesheet", "type", SiteStyles.MAPBOX,
                        "href", base + SiteStyles.STYLE_PATH + "?f=mapbox", "title", "Mapbox GL style")))),
                "links", List.of(Map.of("rel", "self", "type", MediaType.APPLICATION_JSON_VALUE,
                        "href", base + "/ogc/styles")));
    }

    @GetMapping("/ogc/styles/{styleId}")
    ResponseEntity<Map<String, Object>> style(@PathVariable String styleId,
            @RequestParam(name = "f", required = false) String format, HttpServletRequest request) {
        if (!SiteStyles.STYLE_ID.equals(styleId)) {
            throw ApiException.notFound("style", styleId);
        }
        if (format != null && !format.equals("mapbox") && !format.equals("json")) {
            throw ApiException.badRequest("parameter_invalid", "f", "f");
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SiteStyles.MAPBOX))
                .body(styles.style(base(request), Locales.of(request)));
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }
}
