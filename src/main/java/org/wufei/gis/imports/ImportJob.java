package org.wufei.gis.imports;

import org.wufei.gis.imports.run.BatchRun;
import org.wufei.gis.imports.run.RunErrors;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.District;
import org.wufei.gis.common.Replica;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.imports.read.FeatureReaders;
import org.wufei.gis.imports.read.FeatureSource;
import org.wufei.gis.imports.read.ImportException;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.detections.DetectionFields;
import org.wufei.gis.detections.DetectionWriter;
import org.wufei.gis.detections.DetectionWriters;
import org.wufei.gis.detections.DetectionsChanged;
import org.wufei.gis.detections.OpenDetections;
import org.wufei.gis.imports.normalise.CrsResolver;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.triage.KnownSites;
import org.wufei.gis.triage.Triage;

/**
 * Runs one queued batch on a worker thread: all its detections and its final totals commit in one transaction, or
 * none do. Progress is written in short transactions of its own so it shows while the batch runs; a crash leaves
 * only a "running" row, which {@link ImportRecovery} marks failed (at the next start, or by another replica once
 * the lease ran out).
 */
@Component
class ImportJob {
    private static final Logger log = LoggerFactory.getLogger(ImportJob.class);

    private final ImportBatches batches;
    private final DetectionWriters writers;
    private final KnownSites knownSites;
    private final OpenDetections openDetections;
    private final ImportsProperties props;
    private final FeatureNormaliser normaliser;
    private final DetectionFields fields;
    private final Triage triage;
    private final TransactionTemplate batchTx;
    private final TransactionTemplate shortTx;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final District district;
    private final BatchCompletions completions;
    private final Replica replica;
    private final BatchMedia media;

    ImportJob(ImportBatches batches, DetectionWriters writers, KnownSites knownSites, OpenDetections openDetections,
            ImportsProperties props,
            CrsRegistry crs, MetricCrs metric, District district, PlatformTransactionManager tm,
            ApplicationEventPublisher events, Clock clock, BatchCompletions completions, Replica replica,
            BatchMedia media) {
        this.batches = batches;
        this.writers = writers;
        this.knownSites = knownSites;
        this.openDetections = openDetections;
        this.props = props;
        this.normaliser = new FeatureNormaliser(crs, metric, new DistrictCheck(district, props.marginMetres()));
        this.fields = new DetectionFields(props.aliases());
        this.triage = new Triage(props.triage(), metric);
        this.batchTx = new TransactionTemplate(tm);
        this.shortTx = new TransactionTemplate(tm);
        this.shortTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
        this.district = district;
        this.completions = completions;
        this.replica = replica;
        this.media = media;
    }

    ReadOptions readOptions(String encoding, String layer) {
        return new ReadOptions(encoding == null ? null : Charset.forName(encoding), layer,
                props.limits().toImportLimits());
    }

    /**
     * Runs a batch; {@code claimed} says this replica already claimed it, otherwise it is claimed here first and left
     * alone when another replica or thread has it.
     */
    void run(long batchId, Path file, String encoding, String layer, boolean claimed) {
        try {
            runOnce(batchId, file, encoding, layer, claimed);
        } finally {
            completions.ended(batchId); // runOnce committed the final state, or the batch was not its to run
        }
    }

    private void runOnce(long batchId, Path file, String encoding, String layer, boolean claimed) {
        var batch = batches.find(batchId).orElse(null);
        if (batch == null || !claimed && !Boolean.TRUE.equals(
                shortTx.execute(s -> batches.claim(batchId, replica.name(), clock.instant())))) {
            return;
        }
        RunErrors errors = new RunErrors(props.maxStoredErrors());
        try (FeatureSource source = FeatureReaders.open(file, readOptions(encoding, layer))) {
            OptionalLong count = source.estimatedCount();
            Long total = count.isPresent() ? count.getAsLong() : null;
            shortTx.executeWithoutResult(s -> batches.total(batchId, total));
            CrsResolver crs = new CrsResolver(source, batch.requestedCrs());
            var candidates = ahead(() -> knownSites.forBatch(
                    props.triage().kindsBySource().getOrDefault(batch.source(), List.of()),
                    district.envelopeWithMargin(), props.triage().preloadMaxSites()));
            var open = ahead(() -> openDetections.forBatch(district.envelopeWithMargin(),
                    props.triage().preloadMaxSites()));
            BatchRun run = new BatchRun(new BatchRun.Context(batch.source(), batch.acquired(), normaliser, fields, triage, candidates, open,
                    errors, props.progressEvery()), crs);
            boolean committed = Boolean.TRUE.equals(batchTx.execute(status -> {
                try (DetectionWriter<?> writer = writers.open(batchId, size(file) > props.ownPartitionAboveBytes())) {
                    run.run(source, writer, new BatchProgress(batchId, total, run, batches, shortTx));
                    boolean refused = batch.strict() && run.rejected() > 0;
                    if (refused) {
                        status.setRollbackOnly();
                        return false;
                    }
                    writer.complete();
                }
                openDetections.record(batchId, run.duplicatePairs());
                media.keep(batchId, source.media());
                batches.finish(batchId, outcome(run, errors, crs, source, true), clock.instant());
                return true;
            }));
            if (committed) {
                deleteQuietly(file);
                deleteQuietly(file.getParent());
                events.publishEvent(new DetectionsChanged(batchId, DetectionsChanged.COMMITTED, run.bounds()));
            } else {
                shortTx.executeWithoutResult(s -> batches.finish(batchId, refusedOutcome(run, errors, crs, source),
                        clock.instant()));
            }
        } catch (ImportException e) {
            errors.add(e, null);
            failed(batchId, errors);
        } catch (RuntimeException e) {
            log.error("Import batch {} failed unexpectedly", batchId, e);
            errors.add(ImportException.keyed("import_failed", null, "import.failed"), null);
            failed(batchId, errors);
        }
    }

    /**
     * Triage candidates (the known sites of the batch's kinds, the queue's open detections), read on another thread
     * while the batch opens its COPY and starts reading (the read-ahead fills meanwhile); the first detection judged
     * waits for them.
     */
    private static Function<Envelope, List<Triage.KnownSite>> ahead(
            Supplier<Function<Envelope, List<Triage.KnownSite>>> load) {
        CompletableFuture<Function<Envelope, List<Triage.KnownSite>>> loading = CompletableFuture.supplyAsync(
                load, r -> {
                            Thread t = new Thread(r, "import-sites");
                            t.setDaemon(true);
                            t.start();
                        });
        return e -> {
            try {
                return loading.join().apply(e);
            } catch (CompletionException ex) {
                throw ex.getCause() instanceof RuntimeException r ? r : ex;
            }
        };
    }

    /** Forgets the files a rolled-back batch brought. */
    void dropMedia(long batchId) {
        media.delete(batchId);
    }

    private void failed(long batchId, RunErrors errors) {
        shortTx.executeWithoutResult(s -> batches.fail(batchId, errors.json(), errors.countsJson(), clock.instant()));
    }

    private static BatchOutcome outcome(BatchRun run, RunErrors errors, CrsResolver crs, FeatureSource source,
            boolean succeeded) {
        return new BatchOutcome(succeeded, run.read(), run.accepted(), run.rejected(), run.repaired(), run.merged(),
                run.count(Triage.Result.NEW), run.count(Triage.Result.KNOWN), run.count(Triage.Result.CHANGED),
                run.duplicates(),
                errors.json(), errors.countsJson(),
                source.warnings().isEmpty() ? null : RunErrors.json(source.warnings()), crs.describe(),
                crs.detectedBy());
    }

    /** strict=true and some feature was refused: nothing is kept, the errors say why. */
    private static BatchOutcome refusedOutcome(BatchRun run, RunErrors errors, CrsResolver crs, FeatureSource source) {
        BatchOutcome o = outcome(run, errors, crs, source, false);
        Map<String, Long> counts = RunErrors.readCounts(o.errorCountsJson());
        return new BatchOutcome(false, o.total(), 0, o.rejected(), 0, 0, 0, 0, 0, 0, o.errorsJson(),
                RunErrors.json(counts), o.warningsJson(), o.crsUsed(), o.crsDetectedBy());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }
}
