package org.wufei.gis.common.http;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A POST that asks a question and changes nothing (a process executed for its answer): its handler marks the
 * request, so that what treats every POST as a write (the audit log's wait for the disk) can tell.
 */
public final class QueryRequests {
    private static final String ATTRIBUTE = QueryRequests.class.getName();

    private QueryRequests() {
    }

    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean marked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }
}
