package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** 绿色矿山: a mine on its way into (or out of) the green-mine directory. */
@Entity
@Table(name = "green_mine")
@DiscriminatorValue("green_mine")
@PrimaryKeyJoinColumn(name = "site_id")
public class GreenMine extends Site {
    @Column(name = "mine_name", length = 200)
    private String mineName;
    @Column(length = 32)
    private String mineral;
    @Column(length = 200)
    private String enterprise;
    @Column(name = "licence_no", length = 64)
    private String licenceNo;
    @Column(name = "mining_right_area_m2")
    private Double miningRightAreaM2;
    @Column(name = "restoration_area_m2")
    private Double restorationAreaM2;
    @Column(name = "directory_level", length = 16)
    private String directoryLevel;

    protected GreenMine() {
    }

    @Override
    public SiteKind kind() {
        return SiteKind.GREEN_MINE;
    }

    @Override
    protected void assign(AttributeValues v) {
        if (v.has("mine_name")) {
            mineName = v.string("mine_name");
        }
        if (v.has("mineral")) {
            mineral = v.string("mineral");
        }
        if (v.has("enterprise")) {
            enterprise = v.string("enterprise");
        }
        if (v.has("licence_no")) {
            licenceNo = v.string("licence_no");
        }
        if (v.has("mining_right_area_m2")) {
            miningRightAreaM2 = v.number("mining_right_area_m2");
        }
        if (v.has("restoration_area_m2")) {
            restorationAreaM2 = v.number("restoration_area_m2");
        }
        if (v.has("directory_level")) {
            directoryLevel = v.string("directory_level");
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mine_name", mineName);
        m.put("mineral", mineral);
        m.put("enterprise", enterprise);
        m.put("licence_no", licenceNo);
        m.put("mining_right_area_m2", miningRightAreaM2);
        m.put("restoration_area_m2", restorationAreaM2);
        m.put("directory_level", directoryLevel);
        return m;
    }
}
