/**
 * HTTP conventions the endpoints of several modules share: entity tags ({@code ETag}), {@code If-Match}
 * preconditions and the {@code Prefer} header (RFC 7240).
 */
@NamedInterface("http")
package org.wufei.gis.common.http;

import org.springframework.modulith.NamedInterface;
