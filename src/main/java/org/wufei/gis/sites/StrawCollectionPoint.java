package org.wufei.gis.sites;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;

/** 秸秆收储点: a straw collection and storage point of one of three tiers. */
@Entity
@Table(name = "straw_collection_point")
@DiscriminatorValue("straw_collection_point")
@PrimaryKeyJoinColumn(name = "site_id")
public class StrawCollectionPoint extends Site {
    @Column(nullable = false, length = 32)
    private String tier;
    @Column(name = "capacity_t_per_year")
    private Double capacityTPerYear;
    @Column(length = 200)
    private String operator;
    @Column(name = "served_villages", length = 2000)
    private String servedVillages;

    protected StrawCollectionPoint() {
    }

    @Override
    public SiteKind kind() {
        return SiteKind.STRAW_COLLECTION_POINT;
    }

    @Override
    protected void assign(AttributeValues v) {
        if (v.has("tier")) {
            tier = v.string("tier");
        }
        if (v.has("capacity_t_per_year")) {
            capacityTPerYear = v.number("capacity_t_per_year");
        }
        if (v.has("operator")) {
            operator = v.string("operator");
        }
        if (v.has("served_villages")) {
            servedVillages = TextList.join(v.list("served_villages"));
        }
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tier", tier);
        m.put("capacity_t_per_year", capacityTPerYear);
        m.put("operator", operator);
        m.put("served_villages", TextList.split(servedVillages));
        return m;
    }
}
