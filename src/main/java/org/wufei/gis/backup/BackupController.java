package org.wufei.gis.backup;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.CurrentActor;
import org.wufei.gis.common.Role;

/** {@code GET /api/backup}: ADMIN downloads a full backup (every table and the photos) as one zip, streamed. */
@RestController
class BackupController {
    private final DataSource dataSource;
    private final Path dataDir;

    BackupController(DataSource dataSource, @Value("${gis.data-dir}") String dataDir) {
        this.dataSource = dataSource;
        this.dataDir = Path.of(dataDir);
    }

    @GetMapping("/api/backup")
    ResponseEntity<StreamingResponseBody> backup(HttpServletRequest request) {
        if (CurrentActor.anonymous()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "authentication_required", null);
        }
        if (!CurrentActor.of(request).roles().contains(Role.ADMIN)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "role_forbidden", null);
        }
        StreamingResponseBody body = out -> {
            try (Connection c = dataSource.getConnection()) {
                Backup.write(c, dataDir, out);
            } catch (java.sql.SQLException e) {
                throw new java.io.IOException("backup failed", e);
            }
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"waste-site-gis-backup-"
                        + LocalDate.now() + ".zip\"")
                .body(body);
    }
}
