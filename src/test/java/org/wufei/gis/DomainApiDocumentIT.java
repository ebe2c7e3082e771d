package org.wufei.gis;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.wufei.gis.support.H2gisDatabase;
import org.wufei.gis.support.Http;
import org.wufei.gis.support.IntegrationTest;

/** The domain API (/api/**) is described by a valid OpenAPI document, as the OGC API is at /ogc/api. */
@IntegrationTest
@ContextConfiguration(initializers = H2gisDatabase.class)
class DomainApiDocumentIT {
    @LocalServerPort
    int port;

    @Test
    void everyDomainEndpointIsInAValidOpenApiDocument() {
        Http.Response r = new Http(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/sites", "/api/sites/{id}",
                "/api/sites/{id}/transitions", "/api/sites/{id}/history", "/api/imports", "/api/imports/{id}",
                "/api/sites/{id}/inspections");
        assertThat(parsed.getOpenAPI().getPaths().keySet()).allMatch(p -> p.startsWith("/api/"));
    }

    @Test
    void theUploadsFormFieldsAreInTheDocument() {
        var parsed = new OpenAPIV3Parser().readContents(new Http(port).get("/v3/api-docs").body()).getOpenAPI();
        var body = parsed.getPaths().get("/api/imports").getPost().getRequestBody();
        var schema = body.getContent().get("multipart/form-data").getSchema();
        if (schema.get$ref() != null) {
            schema = parsed.getComponents().getSchemas().get(schema.get$ref().replace("#/components/schemas/", ""));
        }
        assertThat(schema.getProperties()).containsKeys("file", "source", "crs", "acquired", "encoding", "layer",
                "strict");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) schema.getProperties().get("file")).getFormat())
                .isEqualTo("binary");
        assertThat(schema.getRequired()).contains("file", "source");
    }

    @Test
    void theInspectionFormFieldsAreInTheDocument() {
        var parsed = new OpenAPIV3Parser().readContents(new Http(port).get("/v3/api-docs").body()).getOpenAPI();
        var body = parsed.getPaths().get("/api/sites/{id}/inspections").getPost().getRequestBody();
        var schema = body.getContent().get("multipart/form-data").getSchema();
        if (schema.get$ref() != null) {
            schema = parsed.getComponents().getSchemas().get(schema.get$ref().replace("#/components/schemas/", ""));
        }
        assertThat(schema.getProperties()).containsKeys("inspection", "photos");
        assertThat(((io.swagger.v3.oas.models.media.Schema<?>) schema.getProperties().get("photos")).getItems()
                .getFormat()).isEqualTo("binary");
    }
}
