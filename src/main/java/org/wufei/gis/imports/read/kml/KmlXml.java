package org.wufei.gis.imports.read.kml;

import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.wufei.gis.imports.read.ImportException;

/** The hardened StAX factory KML is read with (no DTD, no entity ever resolved) and its refusals. */
final class KmlXml {
    private KmlXml() {
    }

    static XMLInputFactory hardenedFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw entityRefused();
        });
        return f;
    }

    static boolean isEntityProblem(XMLStreamException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("entity") || m.contains("doctype") || m.contains("dtd");
    }

    static ImportException entityRefused() {
        return ImportException.keyed(ImportException.XML_ENTITY_REFUSED, null, "import.xml_entity_refused");
    }

    static ImportException malformed(Exception e) {
        return ImportException.keyed(ImportException.XML_MALFORMED, null, "import.xml_malformed", e.getMessage())
                .causedBy(e);
    }
}
