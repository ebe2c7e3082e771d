/**
 * The format readers: an upload's features one at a time, with what the file says about its CRS. Other modules
 * (reference layers) read their uploads through {@link org.wufei.gis.imports.read.FeatureReaders}.
 */
@NamedInterface("read")
package org.wufei.gis.imports.read;

import org.springframework.modulith.NamedInterface;
