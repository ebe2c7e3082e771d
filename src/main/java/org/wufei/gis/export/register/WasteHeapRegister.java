package org.wufei.gis.export.register;

import org.wufei.gis.common.Texts;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.FeatureRow;
import org.wufei.gis.common.Labels;
import org.wufei.gis.export.ExportField;
import org.wufei.gis.export.ExportLayer;

/**
 * The 历史遗留固废堆场分类分级管控清单 as a bureau files it (seed task 5): one row per heap in the columns of the
 * form, codes turned into their Chinese labels, the position as 经度/纬度 of a point on the heap.
 */
@Component
class WasteHeapRegister {
    static final String COLLECTION = "waste_heaps";
    /** The heap properties the register reads from the collection. */
    static final List<String> PROPERTIES = List.of("code", "name", "township", "category", "area_m2", "volume_m3",
            "risk_grade", "control_measure", "responsible_party", "ownerless", "status");
    /** Columns of the site table the collection does not publish as properties. */
    static final Map<String, String> EXTRA = Map.of("deadline", "s.deadline");

    static final List<ExportField> FIELDS = List.of(
            field("seq", ExportField.Type.INTEGER),
            field("code", ExportField.Type.STRING),
            field("name", ExportField.Type.STRING),
            field("township", ExportField.Type.STRING),
            field("longitude", ExportField.Type.NUMBER),
            field("latitude", ExportField.Type.NUMBER),
            field("category", ExportField.Type.STRING),
            field("area_m2", ExportField.Type.NUMBER),
            field("volume_m3", ExportField.Type.NUMBER),
            field("risk_grade", ExportField.Type.STRING),
            field("control_measure", ExportField.Type.STRING),
            field("responsible_party", ExportField.Type.STRING),
            field("status", ExportField.Type.STRING),
            field("deadline", ExportField.Type.STRING));

    private final Labels labels;

    WasteHeapRegister(Labels labels) {
        this.labels = labels;
    }

    // The form is Chinese whatever the caller's language: its headers are the bundle's Chinese texts.
    private static ExportField field(String name, ExportField.Type type) {
        return new ExportField(name, Texts.zh("export.register.column." + name), type);
    }

    static ExportLayer layer() {
        return new ExportLayer(Texts.zh("export.register.layer"), Texts.zh("export.register.title.full"), "Point",
                FIELDS, null,
                ExportLayer.Headers.LABELS, ExportLayer.Coordinates.NONE);
    }

    /** The register row of the {@code seq}-th heap. */
    FeatureRow row(long seq, FeatureRow heap) {
        Map<String, Object> p = heap.properties();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seq", seq);
        out.put("code", p.get("code"));
        out.put("name", p.get("name"));
        out.put("township", p.get("township"));
        Point at = surfacePoint(heap.geometry());
        out.put("longitude", at == null ? null : round(at.getX(), 6));
        out.put("latitude", at == null ? null : round(at.getY(), 6));
        out.put("category", label(p.get("category"), "enum.category."));
        out.put("area_m2", p.get("area_m2") == null ? null : round((Double) p.get("area_m2"), 1));
        out.put("volume_m3", p.get("volume_m3"));
        out.put("risk_grade", label(p.get("risk_grade"), "enum.risk."));
        out.put("control_measure", label(p.get("control_measure"), "enum.control_measure."));
        Object party = p.get("responsible_party");
        out.put("responsible_party", party == null && Boolean.TRUE.equals(p.get("ownerless"))
                ? labels.of("ownerless", "attr.ownerless").get("zh") : party);
        out.put("status", label(p.get("status"), "status.waste_heap."));
        out.put("deadline", p.get("deadline") instanceof LocalDate d ? d.toString() : null);
        return new FeatureRow(heap.id(), out, null, null);
    }

    private String label(Object code, String prefix) {
        return code == null ? null : labels.of(code.toString(), prefix + code).get("zh");
    }

    private static Point surfacePoint(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        return g instanceof Point p ? p : g.getInteriorPoint();
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
