package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wufei.gis.common.PublicRead;
import org.wufei.gis.support.IntegrationTest;

/**
 * Every endpoint the application maps (taken from Spring MVC's own handler mappings, so a new endpoint cannot escape)
 * × the anonymous reader and every demo role → 401, 403 or "got past security", compared with
 * src/test/resources/security/permissions.csv for this context's public-read setting. Writes go to ids that do not
 * exist with an empty JSON body, so nothing changes; no answer may be a 500.
 */
@IntegrationTest
abstract class PermissionMatrixContract {
    static final List<String> IDENTITIES = List.of("anonymous", "admin", "inspector", "uploader", "planner", "viewer");
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String MISSING = "999999999";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Environment env;

    @Test
    void everyMappedEndpointAnswersEveryRoleAsThePermissionTableSays() throws Exception {
        boolean publicRead = PublicRead.enabled(env);
        PermissionTable table = PermissionTable.load();
        assertThat(table.identities()).isEqualTo(IDENTITIES);
        Set<PermissionTable.Key> mapped = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<PermissionTable.Key, String> endpoint : endpoints(publicRead).entrySet()) {
            PermissionTable.Key key = endpoint.getKey();
            mapped.add(key);
            List<String> outcomes = new ArrayList<>();
            for (String identity : IDENTITIES) {
                int status = send(key.method(), endpoint.getValue(), identity);
                if (status >= 500) {
                    errors.add(key.method() + " " + endpoint.getValue() + " as " + identity + ": " + status);
                }
                outcomes.add(status == 401 || status == 403 ? String.valueOf(status) : "ok");
            }
            List<String> expected = table.rows().get(key);
            if (expected == null) {
                missing.add(key.csv(outcomes));
            } else if (!expected.equals(outcomes)) {
                wrong.add("expected " + key.csv(expected) + "\n     got " + key.csv(outcomes));
            }
        }
        assertThat(errors).as("endpoints answering 500").isEmpty();
        assertThat(missing).as("mapped endpoints missing from " + PermissionTable.RESOURCE
                + ": add these rows (with the outcomes you intend; these are what the service does now)").isEmpty();
        assertThat(wrong).as("endpoints whose permissions differ from " + PermissionTable.RESOURCE).isEmpty();
        List<PermissionTable.Key> stale = table.rows().keySet().stream()
                .filter(k -> k.publicRead() == publicRead && !mapped.contains(k)).toList();
        assertThat(stale).as("rows of " + PermissionTable.RESOURCE + " no endpoint is mapped to").isEmpty();
    }

    /** (method, path as in the table) → a URL to call, for every mapped endpoint. */
    private Map<PermissionTable.Key, String> endpoints(boolean publicRead) {
        Map<PermissionTable.Key, String> endpoints = new LinkedHashMap<>();
        List<String> unfilled = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (String pattern : info.getPatternValues()) {
                    if (pattern.contains("{*") || pattern.contains("**") || pattern.equals("/error")) {
                        continue; // resource handlers and the container's error page
                    }
                    for (String path : pattern.contains("{collectionId}")
                            ? List.of(pattern.replace("{collectionId}", "waste_heaps"),
                                    pattern.replace("{collectionId}", "detections"))
                            : List.of(pattern)) {
                        String url = fill(path, method);
                        if (url == null) {
                            unfilled.add(pattern);
                        } else {
                            endpoints.put(new PermissionTable.Key(method.name(), path, publicRead), url);
                        }
                    }
                }
            }
        }
        assertThat(unfilled).as("endpoints whose path variables this test cannot fill: teach fill()").isEmpty();
        assertThat(endpoints).hasSizeGreaterThan(40);
        return endpoints;
    }

    /** The pattern with its variables filled: ids that do not exist, so a write that gets through changes nothing. */
    private static String fill(String pattern, RequestMethod method) {
        Map<String, String> values = Map.ofEntries(Map.entry("featureId", MISSING), Map.entry("id", MISSING),
                Map.entry("inspection", UUID.nameUUIDFromBytes(new byte[] {1}).toString()), Map.entry("seq", "1"),
                Map.entry("tmsId", "WebMercatorQuad"), Map.entry("z", "12"), Map.entry("y", "1540"),
                Map.entry("x", "3302"), Map.entry("layer", "townships"), Map.entry("processId", "nearest-sites"),
                Map.entry("jobId", UUID.nameUUIDFromBytes(new byte[] {2}).toString()), Map.entry("code", "ABCDE-FGHJK"),
                Map.entry("styleId", "sites"));
        StringBuilder url = new StringBuilder();
        Matcher m = VARIABLE.matcher(pattern);
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(url, value);
        }
        m.appendTail(url);
        return url.toString();
    }

    private int send(String method, String path, String identity) throws Exception {
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, write ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        if (write) {
            b.header("Content-Type", "application/json");
        }
        if (!identity.equals("anonymous")) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((identity + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
