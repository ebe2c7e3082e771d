package org.wufei.gis.detections;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wufei.gis.catalog.CollectionSource;
import org.wufei.gis.catalog.LocalizedText;
import org.wufei.gis.catalog.Property;
import org.wufei.gis.catalog.TableSpec;
import org.wufei.gis.triage.Triage;

/**
 * The {@code detections} collection: imported remote-sensing and field results with their triage, read-only, for
 * the OGC API and the tiles. The triage result is also given as {@code status}, the property every tile feature
 * carries.
 */
@Component
@Order(10)
class DetectionSource implements CollectionSource {
    static final String ID = "detections";

    private static final TableSpec TABLE = new TableSpec("detection", "id", "geom", List.of(
            text("status", "triage", "研判结果", "Triage", "new", "known", "changed"),
            text("triage", "triage", "研判结果", "Triage", "new", "known", "changed"),
            number("batch_id", Property.Type.INTEGER, "导入批次", "Import batch"),
            text("source", "source", "来源", "Source", "satellite", "drone", "inspection", "manual"),
            text("name", "name", "名称", "Name"),
            text("category", "category", "类别", "Category"),
            text("acquired", "acquired", "获取日期", "Acquired"),
            number("confidence", Property.Type.NUMBER, "置信度", "Confidence"),
            number("area_m2", Property.Type.NUMBER, "面积（平方米）", "Area (m²)"),
            text("note", "note", "备注", "Note"),
            number("matched_site_id", Property.Type.INTEGER, "匹配点位", "Matched site"),
            flag("red_flag", "红色预警（已销号点位复现）", "Red flag (closed site re-appeared)"),
            flag("repaired", "几何已修复", "Geometry repaired"),
            number("promoted_site_id", Property.Type.INTEGER, "已提升为点位", "Promoted to site")),
            null, List.of(), null, null);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return new LocalizedText("遥感与巡查检测结果", "Detections");
    }

    @Override
    public LocalizedText description() {
        return new LocalizedText("导入的卫星、无人机和巡查结果及其与已知点位的研判（新发现、已知、有变化）",
                "Imported satellite, drone and field results triaged against known sites (new, known, changed)");
    }

    @Override
    public String geometryType() {
        return "Geometry";
    }

    @Override
    public TableSpec table() {
        return TABLE;
    }

    @Override
    public List<String> tileProperties() {
        return List.of("status", "source", "name", "confidence", "red_flag");
    }

    private static Property text(String name, String column, String zh, String en, String... codes) {
        return new Property(name, column, Property.Type.STRING, List.of(codes), new LocalizedText(zh, en));
    }

    private static Property number(String name, Property.Type type, String zh, String en) {
        return new Property(name, name, type, List.of(), new LocalizedText(zh, en));
    }

    private static Property flag(String name, String zh, String en) {
        return new Property(name, name, Property.Type.BOOLEAN, List.of(), new LocalizedText(zh, en));
    }
}
