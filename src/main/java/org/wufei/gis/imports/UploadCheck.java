package org.wufei.gis.imports;

import org.wufei.gis.common.Texts;
import java.nio.file.Path;
import java.util.Iterator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.crs.CrsException;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureRead;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.FormatDetector;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.imports.normalise.CrsResolver;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.imports.normalise.FeatureNormaliser;

/**
 * What is checked while the uploader waits, so a file that cannot work is refused before any row is written:
 * format and archive safety, the CRS (a garbage .prj asks for {@code crs}), and — on the first features — whether
 * the coordinates land in the district at all, which catches swapped latitude/longitude and projected numbers sent
 * without a CRS.
 */
final class UploadCheck {
    private static final int SAMPLE = 200;

    private final CrsRegistry crs;
    private final DistrictCheck district;

    UploadCheck(CrsRegistry crs, DistrictCheck district) {
        this.crs = crs;
        this.district = district;
    }

    /** Returns the detected format's name; throws {@link ImportException} for a file that must be refused. */
    String check(Path file, ReadOptions options, String requestedCrs) {
        try (FeatureSource source = FeatureReaders.open(file, options)) {
            String format = FormatDetector.detect(file).name();
            CrsResolver resolver = new CrsResolver(source, requestedCrs);
            int sampled = 0;
            int inside = 0;
            int swapped = 0;
            int projected = 0;
            boolean assumed = false;
            Iterator<SourceFeature> it = source.iterator();
            while (it.hasNext() && sampled < SAMPLE) {
                SourceFeature f = FeatureRead.next(it).feature();
                if (f == null) {
                    continue; // a refused feature: the import itself reports it
                }
                CrsResolver.Resolved from = resolver.forLayer(f.layer());
                assumed |= from.assumed();
                if (f.geometry() == null || f.geometry().isEmpty() || !finite(f.geometry())) {
                    continue;
                }
                sampled++;
                Geometry raw = f.geometry();
                if (!from.eitherAxisOrder() && district.swappedInside(raw) && !district.inside(raw)) {
                    swapped++;
                    continue;
                }
                Geometry wgs84;
                try {
                    Geometry flat = FeatureNormaliser.flatten(f.geometry());
                    wgs84 = crs.toWgs84(from.eitherAxisOrder() ? district.inAxisOrder(flat) : flat, from.crs());
                } catch (CrsException | IllegalArgumentException e) {
                    projected++;
                    continue;
                }
                if (district.inside(wgs84)) {
                    inside++;
                } else if (district.swappedInside(wgs84)) {
                    swapped++;
                } else if (looksProjected(f.geometry())) {
                    projected++;
                }
            }
            if (sampled > 0 && inside == 0) {
                throw verdict(swapped, projected, sampled, assumed);
            }
            return format;
        }
    }

    private ImportException verdict(int swapped, int projected, int sampled, boolean assumed) {
        if (swapped * 2 > sampled) {
            return district.swapped(null);
        }
        if (assumed && projected * 2 > sampled) {
            return ImportException.keyed("crs_required", "crs", "import.crs_required");
        }
        return ImportException.keyed("outside_district", "file", "import.sample_outside_district");
    }

    private static boolean finite(Geometry g) {
        for (Coordinate c : g.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksProjected(Geometry g) {
        Coordinate c = g.getCoordinate();
        return Math.abs(c.x) > 360 || Math.abs(c.y) > 360;
    }
}
