package org.wufei.gis.imports.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.locationtech.jts.geom.Envelope;
import org.wufei.gis.imports.read.FeatureRead;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.SourceFeature;
import org.wufei.gis.detections.DetectionFields;
import org.wufei.gis.detections.DetectionWriter;
import org.wufei.gis.detections.NewDetection;
import org.wufei.gis.imports.normalise.CrsResolver;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.triage.BatchFootprints;
import org.wufei.gis.triage.Triage;

/**
 * One pass over an upload's features inside the batch's transaction: normalise, map attributes, merge duplicates
 * within the batch, triage against known sites and the queue's open detections, hand each kept detection to the
 * writer. Holds only the batch's
 * accepted geometries (for merging), so memory grows with detections kept, not with the file.
 */
public final class BatchRun {

    /** What the run needs from its surroundings. */
    public record Context(String source, LocalDate acquired,
            FeatureNormaliser normaliser, DetectionFields fields, Triage triage,
            Function<Envelope, List<Triage.KnownSite>> candidates, Function<Envelope, List<Triage.KnownSite>> open,
            RunErrors errors, int progressEvery) {
    }

    private final Context ctx;
    private final CrsResolver crs;
    private final BatchFootprints kept;
    private final Envelope bounds = new Envelope();
    private long read;
    private long accepted;
    private long repaired;
    private long merged;
    private final long[] verdicts = new long[Triage.Result.values().length];
    private final List<long[]> duplicates = new ArrayList<>();
    private volatile OptionalDouble fraction = OptionalDouble.empty();

    public BatchRun(Context ctx, CrsResolver crs) {
        this.ctx = ctx;
        this.crs = crs;
        this.kept = new BatchFootprints(ctx.normaliser().extent());
    }

    /**
     * Reads every feature into the writer; {@code progress} is told how many have been read every so often. Reading,
     * normalising, attribute mapping and the writer's {@link DetectionWriter#prepare} run ahead on a thread of their
     * own ({@link ReadAhead}); merging, triage and handing rows over stay on the caller's thread, in file order, so
     * the results are the same as one thread's.
     */
    public <R> void run(FeatureSource source, DetectionWriter<R> writer, LongConsumer progress) {
        try (ReadAhead<Prepared<R>> ahead = new ReadAhead<>(source.iterator(), it -> prepare(it, writer),
                () -> fraction = source.fractionRead(), "import-read")) {
            Prepared<R> p;
            while ((p = ahead.next()) != null) {
                read++;
                if (p.error() != null) {
                    ctx.errors().add(p.error(), p.layer());
                } else {
                    keep(p, writer);
                }
                if (read % ctx.progressEvery() == 0) {
                    progress.accept(read);
                }
            }
        }
    }

    /**
     * One feature made ready to judge, or why it was refused. It holds only what the judging needs (the compact
     * footprint, the area, the writer's row), so the feature as read is garbage as soon as it is prepared: whatever
     * waits in the read-ahead queue is copied by every young collection.
     */
    private record Prepared<R>(long featureIndex, String layer, double areaM2, boolean repaired, Triage.Footprint footprint, R row,
            ImportException error) {

        static <R> Prepared<R> refused(String layer, ImportException error) {
            return new Prepared<>(-1, layer, 0, false, null, null, error);
        }
    }

    /** Runs ahead of the judging: reads the next feature, normalises it, maps its attributes, prepares its row. */
    private <R> Prepared<R> prepare(Iterator<SourceFeature> it, DetectionWriter<R> writer) {
        FeatureRead read = FeatureRead.next(it);
        if (read.refusal() != null) {
            return Prepared.refused(null, read.refusal());
        }
        SourceFeature f = read.feature();
        try {
            CrsResolver.Resolved from = crs.forLayer(f.layer());
            FeatureNormaliser.Normalised n = ctx.normaliser().normalise(f.index(), f.geometry(), from);
            DetectionFields.Fields fields = ctx.fields().map(f.attributes(), ctx.acquired());
            R row = writer.prepare(new NewDetection(f.index(), f.layer(), ctx.source(), fields.acquired(), fields,
                    n.areaM2(), n.geometry(), n.repaired()));
            return new Prepared<>(f.index(), f.layer(), n.areaM2(), n.repaired(), Triage.Footprint.of(n.geometry()).compact(),
                    row, null);
        } catch (ImportException e) {
            return Prepared.refused(f.layer(), e);
        }
    }

    private <R> void keep(Prepared<R> p, DetectionWriter<R> writer) {
        Triage.Footprint footprint = p.footprint();
        Envelope box = footprint.envelope();
        // one search box for both: the batch's earlier detections and the known sites
        Envelope search = new Envelope(box);
        search.expandBy(ctx.triage().searchMarginDegrees());
        Triage triage = ctx.triage();
        if (kept.anyNear(search, (minX, maxX, minY, maxY, area) -> triage.maySameFeature(footprint, minX, maxX, minY,
                maxY, area), other -> triage.sameFeature(footprint, other))) {
            merged++;
            return;
        }
        Long earlier = triage.sameAsOpen(footprint, ctx.open().apply(search));
        Triage.Verdict verdict = triage.judge(footprint, p.areaM2(), ctx.candidates().apply(search));
        writer.add(p.row(), verdict);
        kept.add(footprint);
        bounds.expandToInclude(box);
        accepted++;
        repaired += p.repaired() ? 1 : 0;
        if (earlier != null) {
            duplicates.add(new long[] {p.featureIndex(), earlier}); // joins the earlier entry, counted apart
        } else {
            verdicts[verdict.result().ordinal()]++;
        }
    }

    /** The share of the file read so far, as the reading thread last saw it. */
    public OptionalDouble fractionRead() {
        return fraction;
    }

    public long read() {
        return read;
    }

    public long accepted() {
        return accepted;
    }

    public long rejected() {
        return ctx.errors().total();
    }

    public long repaired() {
        return repaired;
    }

    public long merged() {
        return merged;
    }

    public long count(Triage.Result r) {
        return verdicts[r.ordinal()];
    }

    /** The kept detections that duplicate an open one of an earlier batch: (feature index, its id) each. */
    public List<long[]> duplicatePairs() {
        return duplicates;
    }

    public long duplicates() {
        return duplicates.size();
    }

    public Envelope bounds() {
        return bounds.isNull() ? null : bounds;
    }
}
