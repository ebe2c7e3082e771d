package org.wufei.gis.security.audit;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wufei.gis.export.ExportRequested;

/**
 * A signed-in caller's download (items, the waste-heap register, process results as a file) is a read of data
 * beyond the public projection: the note makes the audit filter record the request like a write.
 */
@Component
class ExportAuditNotes {

    @EventListener
    void on(ExportRequested e) {
        AuditNote.add("export:" + e.fileStem(), "exported " + e.layer() + " as " + e.format());
    }
}
