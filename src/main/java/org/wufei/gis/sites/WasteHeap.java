package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** 历史遗留固废堆场: a historical solid-waste heap found by screening, verified and rectified until closed. */
@Entity
@Table(name = "waste_heap")
@DiscriminatorValue("waste_heap")
@PrimaryKeyJoinColumn(name = "site_id")
public class WasteHeap extends Site {
    @Column(nullable = false, length = 32)
    private String category;
    @Column(name = "volume_m3")
    private Double volumeM3;
    @Column(name = "responsible_party", length = 200)
    private String responsibleParty;
    @Column(nullable = false)
    private boolean ownerless;
    @Column(name = "risk_grade", length = 16)
    private String riskGrade;
    @Column(name = "control_measure", length = 500)
    private String controlMeasure;
    @Column(name = "discovered_by", length = 16)
    private String discoveredBy;

    protected WasteHeap() {
    }

    @Override
    public SiteKind kind() {
        return SiteKind.WASTE_HEAP;
    }

    @Override
    protected void assign(AttributeValues v) {
        if (v.has("category")) {
            category = v.string("category");
        }
        if (v.has("volume_m3")) {
            volumeM3 = v.number("volume_m3");
        }
        if (v.has("responsible_party")) {
            responsibleParty = v.string("responsible_party");
        }
        if (v.has("ownerless")) {
            ownerless = Boolean.TRUE.equals(v.flag("ownerless"));
        }
        if (v.has("risk_grade")) {
            riskGrade = v.string("risk_grade");
        }
        if (v.has("control_measure")) {
            controlMeasure = v.string("control_measure");
        }
        if (v.has("discovered_by")) {
            discoveredBy = v.string("discovered_by");
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", category);
        m.put("volume_m3", volumeM3);
        m.put("responsible_party", responsibleParty);
        m.put("ownerless", ownerless);
        m.put("risk_grade", riskGrade);
        m.put("control_measure", controlMeasure);
        m.put("discovered_by", discoveredBy);
        return m;
    }
}
