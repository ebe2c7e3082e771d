package org.wufei.gis.ogc.processes;

import org.wufei.gis.common.Texts;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wufei.gis.ogc.ConformanceDeclaration;
import org.wufei.gis.ogc.OgcLinkContributor;
import org.wufei.gis.ogc.OgcLinks;
import org.wufei.gis.ogc.OgcMediaTypes;

/** What processes add to the OGC documents: conformance classes and the processes and jobs links. */
@Component
class ProcessesOgcExtension implements ConformanceDeclaration, OgcLinkContributor {
    static final String PROCESSES = "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/";

    @Override
    public List<String> conformsTo() {
        return List.of(PROCESSES + "core", PROCESSES + "ogc-process-description", PROCESSES + "json",
                PROCESSES + "oas30", PROCESSES + "job-list", PROCESSES + "dismiss");
    }

    @Override
    public List<Map<String, Object>> landing(String base) {
        return List.of(
                OgcLinks.link(base + "/processes", ProcessDocuments.REL_PROCESSES, OgcMediaTypes.JSON,
                        Texts.bilingual("ogc.link.processes")),
                OgcLinks.link(base + "/jobs", ProcessDocuments.REL_JOB_LIST, OgcMediaTypes.JSON,
                        Texts.bilingual("ogc.link.jobs")));
    }
}
