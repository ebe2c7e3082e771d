/**
 * The one multipart path of the service: {@code multipart/form-data} bodies read with Commons FileUpload's
 * streaming API by the endpoint itself (the container's own multipart parsing is off, {@code
 * spring.servlet.multipart.enabled=false}), so that a caller's role is checked before a byte of the body is read.
 * {@link org.wufei.gis.common.multipart.MultipartUpload} streams one large file to disk while hashing it (imports);
 * {@link org.wufei.gis.common.multipart.MultipartForm} keeps small files in memory (inspection photos, public
 * reports). Limits: {@link org.wufei.gis.common.multipart.UploadProperties} ({@code gis.uploads.*}).
 */
@NamedInterface("multipart")
package org.wufei.gis.common.multipart;

import org.springframework.modulith.NamedInterface;
