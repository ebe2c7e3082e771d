package org.wufei.gis.security.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a write did to which object, in words (e.g. {@code site:12}, {@code status verifying → confirmed}), added to
 * the audit row of the current request. A write is recorded anyway; a read (GET) is recorded only when its handler
 * adds a note, which is how an export of non-public data asks to be audited. Outside a request (a background job) the note is dropped by
 * {@link #add} and the caller records it itself.
 */
public record AuditNote(String object, String summary) {
    private static final String ATTRIBUTE = AuditNote.class.getName();

    /** Adds a note to the current request's audit row; false when there is no current request. */
    public static boolean add(String object, String summary) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        notes(servlet.getRequest()).add(new AuditNote(object, summary));
        return true;
    }

    static boolean any(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof List<?> notes && !notes.isEmpty();
    }

    @SuppressWarnings("unchecked")
    static List<AuditNote> notes(HttpServletRequest request) {
        Object notes = request.getAttribute(ATTRIBUTE);
        if (notes == null) {
            notes = new ArrayList<AuditNote>();
            request.setAttribute(ATTRIBUTE, notes);
        }
        return (List<AuditNote>) notes;
    }
}
