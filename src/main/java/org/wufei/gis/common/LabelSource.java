package org.wufei.gis.common;

import java.util.Locale;

/** Labels that are not in the i18n bundles (e.g. those of kind definition files); the bundles win. */
public interface LabelSource {

    /** The label of a bundle-style key ("kind.x", "status.x.y", "attr.a", "enum.a.c"), or null. */
    String label(String key, Locale locale);
}
