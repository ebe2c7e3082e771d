package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** 再生资源回收: a recycling outlet, sorting centre, two-network point or recycling enterprise. */
@Entity
@Table(name = "recycling_site")
@DiscriminatorValue("recycling_site")
@PrimaryKeyJoinColumn(name = "site_id")
public class RecyclingSite extends Site {
    @Column(name = "site_type", nullable = false, length = 32)
    private String siteType;
    @Column(length = 500)
    private String materials;
    @Column(length = 200)
    private String operator;
    @Column(name = "capacity_t_per_year")
    private Double capacityTPerYear;

    protected RecyclingSite() {
    }

    @Override
    public SiteKind kind() {
        return SiteKind.RECYCLING_SITE;
    }

    @Override
    protected void assign(AttributeValues v) {
        if (v.has("site_type")) {
            siteType = v.string("site_type");
        }
        if (v.has("materials")) {
            materials = TextList.join(v.list("materials"));
        }
        if (v.has("operator")) {
            operator = v.string("operator");
        }
        if (v.has("capacity_t_per_year")) {
            capacityTPerYear = v.number("capacity_t_per_year");
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site_type", siteType);
        m.put("materials", TextList.split(materials));
        m.put("operator", operator);
        m.put("capacity_t_per_year", capacityTPerYear);
        return m;
    }
}
