package org.wufei.gis.imports.upload;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.wufei.gis.imports.ImportController;
import org.wufei.gis.imports.ImportsConfiguration;

/**
 * Keeps the container's multipart parser away from an upload to {@code POST /api/imports}, which
 * {@link ImportController} reads as a stream ({@link MultipartUpload}): the request's parameters are its query
 * string's alone and it has no parts, so nothing that asks for a parameter (the locale, Spring's multipart
 * resolver) makes Tomcat read and store the body first.
 */
public final class StreamedUploads extends OncePerRequestFilter {
    public static final String PATH = "/api/imports";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        // registered for PATH alone (ImportsConfiguration), so only the method and the type are left to test
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new QueryOnly(request), response);
    }

    /** A request whose parameters come from its query string only and which has no parts. */
    private static final class QueryOnly extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        QueryOnly(HttpServletRequest request) {
            super(request);
            this.parameters = Collections.unmodifiableMap(query(request.getQueryString()));
        }

        private static Map<String, String[]> query(String query) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.isEmpty()) {
                        continue;
                    }
                    int eq = pair.indexOf('=');
                    try {
                        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                    } catch (IllegalArgumentException e) {
                        // a malformed escape: the pair is ignored, as the container does
                    }
                }
            }
            Map<String, String[]> out = new LinkedHashMap<>();
            values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
            return out;
        }

        @Override
        public String getParameter(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] v = parameters.get(name);
            return v == null ? null : v.clone();
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }
    }
}
