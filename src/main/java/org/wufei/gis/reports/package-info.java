/**
 * Public reports (举报, indicator 50): an anonymous form that puts a suspected dump into the verification queue as a
 * detection, and a tracking code with which the reporter follows the outcome. Rate-limited per client; the photo is
 * re-encoded without its metadata; no client address is stored.
 */
@ApplicationModule(allowedDependencies = {"common", "common :: multipart", "detections", "inspections"})
package org.wufei.gis.reports;

import org.springframework.modulith.ApplicationModule;
