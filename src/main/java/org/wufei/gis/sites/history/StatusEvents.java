package org.wufei.gis.sites.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.wufei.gis.sites.Sites;

/** The append-only history in {@code status_event}, through plain JDBC: it offers no update and no delete. */
@Repository
public class StatusEvents {
    private final JdbcClient jdbc;

    StatusEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public StatusEvent save(StatusEvent e) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO status_event (site_id, event_type, from_status, to_status, field, old_value, new_value,"
                + " actor, at, note, evidence, rectification_mode, deadline, client_ip, public_note) VALUES (?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.getSiteId(), e.getType().name(), e.getFromStatus(), e.getToStatus(), e.getField(),
                        e.getOldValue(), e.getNewValue(), e.getActor(), Sites.time(e.getAt()), e.getNote(),
                        e.evidenceJson(), e.getRectificationMode(), e.getDeadline(), e.getClientIp(),
                        e.getPublicNote())
                .update(keys, "id");
        e.stored(keys.getKey().longValue());
        return e;
    }

    public List<StatusEvent> saveAll(Iterable<StatusEvent> events) {
        List<StatusEvent> out = new ArrayList<>();
        events.forEach(e -> out.add(save(e)));
        return out;
    }

    public List<StatusEvent> findBySiteIdOrderByAtAscIdAsc(long siteId) {
        return jdbc.sql("SELECT * FROM status_event WHERE site_id = ? ORDER BY at, id").param(siteId)
                .query(StatusEvents::event).list();
    }

    public long countBySiteId(long siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM status_event WHERE site_id = ?").param(siteId).query(Long.class)
                .single();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM status_event").query(Long.class).single();
    }

    private static StatusEvent event(ResultSet rs, int row) throws SQLException {
        return StatusEvent.stored(rs.getLong("id"), rs.getLong("site_id"),
                StatusEvent.Type.valueOf(rs.getString("event_type")), rs.getString("from_status"),
                rs.getString("to_status"), rs.getString("field"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("actor"), Sites.instant(rs, "at"), rs.getString("note"),
                rs.getString("evidence"), rs.getString("rectification_mode"),
                rs.getObject("deadline", LocalDate.class), rs.getString("client_ip"), rs.getString("public_note"));
    }
}
