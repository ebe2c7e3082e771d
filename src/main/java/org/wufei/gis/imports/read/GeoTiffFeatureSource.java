package org.wufei.gis.imports.read;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Iterator;
import java.util.OptionalLong;
import org.apache.sis.coverage.grid.GridExtent;
import org.apache.sis.coverage.grid.GridGeometry;
import org.apache.sis.geometry.Envelopes;
import org.apache.sis.referencing.IdentifiedObjects;
import org.apache.sis.referencing.factory.IdentifiedObjectFinder;
import org.apache.sis.referencing.crs.AbstractCRS;
import org.apache.sis.referencing.cs.AxesConvention;
import org.apache.sis.storage.Aggregate;
import org.apache.sis.storage.DataStore;
import org.apache.sis.storage.DataStoreException;
import org.apache.sis.storage.DataStores;
import org.apache.sis.storage.GridCoverageResource;
import org.apache.sis.storage.Resource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.opengis.geometry.MismatchedDimensionException;
import org.opengis.metadata.Metadata;
import org.opengis.metadata.citation.CitationDate;
import org.opengis.metadata.identification.Identification;
import org.opengis.referencing.IdentifiedObject;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;
import org.wufei.gis.imports.read.geojson.GeoJsonFeatureSource;

/**
 * Turns a GeoTIFF (a drone orthophoto or a satellite scene) into one feature: its footprint polygon with size,
 * resolution and acquisition date, read with Apache SIS.
 */
final class GeoTiffFeatureSource implements FeatureSource {

    private final ReadOptions options;
    private final String layer;
    private final CrsHint crsHint;
    private final SourceFeature feature;

    GeoTiffFeatureSource(Path file, ReadOptions options) {
        this.options = options;
        this.layer = GeoJsonFeatureSource.baseName(file);
        try (DataStore store = DataStores.open(file)) {
            GridCoverageResource coverage = firstCoverage(store);
            GridGeometry grid = coverage.getGridGeometry();
            CoordinateReferenceSystem crs = grid.isDefined(GridGeometry.CRS) ? grid.getCoordinateReferenceSystem() : null;
            Integer epsg = epsgOf(crs);
            this.crsHint = epsg != null ? new CrsHint(epsg, null, CrsHint.GEOTIFF)
                    : crs != null ? new CrsHint(null, crs.toWKT(), CrsHint.GEOTIFF) : CrsHint.none();
            LocalDateTime date = acquisitionDate(coverage.getMetadata());
            this.feature = toFeature(grid, crs, epsg, date != null ? date : acquisitionDate(store.getMetadata()));
        } catch (DataStoreException | TransformException | RuntimeException e) {
            if (e instanceof ImportException ie) {
                throw ie;
            }
            throw ImportException.unreadable("GeoTIFF", e);
        }
    }

    private static GridCoverageResource firstCoverage(Resource resource) throws DataStoreException {
        if (resource instanceof GridCoverageResource g) {
            return g;
        }
        if (resource instanceof Aggregate a) {
            for (Resource child : a.components()) {
                GridCoverageResource g = firstCoverage(child);
                if (g != null) {
                    return g;
                }
            }
        }
        return null;
    }

    private SourceFeature toFeature(GridGeometry grid, CoordinateReferenceSystem crs, Integer epsg, LocalDateTime date)
            throws TransformException {
        GridExtent extent = grid.getExtent();
        Attributes attributes = new Attributes(options.limits());
        attributes.put("width", extent.getSize(0));
        attributes.put("height", extent.getSize(1));
        Geometry footprint = null;
        if (grid.isDefined(GridGeometry.ENVELOPE)) {
            org.opengis.geometry.Envelope env = grid.getEnvelope();
            // EPSG:4326 is latitude first; footprints are always x = longitude/easting, like every JTS geometry here.
            if (crs != null) {
                env = Envelopes.transform(env, AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED));
            }
            footprint = new GeometryFactory(new PrecisionModel(), epsg == null ? 0 : epsg).toGeometry(new Envelope(
                    env.getMinimum(0), env.getMaximum(0), env.getMinimum(1), env.getMaximum(1)));
        }
        if (grid.isDefined(GridGeometry.RESOLUTION)) {
            double[] resolution = grid.getResolution(true);
            boolean swapped = crs != null && AbstractCRS.castOrCopy(crs).forConvention(AxesConvention.RIGHT_HANDED) != crs;
            attributes.put("resolution", resolution[swapped ? 1 : 0]);
            attributes.put("resolution_y", resolution[swapped ? 0 : 1]);
        }
        attributes.put("acquired", date);
        return new SourceFeature(1, footprint, attributes.toMap(), layer);
    }

    private static Integer epsgOf(CoordinateReferenceSystem crs) {
        if (crs == null) {
            return null;
        }
        try {
            Integer code = IdentifiedObjects.lookupEPSG(crs);
            if (code != null) {
                return code;
            }
            // GeoTIFF is longitude first, EPSG geographic CRSs latitude first: match ignoring axis order.
            IdentifiedObjectFinder finder = IdentifiedObjects.newFinder("EPSG");
            finder.setIgnoringAxes(true);
            IdentifiedObject found = finder.findSingleton(crs);
            return found == null ? null : IdentifiedObjects.lookupEPSG(found);
        } catch (FactoryException | MismatchedDimensionException e) {
            // Without the EPSG database SIS cannot always look a code up; the WKT still goes to the crs package.
            return null;
        }
    }

    /** SIS records the TIFF DateTime tag as a citation date of the image resource, read as UTC. */
    private static LocalDateTime acquisitionDate(Metadata metadata) {
        if (metadata == null) {
            return null;
        }
        for (Identification id : metadata.getIdentificationInfo()) {
            if (id.getCitation() != null) {
                for (CitationDate d : id.getCitation().getDates()) {
                    Date date = d.getDate();
                    if (date != null) {
                        return LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
                    }
                }
            }
        }
        return null;
    }

    @Override
    public CrsHint crsHint() {
        return crsHint;
    }

    @Override
    public OptionalLong estimatedCount() {
        return OptionalLong.of(1);
    }

    @Override
    public Iterator<SourceFeature> iterator() {
        return new FeatureIterator(options.limits()) {
            @Override
            protected SourceFeature readNext(long index) {
                return index == 1 ? feature : null;
            }
        };
    }

    @Override
    public void close() {
        // The store was closed once the footprint was read.
    }
}
