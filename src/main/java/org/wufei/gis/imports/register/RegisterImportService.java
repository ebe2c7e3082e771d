package org.wufei.gis.imports.register;

import org.wufei.gis.common.Texts;
import java.nio.charset.Charset;
import java.nio.file.Path;
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
import org.wufei.gis.common.Role;
import org.wufei.gis.crs.CrsRegistry;
import org.wufei.gis.crs.MetricCrs;
import org.wufei.gis.imports.ImportsProperties;
import org.wufei.gis.imports.normalise.DistrictCheck;
import org.wufei.gis.imports.normalise.FeatureNormaliser;
import org.wufei.gis.imports.read.ReadOptions;
import org.wufei.gis.sites.RegisterImports;
import tools.jackson.databind.json.JsonMapper;

/**
 * Register imports (清单入库): proposes a column mapping, then loads a register file as sites in one transaction,
 * all rows or none; the same file (and kind) again answers the earlier import and changes nothing; a rollback takes
 * the sites it created out of the register again.
 */
@Service
class RegisterImportService {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the user confirms before running: the columns, the proposed mapping, the statuses found. */
    record Proposal(String kind, List<String> columns, Map<String, String> mapping, List<String> targets,
            Map<String, String> statuses, List<String> states, List<Map<String, Object>> sample) {
    }

    /** A run's request: the kind, the confirmed mapping (column → field), status values, whether to update. */
    record Request(String kind, Map<String, String> mapping, Map<String, String> statuses, boolean update,
            String crs, String encoding) {
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

    RegisterImportService(RegisterImports sites, RegisterBatches batches, Labels labels, ImportsProperties props,
            CrsRegistry crs, MetricCrs metric, District district, PlatformTransactionManager tm, Clock clock) {
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

    /** Runs the import; the batch and whether this call made it (false: the same file was imported before). */
    Map.Entry<RegisterBatches.Batch, Boolean> run(Path file, String sha, String fileName, Request r, Actor actor) {
        requireAdmin(actor);
        sites.schema(r.kind()); // kind_unknown before anything else
        Optional<RegisterBatches.Batch> earlier = batches.findBySha(sha, r.kind());
        if (earlier.isPresent()) {
            if (earlier.get().state().equals("rolled_back")) {
                throw new ApiException(HttpStatus.CONFLICT, "register_import_rolled_back", null, earlier.get().id());
            }
            return Map.entry(earlier.get(), false);
        }
        CellValues cells = new CellValues(r.kind(), sites.schema(r.kind()), sites.states(r.kind()), r.statuses(),
                labels);
        RegisterFile.Read read = RegisterFile.read(file, fileName, options(r.encoding()), r.crs(), normaliser,
                r.kind(), r.mapping(), cells, sites);
        if (!read.errors().isEmpty()) {
            throw new Refused(read.errors());
        }
        long id = tx.execute(s -> write(sha, fileName, r, read.rows(), actor));
        return Map.entry(batches.find(id).orElseThrow(), true);
    }

    private long write(String sha, String fileName, Request r, List<RegisterFile.Row> rows, Actor actor) {
        long id = batches.insert(sha, fileName, r.kind(), JSON.writeValueAsString(r.mapping()), actor.username(),
                clock.instant());
        long created = 0;
        long updated = 0;
        long existing = 0;
        List<RegisterFile.RowError> errors = new ArrayList<>();
        for (RegisterFile.Row row : rows) {
            try {
                var found = sites.existing(row.site());
                if (found.isPresent() && r.update()) {
                    batches.site(id, row.row(), sites.update(found.get(), row.site(), actor).getId(), "updated");
                    updated++;
                } else if (found.isPresent()) {
                    batches.site(id, row.row(), found.get().id(), "existing");
                    existing++;
                } else {
                    batches.site(id, row.row(), sites.create(row.site(), actor).getId(), "created");
                    created++;
                }
            } catch (DomainException e) {
                errors.add(RegisterFile.RowError.of(row.row(), null, e.field(), e.code(), e.args()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Refused(errors); // rolls the transaction back: nothing of the file is kept
        }
        batches.totals(id, rows.size(), created, updated, existing);
        return id;
    }

    /** Takes the sites the import created out of the register (their history keeps both steps). */
    void rollback(long id, Actor actor) {
        requireAdmin(actor);
        RegisterBatches.Batch b = batches.find(id).orElseThrow(() -> ApiException.notFound("register_import", id));
        if (b.state().equals("rolled_back")) {
            return;
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
