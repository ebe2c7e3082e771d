package org.wufei.gis.ogc.features;

import org.wufei.gis.common.Texts;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.ogc.filter.Cql2Exception;

/**
 * Turns the filter and CRS packages' own refusals into {@link ApiException}s (400 problem+json), keeping their
 * codes; their messages travel as arguments {0} (Chinese) and {1} (English) for the bundles to pick.
 */
final class OgcErrors {

    private OgcErrors() {
    }

    static <T> T translating(Supplier<T> work) {
        try {
            return work.get();
        } catch (Cql2Exception e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.code(), field(e.code()), e.messageZh(), e.messageEn());
        } catch (CrsException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.code(), "crs", Texts.zh(e), Texts.en(e));
        }
    }

    private static String field(String code) {
        if (code.equals(org.wufei.gis.ogc.filter.SortBy.INVALID_SORTBY)) {
            return OgcParams.SORTBY;
        }
        return code.equals(Cql2Exception.PARAM_UNKNOWN_PROPERTY) ? null : OgcParams.FILTER;
    }
}
