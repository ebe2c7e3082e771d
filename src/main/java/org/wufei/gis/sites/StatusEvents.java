package org.wufei.gis.sites;

import java.util.List;
import org.springframework.data.repository.Repository;

/** The append-only history; this repository offers no update and no delete. */
public interface StatusEvents extends Repository<StatusEvent, Long> {

    StatusEvent save(StatusEvent event);

    <S extends StatusEvent> List<S> saveAll(Iterable<S> events);

    List<StatusEvent> findBySiteIdOrderByAtAscIdAsc(Long siteId);

    long countBySiteId(Long siteId);

    long count();
}
