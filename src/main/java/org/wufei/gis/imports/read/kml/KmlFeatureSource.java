package org.wufei.gis.imports.read.kml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.imports.read.Attributes;
import org.wufei.gis.imports.read.CrsHint;
import org.wufei.gis.imports.read.FeatureIterator;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SafeZip;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Streams the Placemarks of a KML file (or the doc.kml of a KMZ) with a hardened StAX reader: any DOCTYPE is
 * refused before an entity could be resolved or expanded, since KML never needs one. Besides name, description and
 * ExtendedData, a placemark keeps its style ({@code style}: the styleUrl; {@code style_color}, {@code style_icon}
 * from an inline Style), its folder path ({@code folder}, names joined by "/") and, in a KMZ, the archive's
 * images it refers to ({@code images}: their paths in the archive, kept by the batch, see {@link #media()}).
 */
public final class KmlFeatureSource implements FeatureSource {

    private static final Pattern IMAGE = Pattern.compile("(?i).+\\.(jpe?g|png|gif|webp|bmp|tiff?)");

    private final ReadOptions options;
    private final String layer;
    private InputStream in;
    private XMLStreamReader xml;
    private final SafeZip.Extracted extracted;
    private final Map<String, Path> images = new LinkedHashMap<>();
    private final Deque<String> folders = new ArrayDeque<>();
    private boolean folderNamePending;

    public static KmlFeatureSource kml(Path file, ReadOptions options) {
        return new KmlFeatureSource(file, GeoJsonFeatureSource.baseName(file), options, null);
    }

    public static KmlFeatureSource kmz(Path file, ReadOptions options) {
        SafeZip.Extracted extracted = SafeZip.extract(file, options.limits());
        try {
            // doc.kml by convention; otherwise the shallowest .kml, as Google Earth does.
            Path doc = extracted.files().stream()
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".kml"))
                    .min(Comparator.comparing((Path p) -> !p.getFileName().toString().equalsIgnoreCase("doc.kml"))
                            .thenComparing(Path::getNameCount))
                    .orElseThrow(() -> ImportException.keyed(ImportException.FORMAT_UNRECOGNISED, null,
                            "import.kmz_no_kml"));
            return new KmlFeatureSource(doc, GeoJsonFeatureSource.baseName(file), options, extracted);
        } catch (RuntimeException e) {
            extracted.close();
            throw e;
        }
    }

    private KmlFeatureSource(Path kml, String layer, ReadOptions options, SafeZip.Extracted extracted) {
        this.options = options;
        this.layer = layer;
        this.extracted = extracted;
        if (extracted != null) {
            for (Path f : extracted.files()) {
                if (IMAGE.matcher(f.getFileName().toString()).matches()) {
                    images.put(extracted.dir().relativize(f).toString().replace('\\', '/'), f);
                }
            }
        }
        try {
            this.in = Files.newInputStream(kml);
            this.xml = KmlXml.hardenedFactory().createXMLStreamReader(in);
            skipPrologue();
        } catch (IOException | XMLStreamException e) {
            close();
            throw e instanceof XMLStreamException x && KmlXml.isEntityProblem(x) ? KmlXml.entityRefused()
                    : KmlXml.malformed(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Moves to the root element, refusing a DOCTYPE at open time rather than midway through the features. */
    private void skipPrologue() throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw KmlXml.entityRefused();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                return;
            }
        }
    }

    @Override
    public CrsHint crsHint() {
        return CrsHint.kml();
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.empty();
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        return new FeatureIterator(options.limits()) {
            @Override
            protected SourceFeature readNext(long index) {
                try {
                    while (xml.hasNext()) {
                        int event = xml.next();
                        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                            throw KmlXml.entityRefused();
                        }
                        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Placemark")) {
                            folderNamePending = false;
                            return readPlacemark(index);
                        }
                        followFolders(event);
                    }
                    return null;
                } catch (XMLStreamException e) {
                    throw KmlXml.isEntityProblem(e) ? KmlXml.entityRefused() : KmlXml.malformed(e);
                }
            }
        };
    }

    private SourceFeature readPlacemark(long index) throws XMLStreamException {
        Attributes attributes = new Attributes(options.limits());
        List<Geometry> geometries = new ArrayList<>();
        ImportException failure = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw KmlXml.entityRefused();
            }
            if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Placemark")) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            try {
                switch (name) {
                    case "name", "description" -> attributes.put(name, xml.getElementText().trim());
                    case "Data" -> readData(attributes, xml.getAttributeValue(null, "name"));
                    case "SimpleData" -> attributes.put(xml.getAttributeValue(null, "name"), xml.getElementText());
                    case "styleUrl" -> attributes.put("style", xml.getElementText().trim());
                    case "color" -> putFirst(attributes, "style_color", xml.getElementText().trim());
                    case "href" -> putFirst(attributes, "style_icon", xml.getElementText().trim());
                    case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> {
                        if (failure == null) {
                            geometries.add(KmlGeometries.read(xml, name));
                        }
                    }
                    default -> {
                        // Styles, times, links and the like are not attributes of a site.
                    }
                }
            } catch (ImportException e) {
                // Keep reading to the end of this Placemark so the next one starts cleanly.
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure.atFeature(index);
        }
        if (!folders.isEmpty()) {
            List<String> path = new ArrayList<>();
            folders.descendingIterator().forEachRemaining(path::add);
            attributes.put("folder", String.join("/", path));
        }
        List<String> linked = linkedImages(attributes.toMap());
        if (!linked.isEmpty()) {
            attributes.put("images", linked);
        }
        Geometry geometry = geometries.isEmpty() ? null : geometries.size() == 1 ? geometries.get(0)
                : KmlGeometries.WGS84.buildGeometry(geometries);
        return new SourceFeature(index, geometry, attributes.toMap(), layer);
    }

    /** Folder names as the document nests them: a folder's own name is the first name element inside it. */
    private void followFolders(int event) throws XMLStreamException {
        if (event == XMLStreamConstants.START_ELEMENT) {
            switch (xml.getLocalName()) {
                case "Folder" -> {
                    folders.push("");
                    folderNamePending = true;
                }
                case "name" -> {
                    if (folderNamePending) {
                        folders.pop();
                        folders.push(xml.getElementText().trim());
                        folderNamePending = false;
                    }
                }
                default -> folderNamePending = false;
            }
        } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Folder") && !folders.isEmpty()) {
            folders.pop();
            folderNamePending = false;
        }
    }

    private static void putFirst(Attributes attributes, String name, String value) {
        if (!attributes.toMap().containsKey(name)) {
            attributes.put(name, value);
        }
    }

    /** The archive's images a placemark's text names (an img src in the description, an icon href, a Data value). */
    private List<String> linkedImages(Map<String, Object> attributes) {
        if (images.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String path : images.keySet()) {
            for (Object v : attributes.values()) {
                if (v instanceof String text && text.contains(path)) {
                    out.add(path);
                    break;
                }
            }
        }
        return out;
    }

    /** The images of a KMZ by their path in the archive, readable until {@link #close()}. */
    @Override
    public Map<String, Path> media() {
        return Collections.unmodifiableMap(images);
    }

    private void readData(Attributes attributes, String name) throws XMLStreamException {
        String value = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("value")) {
                value = xml.getElementText();
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("Data")) {
                break;
            }
        }
        attributes.put(name, value);
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
            if (in != null) {
                in.close();
            }
        } catch (XMLStreamException | IOException ignored) {
            // Read-only input: nothing to lose.
        }
        if (extracted != null) {
            extracted.close();
        }
    }
}
