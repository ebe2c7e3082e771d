package org.wufei.gis.tiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tile settings ({@code gis.tiles}): the cache's byte and entry bounds, and above how many features in a tile a
 * site layer below zoom 10 is drawn as aggregated points.
 */
@ConfigurationProperties("gis.tiles")
record TilesProperties(@DefaultValue("268435456") long cacheMaxBytes, @DefaultValue("50000") int cacheMaxEntries,
        @DefaultValue("5000") int aggregateAbove) {
}
