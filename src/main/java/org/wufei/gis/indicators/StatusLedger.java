package org.wufei.gis.indicators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wufei.gis.indicators.SiteStates.Cell;

/**
 * The register's history as day-by-day changes of the number of sites, their area and how many are overdue, per
 * (township, kind, status); running sums give the tally at the end of any day. Kept in the database
 * ({@link LedgerTable}) and read whole into memory for a monthly series, whose every month it answers without
 * replaying the history again.
 */
final class StatusLedger {

    /** One change: on {@code day} (days since 1970-01-01, district time) the cell gains these amounts. */
    record Row(String township, String kind, String status, long day, long sites, double area, long overdue) {
        /** This row's cell and day, without amounts. */
        Row key() {
            return new Row(township, kind, status, day, 0, 0, 0);
        }

        Row plus(Row other) {
            return new Row(township, kind, status, day, sites + other.sites, area + other.area,
                    overdue + other.overdue);
        }

        boolean isZero() {
            return sites == 0 && overdue == 0 && Math.abs(area) < 1e-6;
        }
    }

    /**
     * {@code sites} sites (of {@code area} m² together) of one township and kind left status {@code from} (null: they
     * were created) for {@code to} (null: deleted) on {@code day}; {@code due} is the first day they are overdue
     * (the day after their deadline; null without one).
     */
    record Move(String township, String kind, String from, String to, long day, Long due, long sites, double area) {
    }

    /**
     * A site is overdue in a cell from the later of the day it entered and its due day until the later of the day
     * it left and its due day (nothing when it left before falling due).
     */
    static List<Row> rows(Iterable<Move> moves) {
        List<Row> rows = new ArrayList<>();
        for (Move m : moves) {
            long overdueDay = m.due() == null ? 0 : Math.max(m.day(), m.due());
            if (m.to() != null) {
                rows.add(new Row(m.township(), m.kind(), m.to(), m.day(), m.sites(), m.area(), 0));
                if (m.due() != null) {
                    rows.add(new Row(m.township(), m.kind(), m.to(), overdueDay, 0, 0, m.sites()));
                }
            }
            if (m.from() != null) {
                rows.add(new Row(m.township(), m.kind(), m.from(), m.day(), -m.sites(), -m.area(), 0));
                if (m.due() != null) {
                    rows.add(new Row(m.township(), m.kind(), m.from(), overdueDay, 0, 0, -m.sites()));
                }
            }
        }
        return rows;
    }

    private record Key(String township, String kind, String status) {
    }

    /** Running sums after each day of change, days ascending. */
    private record Running(long[] days, long[] sites, double[] area, long[] overdue) {
    }

    private final Map<Key, Running> cells = new HashMap<>();

    /** {@code rows} in any order; days of one cell may repeat. */
    static StatusLedger of(List<Row> rows) {
        return new StatusLedger(rows);
    }

    private StatusLedger(List<Row> rows) {
        Map<Key, List<Row>> byKey = new HashMap<>();
        for (Row r : rows) {
            byKey.computeIfAbsent(new Key(r.township(), r.kind(), r.status()), k -> new ArrayList<>()).add(r);
        }
        byKey.forEach((key, list) -> {
            list.sort((a, b) -> Long.compare(a.day(), b.day()));
            int n = list.size();
            long[] days = new long[n];
            long[] sites = new long[n];
            double[] area = new double[n];
            long[] overdue = new long[n];
            int k = -1;
            for (Row r : list) {
                if (k < 0 || days[k] != r.day()) {
                    k++;
                    days[k] = r.day();
                    sites[k] = k == 0 ? 0 : sites[k - 1];
                    area[k] = k == 0 ? 0 : area[k - 1];
                    overdue[k] = k == 0 ? 0 : overdue[k - 1];
                }
                sites[k] += r.sites();
                area[k] += r.area();
                overdue[k] += r.overdue();
            }
            int size = k + 1;
            cells.put(key, new Running(Arrays.copyOf(days, size), Arrays.copyOf(sites, size),
                    Arrays.copyOf(area, size), Arrays.copyOf(overdue, size)));
        });
    }

    /** The tally at the end of {@code day} (epoch day, district time), of one township or (null) all. */
    List<Cell> tally(long day, String township) {
        Map<List<String>, double[]> sums = new HashMap<>();
        cells.forEach((key, running) -> {
            if (township != null && !township.equals(key.township())) {
                return;
            }
            int i = Arrays.binarySearch(running.days(), day);
            int at = i >= 0 ? i : -i - 2; // the last day of change at or before day
            if (at < 0 || running.sites()[at] == 0 && running.overdue()[at] == 0) {
                return;
            }
            double[] s = sums.computeIfAbsent(List.of(key.kind(), key.status()), k -> new double[3]);
            s[0] += running.sites()[at];
            s[1] += running.area()[at];
            s[2] += running.overdue()[at];
        });
        List<Cell> out = new ArrayList<>();
        sums.forEach((k, s) -> out.add(new Cell(k.get(0), k.get(1), (long) s[0], s[1], (long) s[2])));
        out.sort(java.util.Comparator.comparing(Cell::kind).thenComparing(Cell::status));
        return out;
    }
}
