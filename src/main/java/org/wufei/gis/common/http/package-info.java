/**
 * HTTP conventions the endpoints of several modules share: entity tags ({@code ETag}), {@code If-Match}
 * preconditions, the {@code Prefer} header (RFC 7240) and POSTs that only ask (QueryRequests).
 */
@NamedInterface("http")
package org.wufei.gis.common.http;

import org.springframework.modulith.NamedInterface;
