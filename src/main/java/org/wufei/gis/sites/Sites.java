package org.wufei.gis.sites;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** All managed sites, of every kind. */
public interface Sites extends JpaRepository<Site, Long> {

    Optional<Site> findByCode(String code);

    @Query(value = "SELECT MAX(code) FROM site WHERE code LIKE :prefix", nativeQuery = true)
    String maxCodeLike(String prefix);
}
