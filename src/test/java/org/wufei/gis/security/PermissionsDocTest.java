package org.wufei.gis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md's permission table is the rendering of src/test/resources/security/permissions.csv, which the
 * matrix tests hold equal to what the service does. Run with {@code -Dpermissions.write=true} to rewrite the doc.
 */
class PermissionsDocTest {
    private static final Path DOC = Path.of("docs/security.md");
    private static final String BEGIN = "<!-- permissions:begin (generated from src/test/resources/security/"
            + "permissions.csv by PermissionsDocTest) -->\n";
    private static final String END = "<!-- permissions:end -->";

    @Test
    void theDocsTableIsThePermissionTable() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String table = PermissionTable.load().markdown();
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/security.md needs the markers " + BEGIN.strip() + " and " + END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = doc.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("permissions.write") && !current.equals(table)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + table + doc.substring(end),
                    StandardCharsets.UTF_8);
            current = table;
        }
        assertThat(current).as("docs/security.md's permission table; rerun with -Dpermissions.write=true")
                .isEqualTo(table);
    }
}
