package org.wufei.gis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * User-facing Chinese lives in the i18n bundles ({@code i18n/messages.properties}), not in Java (issue 17): no string
 * literal in src/main/java holds a Chinese character, except in the places listed below, each with its reason.
 * Comments may name Chinese terms. Texts reach code through {@code common.Texts}, {@code Labels} or {@code Problems}.
 */
class ChineseLiteralsTest {
    private static final Path ROOT = Path.of("src/main/java/org/wufei/gis");

    /** Folders or files (relative to org/wufei/gis) that may hold Chinese literals, and why. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("demo/", "synthetic demo data: the generated names and notes are data, not messages"),
            Map.entry("imports/ImportsProperties.java",
                    "input vocabulary: default Chinese column names recognised in uploaded files, not shown text"),
            Map.entry("imports/register/ColumnMapping.java",
                    "input vocabulary: Chinese register column names recognised in uploaded files"),
            Map.entry("imports/register/CellValues.java",
                    "input vocabulary: 是/否 and the 年月日 date pattern read from uploaded cells"),
            Map.entry("imports/read/table/CoordinateColumns.java",
                    "input vocabulary: 经度/纬度/东经/北纬 coordinate column names read from uploaded tables"),
            Map.entry("reference/ReferenceLayerSpec.java", "input vocabulary: 是/否 read as booleans from uploads"),
            Map.entry("reports/ReportController.java",
                    "English OpenAPI summary naming the Chinese term (举报) of the feature, not a message"));

    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void noChineseStringLiteralsOutsideTheAllowList() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            String rel = ROOT.relativize(file).toString().replace('\\', '/');
            if (allowed(rel)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (hasChineseLiteral(lines.get(i))) {
                    found.add(rel + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("Chinese string literals in Java; put the text in i18n/messages*.properties").isEmpty();
    }

    @Test
    void everyAllowedFileStillNeedsItsPlace() throws IOException {
        List<String> stale = new ArrayList<>();
        for (String entry : ALLOWED.keySet()) {
            if (entry.endsWith("/")) {
                continue;
            }
            Path file = ROOT.resolve(entry);
            if (!Files.exists(file) || Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .noneMatch(ChineseLiteralsTest::hasChineseLiteral)) {
                stale.add(entry);
            }
        }
        assertThat(stale).as("allow-list entries without Chinese literals: remove them").isEmpty();
    }

    @Test
    void theCheckSeesALiteralButNotAComment() {
        assertThat(hasChineseLiteral("throw error(\"应为字符串\", \"expected a string\");")).isTrue();
        assertThat(hasChineseLiteral("String s = \"a\\\"b\" + \"名称\";")).isTrue();
        assertThat(hasChineseLiteral(" * The \"面积（m²）\" column")).isFalse();
        assertThat(hasChineseLiteral("x = 1; // \"名称\"")).isFalse();
        assertThat(hasChineseLiteral("Texts.zh(\"import.file_empty\")")).isFalse();
    }

    static boolean hasChineseLiteral(String line) {
        String code = line.strip();
        if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
            return false;
        }
        Matcher m = LITERAL.matcher(code);
        int end = code.length();
        int comment = code.indexOf("//");
        while (m.find()) {
            if (comment >= 0 && comment < m.start() && !insideLiteral(code, comment)) {
                break;
            }
            if (HAN.matcher(m.group()).find() && m.start() < end) {
                return true;
            }
        }
        return false;
    }

    // Whether the "//" at index is inside a string literal (an odd number of unescaped quotes before it).
    private static boolean insideLiteral(String code, int index) {
        int quotes = 0;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == '"') {
                quotes++;
            }
        }
        return quotes % 2 == 1;
    }

    private static boolean allowed(String rel) {
        return ALLOWED.keySet().stream().anyMatch(a -> a.endsWith("/") ? rel.startsWith(a) : rel.equals(a));
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
