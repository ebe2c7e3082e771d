package org.wufei.gis.indicators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes summed ledger rows into {@code indicator_ledger} in JDBC batches (for {@link LedgerTable}). */
final class LedgerRows {
    private static final int BATCH = 5_000;

    private LedgerRows() {
    }

    /** Adds the rows to the table: inserted into an empty one, else added to a row of the same key or inserted. */
    static void write(JdbcTemplate batch, Collection<StatusLedger.Row> all, boolean empty) {
        List<StatusLedger.Row> rows = all.stream().filter(r -> !r.isZero()).toList();
        String insert = "INSERT INTO indicator_ledger (sites, area, overdue, township, kind, status, on_day)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)";
        String update = "UPDATE indicator_ledger SET sites = sites + ?, area = area + ?, overdue = overdue + ?"
                + " WHERE township = ? AND kind = ? AND status = ? AND on_day = ?";
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<StatusLedger.Row> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            List<Object[]> args = chunk.stream().map(LedgerRows::args).toList();
            if (empty) {
                batch.batchUpdate(insert, args);
                continue;
            }
            int[] updated = batch.batchUpdate(update, args);
            List<Object[]> missing = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    missing.add(args.get(i));
                }
            }
            if (!missing.isEmpty()) {
                batch.batchUpdate(insert, missing);
            }
        }
    }

    private static Object[] args(StatusLedger.Row r) {
        return new Object[] {r.sites(), r.area(), r.overdue(), r.township(), r.kind(), r.status(), r.day()};
    }
}
