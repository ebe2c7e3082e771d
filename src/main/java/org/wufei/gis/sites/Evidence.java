package org.wufei.gis.sites;

/**
 * One piece of evidence cited by a transition: a reference (photo, document, inspection) of a type
 * such as cleanup or public_notice, or, where the lifecycle allows it, the reason the type does not apply.
 */
public record Evidence(String type, String ref, String description, String notApplicableReason) {

    public boolean isWaiver() {
        return (ref == null || ref.isBlank()) && notApplicableReason != null && !notApplicableReason.isBlank();
    }

    public boolean hasRef() {
        return ref != null && !ref.isBlank();
    }
}
