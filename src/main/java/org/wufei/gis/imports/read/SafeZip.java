package org.wufei.gis.imports.read;

import org.wufei.gis.common.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The one place archives are opened: refuses bombs, path traversal, symlinks and nested archives, then extracts
 * into a fresh temporary directory.
 *
 * <p>commons-compress is used rather than java.util.zip because only it exposes the unix mode bits a symlink
 * entry is recognised by. Sizes are checked twice: from the central directory before anything is written, and
 * while streaming, because those headers are written by the uploader and can lie.
 */
public final class SafeZip {

    private static final Set<String> ARCHIVE_SUFFIXES =
            Set.of(".zip", ".kmz", ".gz", ".tgz", ".7z", ".rar", ".tar", ".bz2", ".xz", ".jar");

    /** Ratios are only meaningful for entries big enough to matter; a 10 KB file of blanks is not an attack. */
    private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

    private SafeZip() {
    }

    /** Extracted files of one archive; closing deletes them. */
    public record Extracted(Path dir, List<Path> files) implements AutoCloseable {
        @Override
        public void close() {
            TempFiles.deleteTree(dir);
        }
    }

    public static Extracted extract(Path zip, ImportLimits limits) {
        checkUploadSize(zip, limits);
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            checkCentralDirectory(entries, Files.size(zip), limits);
            Path dir = Files.createTempDirectory("wufei-import-");
            try {
                return new Extracted(dir, writeEntries(zf, entries, dir, limits));
            } catch (RuntimeException | IOException e) {
                TempFiles.deleteTree(dir);
                throw e;
            }
        } catch (IOException e) {
            throw ImportException.unreadable("zip", e);
        }
    }

    /** Runs every check, inflating entries into nothing: for archives we will not read but must still judge. */
    static void inspect(Path zip, ImportLimits limits) {
        checkUploadSize(zip, limits);
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            checkCentralDirectory(entries, Files.size(zip), limits);
            long[] written = {0};
            for (ZipArchiveEntry e : entries) {
                if (!e.isDirectory()) {
                    try (InputStream in = zf.getInputStream(e)) {
                        copyBounded(e, in, OutputStream.nullOutputStream(), written, limits);
                    }
                }
            }
        } catch (IOException e) {
            throw ImportException.unreadable("zip", e);
        }
    }

    static void checkUploadSize(Path file, ImportLimits limits) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw ImportException.keyed(ImportException.FILE_EMPTY, null, "import.file_empty");
            }
            if (size > limits.maxUploadBytes()) {
                throw ImportException.keyed(ImportException.UPLOAD_TOO_LARGE, null, "import.upload_too_large",
                        limits.maxUploadBytes());
            }
        } catch (IOException e) {
            throw ImportException.unreadable("size", e);
        }
    }

    private static void checkCentralDirectory(List<ZipArchiveEntry> entries, long archiveBytes, ImportLimits limits) {
        if (entries.size() > limits.maxZipEntries()) {
            throw bomb("import.zip_bomb.entries", entries.size());
        }
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            checkName(e);
            long size = Math.max(e.getSize(), 0);
            total += size;
            if (size > RATIO_FLOOR_BYTES && e.getCompressedSize() > 0
                    && size / e.getCompressedSize() > limits.maxCompressionRatio()) {
                throw bomb("import.zip_bomb.entry_ratio", e.getName());
            }
        }
        if (total > limits.maxUncompressedBytes()) {
            throw bomb("import.zip_bomb.total");
        }
        if (total > RATIO_FLOOR_BYTES && total / Math.max(archiveBytes, 1) > limits.maxCompressionRatio()) {
            throw bomb("import.zip_bomb.ratio");
        }
    }

    private static void checkName(ZipArchiveEntry e) {
        String name = e.getName().replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
            throw ImportException.keyed(ImportException.ZIP_SLIP, e.getName(), "import.zip_slip", e.getName());
        }
        if (e.isUnixSymlink()) {
            throw ImportException.keyed(ImportException.ZIP_SYMLINK, e.getName(), "import.zip_symlink", e.getName());
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!e.isDirectory() && ARCHIVE_SUFFIXES.stream().anyMatch(lower::endsWith)) {
            throw nested(e.getName());
        }
    }

    private static List<Path> writeEntries(ZipFile zf, List<ZipArchiveEntry> entries, Path dir, ImportLimits limits)
            throws IOException {
        List<Path> files = new ArrayList<>();
        long[] written = {0};
        for (ZipArchiveEntry e : entries) {
            if (e.isDirectory() || e.getName().startsWith("__MACOSX/")) {
                continue;
            }
            Path target = dir.resolve(e.getName().replace('\\', '/')).normalize();
            if (!target.startsWith(dir)) {
                throw ImportException.keyed(ImportException.ZIP_SLIP, e.getName(), "import.zip_slip", e.getName());
            }
            Files.createDirectories(target.getParent());
            try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                copyBounded(e, in, out, written, limits);
            }
            files.add(target);
        }
        return files;
    }

    private static void copyBounded(ZipArchiveEntry e, InputStream in, OutputStream out, long[] written,
                                    ImportLimits limits) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long entryBytes = 0;
        long declared = e.getSize();
        long ratioCap = e.getCompressedSize() > 0
                ? Math.max(RATIO_FLOOR_BYTES, e.getCompressedSize() * limits.maxCompressionRatio()) : Long.MAX_VALUE;
        int n;
        boolean first = true;
        while ((n = in.read(buf)) > 0) {
            if (first && looksLikeArchive(buf, n)) {
                throw nested(e.getName());
            }
            first = false;
            entryBytes += n;
            written[0] += n;
            if ((declared >= 0 && entryBytes > declared) || entryBytes > ratioCap
                    || written[0] > limits.maxUncompressedBytes()) {
                throw bomb("import.zip_bomb.extracted", e.getName());
            }
            out.write(buf, 0, n);
        }
    }

    /** Magic bytes of zip, gzip, 7z and rar: a renamed nested archive is still a nested archive. */
    private static boolean looksLikeArchive(byte[] b, int n) {
        if (n < 4) {
            return false;
        }
        return (b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
                || ((b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b)
                || (b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xbc && (b[3] & 0xff) == 0xaf)
                || (b[0] == 'R' && b[1] == 'a' && b[2] == 'r' && b[3] == '!');
    }

    private static ImportException bomb(String key, Object... args) {
        return ImportException.of(ImportException.ZIP_BOMB, Texts.zh("import.zip_bomb", Texts.zh(key, args)),
                Texts.en("import.zip_bomb", Texts.en(key, args)));
    }

    private static ImportException nested(String name) {
        return ImportException.keyed(ImportException.ZIP_NESTED_ARCHIVE, name, "import.zip_nested", name);
    }
}
