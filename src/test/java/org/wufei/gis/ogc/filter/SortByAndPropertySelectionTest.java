package org.wufei.gis.ogc.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SortByAndPropertySelectionTest {

    @Test
    void ogcSignsAndSqlStyleDirections() {
        assertThat(SortBy.parse("+name,-updated_at", SiteQueryables.SITE).orderBySql()).isEqualTo("name ASC, updated_at DESC");
        assertThat(SortBy.parse("name DESC, area_m2", SiteQueryables.SITE).orderBySql()).isEqualTo("name DESC, area_m2 ASC");
        assertThat(SortBy.parse("area_m2 asc", SiteQueryables.SITE).orderBySql()).isEqualTo("area_m2 ASC");
    }

    @Test
    void aPlusDecodedAsASpaceStillMeansAscending() {
        assertThat(SortBy.parse(" name,-id", SiteQueryables.SITE).orderBySql()).isEqualTo("name ASC, id DESC");
    }

    @Test
    void emptySortbyMeansNoOrdering() {
        assertThat(SortBy.parse(null, SiteQueryables.SITE).isEmpty()).isTrue();
        assertThat(SortBy.parse("", SiteQueryables.SITE).orderBySql()).isEmpty();
    }

    @Test
    void unknownOrGeometrySortKeysAreRefused() {
        assertThatThrownBy(() -> SortBy.parse("+nosuch", SiteQueryables.SITE)).isInstanceOfSatisfying(Cql2Exception.class,
                e -> assertThat(e.messageEn()).contains("nosuch"));
        assertThatThrownBy(() -> SortBy.parse("geom", SiteQueryables.SITE)).hasFieldOrPropertyWithValue("code", "invalid_sortby");
        assertThatThrownBy(() -> SortBy.parse("name,,id", SiteQueryables.SITE)).hasFieldOrPropertyWithValue("code", "invalid_sortby");
    }

    @Test
    void propertiesSelectFromTheAllowListInRequestOrder() {
        PropertySelection p = PropertySelection.parse("status, name", SiteQueryables.SITE);
        assertThat(p.names()).containsExactly("status", "name");
        assertThat(p.columns()).containsExactly("status", "name");
        assertThat(p.all()).isFalse();
        assertThat(PropertySelection.parse(null, SiteQueryables.SITE).all()).isTrue();
        assertThat(PropertySelection.parse("", SiteQueryables.SITE).properties()).isEmpty();
    }

    @Test
    void unknownSelectedPropertiesAreNamed() {
        assertThatThrownBy(() -> PropertySelection.parse("name,colour", SiteQueryables.SITE))
                .isInstanceOfSatisfying(Cql2Exception.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown_property");
                    assertThat(e.messageEn()).contains("colour");
                    assertThat(e.messageZh()).contains("colour");
                });
    }
}
