package org.wufei.gis.sites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wufei.gis.sites.kinds.KindDefinitionException;
import org.wufei.gis.sites.kinds.KindFiles;

/**
 * Every kind of site the service manages, read at start from the definition files ({@code gis.kinds.dir}, plus
 * {@code gis.kinds.extra-dir} when set). Two files with one id (or one collection) refuse the start, naming both.
 */
public final class KindRegistry {
    public static final String DEFAULT_DIR = "gis-data/kinds";

    private final Map<String, SiteKind> byId;

    private KindRegistry(Map<String, SiteKind> byId) {
        this.byId = byId;
    }

    /** Reads the definitions of each directory, in order; a blank or null entry is skipped. */
    public static KindRegistry load(List<Path> dirs) {
        Map<String, SiteKind> byId = new LinkedHashMap<>();
        Map<String, SiteKind> byCollection = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (dir == null || dir.toString().isBlank()) {
                continue;
            }
            for (SiteKind k : KindFiles.readDirectory(dir)) {
                SiteKind other = byId.putIfAbsent(k.id(), k);
                if (other != null) {
                    throw new KindDefinitionException(k.source(), null, "kind id '" + k.id()
                            + "' is already defined by " + other.source());
                }
                other = byCollection.putIfAbsent(k.collectionId(), k);
                if (other != null) {
                    throw new KindDefinitionException(k.source(), null, "collection '" + k.collectionId()
                            + "' is already served by " + other.source());
                }
            }
        }
        if (byId.isEmpty()) {
            throw new KindDefinitionException(dirs.isEmpty() ? Path.of(DEFAULT_DIR) : dirs.get(0), null,
                    "no kind definitions (*.yml) found");
        }
        return new KindRegistry(byId);
    }

    /** The definitions in {@code gis-data/kinds} of the working directory (tools and tests). */
    public static KindRegistry loadDefault() {
        return load(List.of(Path.of(DEFAULT_DIR)));
    }

    public Collection<SiteKind> all() {
        return byId.values();
    }

    public List<String> ids() {
        return new ArrayList<>(byId.keySet());
    }

    public Optional<SiteKind> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The kind of a stored site: its definition must exist (checked at start against the data). */
    public SiteKind get(String id) {
        return byId(id).orElseThrow(() -> new IllegalStateException("No definition for kind " + id));
    }

    public Optional<SiteKind> byCollectionId(String collectionId) {
        return byId.values().stream().filter(k -> k.collectionId().equals(collectionId)).findFirst();
    }
}
