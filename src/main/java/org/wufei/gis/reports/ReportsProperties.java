package org.wufei.gis.reports;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Public reports (docs/reports.md).
 *
 * @param enabled         whether the form takes reports at all
 * @param perClient       reports one client address may send within {@code windowMinutes}
 * @param windowMinutes   the rate-limit window
 * @param maxPhotoBytes   the largest photo accepted (413 beyond)
 * @param maxDescription  characters of description accepted (422 beyond)
 * @param clientHeader    behind a proxy or load balancer: the header whose last address is the client's (e.g.
 *                        X-Forwarded-For, when the proxy appends to it); empty = the connection's address
 */
@ConfigurationProperties("gis.reports")
public record ReportsProperties(Boolean enabled, Integer perClient, Integer windowMinutes, Long maxPhotoBytes,
        Integer maxDescription, String clientHeader) {

    public ReportsProperties {
        enabled = enabled == null || enabled;
        perClient = perClient == null ? 5 : Math.max(1, perClient);
        windowMinutes = windowMinutes == null ? 60 : Math.max(1, windowMinutes);
        maxPhotoBytes = maxPhotoBytes == null ? 5L * 1024 * 1024 : maxPhotoBytes;
        maxDescription = maxDescription == null ? 1000 : maxDescription;
        clientHeader = clientHeader == null ? "" : clientHeader.strip();
    }
}
