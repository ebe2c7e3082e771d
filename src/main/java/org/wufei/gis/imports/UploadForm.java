package org.wufei.gis.imports;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/**
 * The form of {@code POST /api/imports} as the OpenAPI document shows it; the body itself is read as a stream
 * ({@code MultipartUpload}) and its fields checked by {@link ImportParams}.
 */
@Schema(name = "ImportUpload", requiredProperties = {"file", "source"})
record UploadForm(
        @Schema(type = "string", format = "binary",
                description = "GeoJSON, zipped shapefile, GeoPackage, KML/KMZ, CSV, XLSX or GeoTIFF footprint")
        String file,
        @Schema(allowableValues = {"satellite", "drone", "inspection", "manual"}) String source,
        @Schema(description = "the coordinates' CRS when the file does not say, e.g. EPSG:4546, GCJ-02, BD-09")
        String crs,
        @Schema(description = "acquisition date of the imagery or survey") LocalDate acquired,
        @Schema(description = "text encoding of shapefile attributes or CSV, e.g. GBK") String encoding,
        @Schema(description = "the layer to read from a multi-layer file") String layer,
        @Schema(description = "true: refuse the whole file on the first bad feature") Boolean strict) {
}
