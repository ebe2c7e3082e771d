package org.wufei.gis.imports.register;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.Actor;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.common.DomainException;
import org.wufei.gis.common.Labels;
import org.wufei.gis.common.Replica;
import org.wufei.gis.common.Role;
import org.wufei.gis.common.Texts;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.imports.ImportsProperties;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.sites.RegisterImports;

/**
 * Register imports (清单入库): proposes a column mapping, then loads a register file as sites in one transaction,
 * all rows or none; the same file (and kind) again answers the earlier import and changes nothing; a rollback takes
 * the sites it created out of the register again.
 */
@Service
class RegisterImportService {

    /** What the user confirms before running: the columns, the proposed mapping, the statuses found. */
    record Proposal(String kind, List<String> columns, Map<String, String> mapping, List<String> targets,
            Map<String, String> statuses, List<String> states, List<Map<String, Object>> sample) {
    }

    /** A refused file: every row's reason. */
    static final class Refused extends RuntimeException {
        final transient List<RegisterFile.RowError> errors;

        Refused(List<RegisterFile.RowError> errors) {
            super("register import refused", null, false, false);
            this.errors = errors;
        }
    }

    private final RegisterImports sites;
    private final RegisterBatches batches;
    private final Labels labels;
    private final ImportsProperties props;
    private final FeatureNormaliser normaliser;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Replica replica;
    private final Path keptDir;

    RegisterImportService(RegisterImports sites, RegisterBatches batches, Labels labels, ImportsProperties props,
            CrsRegistry crs, MetricCrs metric, District district, PlatformTransactionManager tm, Clock clock,
            Replica replica) {
        this.replica = replica;
        this.keptDir = props.workDir().resolve("register").resolve("kept");
        this.sites = sites;
        this.batches = batches;
        this.labels = labels;
        this.props = props;
        this.normaliser = new FeatureNormaliser(crs, metric, new DistrictCheck(district, props.marginMetres()));
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
    }

    static void requireAdmin(Actor actor) {
        if (!actor.hasAnyRole(List.of(Role.ADMIN))) {
            throw DomainException.forbidden("role_forbidden", null);
        }
    }

    Proposal propose(Path file, String kind, String encoding) {
        var schema = sites.schema(kind);
        var states = List.copyOf(sites.states(kind));
        RegisterFile.Read read = RegisterFile.columns(file, options(encoding), 5);
        Map<String, String> mapping = ColumnMapping.propose(read.columns(), schema, labels);
        CellValues cells = new CellValues(kind, schema, sites.states(kind), Map.of(), labels);
        Map<String, String> statuses = new LinkedHashMap<>();
        mapping.entrySet().stream().filter(m -> m.getValue().equals("status")).findFirst()
                .ifPresent(m -> RegisterFile.columns(file, options(encoding), Integer.MAX_VALUE).sample()
                        .forEach(row -> {
                            String value = CellValues.text(row.get(m.getKey()));
                            if (value != null && !statuses.containsKey(value)) {
                                statuses.put(value, statusOrNull(cells, value));
                            }
                        }));
        return new Proposal(kind, read.columns(), mapping, List.copyOf(ColumnMapping.targets(schema)), statuses,
                states, read.sample());
    }

    /**
     * How a submitted file was answered: written now (201), imported before (200), queued now for the job (202),
     * or already queued or running (202).
     */
    enum Answer { CREATED, DONE_BEFORE, QUEUED, ACCEPTED }

    record Submitted(RegisterBatches.Batch batch, Answer answer) {
    }

    /**
     * Takes a register file: the same file (and kind) again answers the import that holds it and changes nothing; a
     * failed one is run again with this request. {@code async}: queued for {@link RegisterImportJob} and answered at
     * once; otherwise read, checked and written while the caller waits (a refusal keeps nothing).
     */
    Submitted submit(Path upload, String sha, String fileName, RegisterRequest r, Actor actor, boolean async) {
        requireAdmin(actor);
        sites.schema(r.kind()); // kind_unknown before anything else
        Optional<RegisterBatches.Batch> earlier = batches.findLive(sha, r.kind());
        if (earlier.isPresent() && !earlier.get().state().equals("failed")) {
            return new Submitted(earlier.get(), earlier.get().ended() ? Answer.DONE_BEFORE : Answer.ACCEPTED);
        }
        RegisterBatches.Stored stored = r.stored();
        if (async) {
            // a failed import is run again under its first name: the job finds the file by that name
            keep(upload, keptFile(sha, earlier.map(RegisterBatches.Batch::fileName).orElse(fileName)));
            long id = earlier.map(b -> {
                batches.requeue(b.id(), stored, replica.name(), clock.instant());
                return b.id();
            }).orElseGet(() -> batches.insert(sha, fileName, r.kind(), stored, "queued", actor.username(),
                    replica.name(), clock.instant()));
            return new Submitted(batches.find(id).orElseThrow(), Answer.QUEUED);
        }
        RegisterFile.Read read = check(upload, fileName, r, RegisterFile.Progress.NONE);
        if (!read.errors().isEmpty()) {
            earlier.ifPresent(b -> failed(b.id(), read.errors()));
            throw new Refused(read.errors());
        }
        long id = tx.execute(s -> {
            long batch = earlier.map(b -> {
                batches.requeue(b.id(), stored, null, clock.instant());
                return b.id();
            }).orElseGet(() -> batches.insert(sha, fileName, r.kind(), stored, "running", actor.username(), null,
                    clock.instant()));
            write(batch, r, read.rows(), actor, RegisterFile.Progress.NONE);
            return batch;
        });
        earlier.ifPresent(b -> forget(keptFile(sha, b.fileName()))); // a failed queued run's file
        return new Submitted(batches.find(id).orElseThrow(), Answer.CREATED);
    }

    /** Where a queued import's file waits for its run (and stays, for a retry, until the import succeeds). */
    Path keptFile(String sha, String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).replaceAll("[^A-Za-z0-9]", "");
        return keptDir.resolve(sha + (ext.isEmpty() ? ".upload" : "." + ext));
    }

    private static void keep(Path upload, Path kept) {
        try {
            Files.createDirectories(kept.getParent());
            Files.move(upload, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every row read and checked against the kind; nothing is written. */
    RegisterFile.Read check(Path file, String fileName, RegisterRequest r, RegisterFile.Progress progress) {
        CellValues cells = new CellValues(r.kind(), sites.schema(r.kind()), sites.states(r.kind()), r.statuses(),
                labels);
        return RegisterFile.read(file, fileName, options(r.encoding()), r.crs(), normaliser, r.kind(), r.mapping(),
                cells, sites, progress);
    }

    /** Writes checked rows in one transaction and marks the import succeeded; a refused row refuses them all. */
    void writeAll(long id, RegisterRequest r, List<RegisterFile.Row> rows, Actor actor,
            RegisterFile.Progress progress) {
        tx.executeWithoutResult(s -> write(id, r, rows, actor, progress));
    }

    /** Stores the reasons of a refused file on its import (their texts in both languages). */
    void failed(long id, List<RegisterFile.RowError> errors) {
        batches.failed(id, errorsJson(errors), errors.size(), clock.instant());
    }

    /** Row errors as stored, at most {@code max-stored-errors} of them. */
    String errorsJson(List<RegisterFile.RowError> errors) {
        return RegisterFile.RowError.json(errors, props.maxStoredErrors());
    }

    /** Queues a failed import again, from its kept file and with its request. */
    void retry(long id) {
        RegisterBatches.Batch b = batches.find(id).orElseThrow(() -> ApiException.notFound("register_import", id));
        if (!b.state().equals("failed")) {
            throw new ApiException(HttpStatus.CONFLICT, "import_not_failed", null, id, b.state());
        }
        if (!Files.isRegularFile(keptFile(b.sha256(), b.fileName()))) {
            throw new ApiException(HttpStatus.CONFLICT, "import_file_gone", null, id);
        }
        batches.requeue(id, new RegisterBatches.Stored(b.mappingJson(), b.statusesJson(), b.update(), b.crs(),
                b.encoding()), replica.name(), clock.instant());
    }

    private void write(long id, RegisterRequest r, List<RegisterFile.Row> rows, Actor actor,
            RegisterFile.Progress progress) {
        long created = 0;
        long updated = 0;
        long existing = 0;
        List<RegisterBatches.SiteRow> done = new ArrayList<>();
        List<RegisterFile.RowError> errors = new ArrayList<>();
        for (RegisterFile.Row row : rows) {
            try {
                var found = sites.existing(row.site());
                if (found.isPresent() && r.update()) {
                    done.add(new RegisterBatches.SiteRow(row.row(), sites.update(found.get(), row.site(), actor)
                            .getId(), "updated"));
                    updated++;
                } else if (found.isPresent()) {
                    done.add(new RegisterBatches.SiteRow(row.row(), found.get().id(), "existing"));
                    existing++;
                } else {
                    done.add(new RegisterBatches.SiteRow(row.row(), sites.create(row.site(), actor).getId(),
                            "created"));
                    created++;
                }
            } catch (DomainException e) {
                errors.add(RegisterFile.RowError.of(row.row(), null, e.field(), e.code(), e.args()));
            }
            progress.at(0.5 + 0.5 * done.size() / rows.size(), rows.size());
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors); // rolls the transaction back: nothing of the file is kept
        }
        // the import's own rows last: progress is written meanwhile by other transactions to the import's row
        done.forEach(d -> batches.site(id, d.row(), d.siteId(), d.action()));
        batches.succeeded(id, rows.size(), created, updated, existing, clock.instant());
    }

    /**
     * Takes the sites the import created out of the register (their history keeps both steps) and frees their codes
     * and the file: the same file may be imported again.
     */
    void rollback(long id, Actor actor) {
        requireAdmin(actor);
        RegisterBatches.Batch b = batches.find(id).orElseThrow(() -> ApiException.notFound("register_import", id));
        if (b.state().equals("rolled_back")) {
            return;
        }
        if (!b.ended()) {
            throw new ApiException(HttpStatus.CONFLICT, "import_running", null, id);
        }
        tx.executeWithoutResult(s -> {
            String note = Texts.zh("import.register_rolled_back", id, b.fileName()) + " "
                    + Texts.en("import.register_rolled_back", id, b.fileName());
            for (RegisterBatches.SiteRow row : batches.sites(id)) {
                if (row.action().equals("created")) {
                    sites.withdraw(row.siteId(), note.length() > 1000 ? note.substring(0, 1000) : note, actor);
                }
            }
            batches.rolledBack(id, clock.instant());
        });
        forget(keptFile(b.sha256(), b.fileName()));
    }

    /** Deletes a kept file that no run needs any more. */
    static void forget(Path kept) {
        try {
            Files.deleteIfExists(kept);
        } catch (IOException e) {
            // a file the next import of the same content replaces
        }
    }

    private ReadOptions options(String encoding) {
        return new ReadOptions(encoding == null ? null : Charset.forName(encoding), null,
                props.limits().toImportLimits());
    }

    private static String statusOrNull(CellValues cells, String value) {
        try {
            return cells.status(value);
        } catch (CellValues.CellRefused e) {
            return null;
        }
    }
}
