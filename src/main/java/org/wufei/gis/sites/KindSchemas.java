package org.wufei.gis.sites;

import static org.wufei.gis.sites.AttributeDef.code;
import static org.wufei.gis.sites.AttributeDef.flag;
import static org.wufei.gis.sites.AttributeDef.integer;
import static org.wufei.gis.sites.AttributeDef.list;
import static org.wufei.gis.sites.AttributeDef.number;
import static org.wufei.gis.sites.AttributeDef.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The typed attributes of each kind: the one definition that validation, queryables and labels read. */
public final class KindSchemas {
    private static final String[] RISK = {"level_1", "level_2", "level_3"};

    private static final Map<SiteKind, List<AttributeDef>> SCHEMAS = Map.of(
            SiteKind.WASTE_HEAP, List.of(
                    code("category", true, "smelting_slag", "coal_combustion", "desulfurization_gypsum",
                            "coal_gangue", "tailings_slag", "other_industrial", "coal_yard", "iron_concentrate",
                            "construction_waste", "domestic_waste", "damaged_land"),
                    number("volume_m3", 0, 1e9),
                    text("responsible_party", 200),
                    flag("ownerless"),
                    code("risk_grade", false, RISK),
                    code("control_measure", false, "removal", "in_situ_closure", "cover_greening", "reuse",
                            "monitoring"),
                    code("discovered_by", false, "satellite", "drone", "inspection", "report")),
            SiteKind.TAILINGS_POND, List.of(
                    text("enterprise", 200),
                    number("design_capacity_10k_m3", 0, 1e6),
                    number("current_volume_10k_m3", 0, 1e6),
                    number("dam_height_m", 0, 500),
                    integer("pond_grade", 1, 5),
                    code("safety_class", false, "dangerous", "risky", "sick", "normal"),
                    code("environmental_risk", false, RISK)),
            SiteKind.GREEN_MINE, List.of(
                    text("mine_name", 200),
                    code("mineral", false, "coal", "iron", "limestone", "silica", "dolomite", "other"),
                    text("enterprise", 200),
                    text("licence_no", 64),
                    number("mining_right_area_m2", 0, 1e10),
                    number("restoration_area_m2", 0, 1e10),
                    code("directory_level", false, "national", "regional", "municipal")),
            SiteKind.STRAW_COLLECTION_POINT, List.of(
                    code("tier", true, "district_leader", "township_centre", "village_point"),
                    number("capacity_t_per_year", 0, 1e8),
                    text("operator", 200),
                    list("served_villages", 2000)),
            SiteKind.RECYCLING_SITE, List.of(
                    code("site_type", true, "collection_point", "sorting_centre", "two_network_point",
                            "utilization_enterprise"),
                    list("materials", 500, "paper", "plastic", "metal", "glass", "e_waste", "textile", "other"),
                    text("operator", 200),
                    number("capacity_t_per_year", 0, 1e8)));

    private KindSchemas() {
    }

    public static List<AttributeDef> of(SiteKind kind) {
        return SCHEMAS.get(kind);
    }

    public static Optional<AttributeDef> find(SiteKind kind, String name) {
        return of(kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
