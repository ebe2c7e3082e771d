package org.wufei.gis.common;

/** What a user of the register may do; a lifecycle edge names the roles allowed to take it. */
public enum Role {
    ADMIN, INSPECTOR, UPLOADER, PLANNER, VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
