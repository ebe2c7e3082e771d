package db.migration.h2gis;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.h2gis.functions.factory.H2GISFunctions;

/** Registers the H2GIS spatial functions once per new embedded database (never runs on PostGIS). */
public class V0__h2gis_functions extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        H2GISFunctions.load(context.getConnection());
    }
}
