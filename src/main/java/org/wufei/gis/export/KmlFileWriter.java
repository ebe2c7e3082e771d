package org.wufei.gis.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.kml.KMLWriter;
import org.wufei.gis.catalog.FeatureRow;

/**
 * KML 2.2 (always CRS84, as KML requires): one Placemark per feature, named by its {@code name} property when it
 * has one, every attribute in ExtendedData under its property name with the label as displayName.
 */
final class KmlFileWriter extends FeatureFileWriter {
    private final Writer w;
    private final KMLWriter geometry = new KMLWriter();

    KmlFileWriter(ExportLayer layer, OutputStream out) throws IOException {
        super(layer, out, UnaryOperator.identity());
        this.w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        geometry.setPrecision(7);
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n"
                + "<Document><name>" + escape(layer.title()) + "</name>\n<Schema name=\"" + escape(layer.name())
                + "\" id=\"" + escape(layer.name()) + "\">");
        for (ExportField f : layer.fields()) {
            w.write("<SimpleField name=\"" + escape(f.name()) + "\" type=\"" + kmlType(f.type())
                    + "\"><displayName>" + escape(f.label()) + "</displayName></SimpleField>");
        }
        w.write("</Schema>\n<Folder><name>" + escape(layer.name()) + "</name>\n");
    }

    private static String kmlType(ExportField.Type t) {
        return switch (t) {
            case INTEGER -> "int";
            case NUMBER -> "double";
            case BOOLEAN -> "bool";
            default -> "string";
        };
    }

    @Override
    public void add(FeatureRow f) throws IOException {
        w.write("<Placemark id=\"f" + f.id() + "\">");
        Object name = f.properties().get("name");
        if (name != null) {
            w.write("<name>" + escape(name.toString()) + "</name>");
        }
        w.write("<ExtendedData><SchemaData schemaUrl=\"#" + escape(layer.name()) + "\">");
        for (ExportField field : layer.fields()) {
            Object v = f.properties().get(field.name());
            if (v != null) {
                w.write("<SimpleData name=\"" + escape(field.name()) + "\">" + escape(text(v)) + "</SimpleData>");
            }
        }
        w.write("</SchemaData></ExtendedData>");
        if (f.geometry() != null && !f.geometry().isEmpty()) {
            w.write(geometry.write(f.geometry()));
        }
        w.write("</Placemark>\n");
    }

    @Override
    void finish() throws IOException {
        w.write("</Folder>\n</Document>\n</kml>\n");
        w.flush();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    // XML 1.0 forbids most control characters even escaped; they are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
