package org.wufei.gis.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Applies a per-point coordinate conversion to a copy of a JTS geometry, leaving the input untouched. */
@FunctionalInterface
public interface PointMapping {

    /** Maps one (x, y) pair, x being longitude or easting; returns {x, y}. */
    double[] apply(double x, double y);

    /** A deep copy of the geometry, mapped point by point, whose every part carries the target SRID. */
    static Geometry apply(Geometry g, int targetSrid, PointMapping mapping) {
        Geometry copy = copy(g, targetSrid);
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double[] p = mapping.apply(seq.getX(i), seq.getY(i));
                seq.setOrdinate(i, CoordinateSequence.X, p[0]);
                seq.setOrdinate(i, CoordinateSequence.Y, p[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return copy;
    }

    /** A deep copy of the geometry whose every part carries the SRID, coordinates unchanged. */
    static Geometry copy(Geometry g, int targetSrid) {
        // Geometry.setSRID only touches the outer object; copying through a factory sets it on every part.
        GeometryFactory factory = new GeometryFactory(g.getPrecisionModel(), targetSrid,
                g.getFactory().getCoordinateSequenceFactory());
        return factory.createGeometry(g);
    }
}
