package org.wufei.gis.imports.read;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert;

/** Finds committed fixture files and reads uploads to lists for the reader tests. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name, e);
        }
    }

    public static List<SourceFeature> readAll(Path file) {
        return readAll(file, ReadOptions.defaults());
    }

    public static List<SourceFeature> readAll(Path file, ReadOptions options) {
        try (FeatureSource source = FeatureReaders.open(file, options)) {
            return source.stream().toList();
        }
    }

    /** Reads every feature, collecting per-feature errors as the import job will. */
    public static Outcome readCollectingErrors(Path file) {
        Outcome outcome = new Outcome(new ArrayList<>(), new ArrayList<>());
        try (FeatureSource source = FeatureReaders.open(file, ReadOptions.defaults())) {
            var it = source.iterator();
            while (it.hasNext()) {
                try {
                    outcome.features().add(it.next());
                } catch (ImportException e) {
                    outcome.errors().add(e);
                }
            }
        }
        return outcome;
    }

    public record Outcome(List<SourceFeature> features, List<ImportException> errors) {
    }

    public static void assertRefused(String code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    org.assertj.core.api.Assertions.assertThat(ie.code()).isEqualTo(code);
                    org.assertj.core.api.Assertions.assertThat(ie.messageZh()).isNotBlank();
                    org.assertj.core.api.Assertions.assertThat(ie.messageEn()).isNotBlank();
                });
    }

    public static void assertOpenRefused(String fixture, String code) {
        assertRefused(code, () -> readAll(path(fixture)));
    }
}
