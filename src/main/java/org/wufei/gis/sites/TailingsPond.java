package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** 尾矿库: a tailings pond, from use through closure to write-off; risk-grade changes are history events. */
@Entity
@Table(name = "tailings_pond")
@DiscriminatorValue("tailings_pond")
@PrimaryKeyJoinColumn(name = "site_id")
public class TailingsPond extends Site {
    @Column(length = 200)
    private String enterprise;
    @Column(name = "design_capacity_10k_m3")
    private Double designCapacity10kM3;
    @Column(name = "current_volume_10k_m3")
    private Double currentVolume10kM3;
    @Column(name = "dam_height_m")
    private Double damHeightM;
    @Column(name = "pond_grade")
    private Integer pondGrade;
    @Column(name = "safety_class", length = 16)
    private String safetyClass;
    @Column(name = "environmental_risk", length = 16)
    private String environmentalRisk;

    protected TailingsPond() {
    }

    @Override
    public SiteKind kind() {
        return SiteKind.TAILINGS_POND;
    }

    @Override
    protected void assign(AttributeValues v) {
        if (v.has("enterprise")) {
            enterprise = v.string("enterprise");
        }
        if (v.has("design_capacity_10k_m3")) {
            designCapacity10kM3 = v.number("design_capacity_10k_m3");
        }
        if (v.has("current_volume_10k_m3")) {
            currentVolume10kM3 = v.number("current_volume_10k_m3");
        }
        if (v.has("dam_height_m")) {
            damHeightM = v.number("dam_height_m");
        }
        if (v.has("pond_grade")) {
            pondGrade = v.integer("pond_grade");
        }
        if (v.has("safety_class")) {
            safetyClass = v.string("safety_class");
        }
        if (v.has("environmental_risk")) {
            environmentalRisk = v.string("environmental_risk");
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enterprise", enterprise);
        m.put("design_capacity_10k_m3", designCapacity10kM3);
        m.put("current_volume_10k_m3", currentVolume10kM3);
        m.put("dam_height_m", damHeightM);
        m.put("pond_grade", pondGrade);
        m.put("safety_class", safetyClass);
        m.put("environmental_risk", environmentalRisk);
        return m;
    }
}
