package org.wufei.gis.detections;

import java.util.List;
import java.util.Optional;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.Role;
import org.springframework.http.HttpStatus;

/**
 * What the verification queue needs to know of the import batches its detections came from; the imports module
 * implements it, so detections never depends on imports.
 */
public interface ImportedBatches {

    /** Who may import files and promote what they found. */
    List<Role> IMPORTERS = List.of(Role.UPLOADER, Role.ADMIN);

    /** The batch's uploaded file name, or empty when there is no such batch. */
    Optional<String> fileName(long batchId);

    /** 403 {@code role_forbidden} unless the actor may import (and so promote). */
    static void requireImporter(Actor actor) {
        if (!actor.hasAnyRole(IMPORTERS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
    }
}
