package org.wufei.gis.imports;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.SourceFeature;

/**
 * One pass over an upload's features inside the batch's transaction: normalise, map attributes, merge duplicates
 * within the batch, triage against known sites, hand each kept detection to the writer. Holds only the batch's
 * accepted geometries (for merging), so memory grows with detections kept, not with the file.
 */
final class BatchRun {

    /** What the run needs from its surroundings. */
    record Context(String source, LocalDate acquired, boolean pointsAllowed,
            FeatureNormaliser normaliser, DetectionFields fields, Triage triage,
            Function<Envelope, List<Triage.KnownSite>> candidates, RunErrors errors, int progressEvery) {
    }

    private final Context ctx;
    private final CrsResolver crs;
    private final BatchFootprints kept;
    private final Envelope bounds = new Envelope();
    private long read;
    private long accepted;
    private long repaired;
    private long merged;
    private final long[] triage = new long[Triage.Result.values().length];
    private volatile OptionalDouble fraction = OptionalDouble.empty();

    BatchRun(Context ctx, CrsResolver crs) {
        this.ctx = ctx;
        this.crs = crs;
        this.kept = new BatchFootprints(ctx.normaliser().extent());
    }

    /**
     * Reads every feature into the writer; {@code progress} is told how many have been read every so often. Reading,
     * normalising and attribute mapping run ahead on a thread of their own ({@link ReadAhead}); merging, triage and
     * writing stay on the caller's thread, in file order, so the results are the same as one thread's.
     */
    void run(FeatureSource source, DetectionWriter writer, LongConsumer progress) {
        try (ReadAhead<Prepared> ahead = new ReadAhead<>(source.iterator(), this::prepare,
                () -> fraction = source.fractionRead(), "import-read")) {
            Prepared p;
            while ((p = ahead.next()) != null) {
                read++;
                if (p.error() != null) {
                    ctx.errors().add(p.error(), p.layer());
                } else {
                    try {
                        keep(p, writer);
                    } catch (ImportException e) {
                        ctx.errors().add(e, p.layer());
                    }
                }
                if (read % ctx.progressEvery() == 0) {
                    progress.accept(read);
                }
            }
        }
    }

    /** One feature read and made ready to judge, or why it was refused (no feature when it could not be read). */
    private record Prepared(SourceFeature feature, FeatureNormaliser.Normalised normalised,
            DetectionFields.Fields fields, ImportException error) {

        String layer() {
            return feature == null ? null : feature.layer();
        }
    }

    /** Runs ahead of the judging: reads the next feature, normalises it and maps its attributes. */
    private Prepared prepare(Iterator<SourceFeature> it) {
        SourceFeature f;
        try {
            f = it.next();
        } catch (ImportException e) {
            if (e.featureIndex().isEmpty()) {
                throw e;
            }
            return new Prepared(null, null, null, e);
        }
        try {
            CrsResolver.Resolved from = crs.forLayer(f.layer());
            FeatureNormaliser.Normalised n = ctx.normaliser().normalise(f.index(), f.geometry(), from,
                    ctx.pointsAllowed());
            return new Prepared(f, n, ctx.fields().map(f.attributes(), ctx.acquired()), null);
        } catch (ImportException e) {
            return new Prepared(f, null, null, e);
        }
    }

    private void keep(Prepared p, DetectionWriter writer) {
        SourceFeature f = p.feature();
        FeatureNormaliser.Normalised n = p.normalised();
        Geometry g = n.geometry();
        Triage.Footprint footprint = Triage.Footprint.of(g);
        // one search box for both: the batch's earlier detections and the known sites
        Envelope search = new Envelope(g.getEnvelopeInternal());
        search.expandBy(ctx.triage().searchMarginDegrees());
        if (kept.anyNear(search, other -> ctx.triage().sameFeature(footprint, other))) {
            merged++;
            return;
        }
        Triage.Verdict verdict = ctx.triage().judge(footprint, n.areaM2(), ctx.candidates().apply(search));
        DetectionFields.Fields fields = p.fields();
        writer.add(new NewDetection(f.index(), f.layer(), ctx.source(), fields.acquired(), fields, n.areaM2(), g,
                verdict, n.repaired()));
        kept.add(footprint.compact());
        bounds.expandToInclude(g.getEnvelopeInternal());
        accepted++;
        repaired += n.repaired() ? 1 : 0;
        triage[verdict.result().ordinal()]++;
    }

    /** The share of the file read so far, as the reading thread last saw it. */
    OptionalDouble fractionRead() {
        return fraction;
    }

    long read() {
        return read;
    }

    long accepted() {
        return accepted;
    }

    long rejected() {
        return ctx.errors().total();
    }

    long repaired() {
        return repaired;
    }

    long merged() {
        return merged;
    }

    long count(Triage.Result r) {
        return triage[r.ordinal()];
    }

    Envelope bounds() {
        return bounds.isNull() ? null : bounds;
    }
}
