package org.wufei.gis.imports;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
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
    private final BatchFootprints kept = new BatchFootprints();
    private final Envelope bounds = new Envelope();
    private long read;
    private long accepted;
    private long repaired;
    private long merged;
    private final long[] triage = new long[Triage.Result.values().length];

    BatchRun(Context ctx, CrsResolver crs) {
        this.ctx = ctx;
        this.crs = crs;
    }

    /** Reads every feature into the writer; {@code progress} is told how many have been read every so often. */
    void run(FeatureSource source, DetectionWriter writer, LongConsumer progress) {
        Iterator<SourceFeature> it = source.iterator();
        while (it.hasNext()) {
            SourceFeature feature;
            try {
                feature = it.next();
            } catch (ImportException e) {
                if (e.featureIndex().isEmpty()) {
                    throw e;
                }
                read++;
                ctx.errors().add(e, null);
                continue;
            }
            read++;
            try {
                accept(feature, writer);
            } catch (ImportException e) {
                ctx.errors().add(e, feature.layer());
            }
            if (read % ctx.progressEvery() == 0) {
                progress.accept(read);
            }
        }
    }

    private void accept(SourceFeature f, DetectionWriter writer) {
        CrsResolver.Resolved from = crs.forLayer(f.layer());
        FeatureNormaliser.Normalised n = ctx.normaliser().normalise(f.index(), f.geometry(), from,
                ctx.pointsAllowed());
        Geometry g = n.geometry();
        if (duplicate(g)) {
            merged++;
            return;
        }
        Envelope search = new Envelope(g.getEnvelopeInternal());
        search.expandBy(ctx.triage().searchMarginDegrees());
        Triage.Verdict verdict = ctx.triage().judge(g, n.areaM2(), ctx.candidates().apply(search));
        DetectionFields.Fields fields = ctx.fields().map(f.attributes(), ctx.acquired());
        writer.add(new NewDetection(f.index(), f.layer(), ctx.source(), fields.acquired(), fields, n.areaM2(), g,
                verdict, n.repaired()));
        kept.add(g);
        bounds.expandToInclude(g.getEnvelopeInternal());
        accepted++;
        repaired += n.repaired() ? 1 : 0;
        triage[verdict.result().ordinal()]++;
    }

    private boolean duplicate(Geometry g) {
        Envelope e = new Envelope(g.getEnvelopeInternal());
        e.expandBy(ctx.triage().searchMarginDegrees());
        for (Geometry other : kept.near(e)) {
            if (ctx.triage().sameFeature(g, other)) {
                return true;
            }
        }
        return false;
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
