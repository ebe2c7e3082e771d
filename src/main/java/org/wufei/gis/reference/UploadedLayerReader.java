package org.wufei.gis.reference;

import org.wufei.gis.common.Texts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.springframework.stereotype.Component;
import org.wufei.gis.common.District;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.imports.normalise.CrsResolver;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportLimits;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * Reads an uploaded file (every format the screening imports read, with the same CRS detection) into the checked
 * rows of one reference layer, all of them before anything is written: one bad feature refuses the whole file,
 * naming the feature, so a replacement is never partial.
 */
@Component
class UploadedLayerReader {
    /** A reference layer holds at most this many features (a district's villages, rivers, roads are thousands). */
    static final long MAX_FEATURES = 200_000;
    private static final double DISTRICT_MARGIN_METRES = 20_000;

    /** One checked row: column values in the spec's order and the geometry in EPSG:4326 lon/lat. */
    record Row(List<Object> values, Geometry geometry) {
    }

    /** Every row of the file, their extent and the CRS they were read in. */
    record Read(List<Row> rows, Envelope extent, String crs) {
    }

    private final CrsRegistry crs;
    private final DistrictCheck district;

    UploadedLayerReader(CrsRegistry crs, District district) {
        this.crs = crs;
        this.district = new DistrictCheck(district, DISTRICT_MARGIN_METRES);
    }

    Read read(ReferenceLayerSpec spec, Path file, String requestedCrs, String layer) {
        ImportLimits d = ImportLimits.defaults();
        ImportLimits limits = new ImportLimits(d.maxUploadBytes(), d.maxUncompressedBytes(), d.maxCompressionRatio(),
                d.maxZipEntries(), MAX_FEATURES, d.maxStringLength());
        try (FeatureSource source = FeatureReaders.open(file, new ReadOptions(null, layer, limits))) {
            CrsResolver resolver = new CrsResolver(source, requestedCrs);
            List<Row> rows = new ArrayList<>();
            Envelope extent = new Envelope();
            List<Set<Object>> seen = spec.columns().stream().map(c -> (Set<Object>) new HashSet<>()).toList();
            Iterator<SourceFeature> it = source.iterator();
            while (it.hasNext()) {
                SourceFeature f = it.next();
                long index = rows.size() + 1L;
                Geometry g = geometry(spec, f.geometry(), resolver.forLayer(f.layer()), index);
                List<Object> values = spec.values(f.attributes(), index);
                unique(spec, values, seen, index);
                rows.add(new Row(values, g));
                extent.expandToInclude(g.getEnvelopeInternal());
            }
            if (rows.isEmpty()) {
                throw ReferenceRefusals.file("layer_empty", "file", "reference.layer_empty");
            }
            return new Read(rows, extent, resolver.describe());
        }
    }

    private static void unique(ReferenceLayerSpec spec, List<Object> values, List<Set<Object>> seen, long index) {
        for (int i = 0; i < values.size(); i++) {
            ReferenceLayerSpec.Column c = spec.columns().get(i);
            if (c.unique() && !seen.get(i).add(values.get(i))) {
                throw ReferenceRefusals.attribute(index, c.name(), "attribute_duplicate",
                        "reference.attribute.duplicate", String.valueOf(values.get(i)));
            }
        }
    }

    private Geometry geometry(ReferenceLayerSpec spec, Geometry read, CrsResolver.Resolved resolved, long index) {
        if (read == null || read.isEmpty()) {
            throw ReferenceRefusals.geometryOf(index, "geometry_missing", "import.geometry_missing");
        }
        Geometry g = FeatureNormaliser.flatten(read);
        if (resolved.eitherAxisOrder()) {
            g = district.inAxisOrder(g);
        }
        Geometry wgs84;
        try {
            wgs84 = crs.toWgs84Owned(g, resolved.crs());
        } catch (CrsException e) {
            throw ReferenceRefusals.geometry(index, e.code(), Texts.zh(e), Texts.en(e));
        }
        if (!district.inside(wgs84)) {
            if (district.swappedInside(wgs84)) {
                throw district.swapped(index);
            }
            throw ReferenceRefusals.geometryOf(index, "geometry_outside_district", "reference.geometry_outside_district",
                    resolved.crs().label());
        }
        if (!wgs84.isValid()) {
            wgs84 = GeometryFixer.fix(wgs84);
        }
        if (!inFamily(spec.family(), wgs84)) {
            throw ReferenceRefusals.geometryOf(index, "geometry_type_not_allowed", "reference.geometry_type",
                    spec.collectionId(), wgs84.getGeometryType(), String.valueOf(spec.family().accepted));
        }
        wgs84.setSRID(4326);
        return wgs84;
    }

    private static boolean inFamily(ReferenceLayerSpec.Family family, Geometry g) {
        return switch (family) {
            case POINT -> g instanceof Point;
            case LINE -> g instanceof LineString || g instanceof MultiLineString;
            case POLYGON -> g instanceof Polygon || g instanceof MultiPolygon;
        };
    }
}
