package org.wufei.gis.common;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What an anonymous reader (public read on) may see beyond a site's status, kind, township, code, name, area and
 * geometry: per kind, which typed attributes are public and whether inspection photos (re-encoded, without EXIF)
 * are; and whether the detections collection is. Actors, client addresses, evidence files, inspection positions and
 * import batches are never public.
 *
 * @param detections whether anonymous readers see the detections collection and its tiles
 * @param kinds per kind id: the public attributes and whether its photos are public
 */
@ConfigurationProperties("gis.public")
public record PublicProjection(boolean detections, Map<String, KindPolicy> kinds) {

    public PublicProjection {
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
    }

    /**
     * One kind's public fields, and for the disclosure page (信息公开) which statuses mean signed off (已销号) and
     * which mean open (confirmed, not yet signed off).
     */
    public record KindPolicy(List<String> attributes, boolean photos, List<String> signedOff, List<String> open) {
        public KindPolicy {
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
            signedOff = signedOff == null ? List.of() : List.copyOf(signedOff);
            open = open == null ? List.of() : List.copyOf(open);
        }
    }

    /** The public attribute names of a kind (none when the kind is not configured). */
    public Set<String> attributes(String kindId) {
        KindPolicy p = kinds.get(kindId);
        return p == null ? Set.of() : Set.copyOf(p.attributes());
    }

    public boolean photos(String kindId) {
        KindPolicy p = kinds.get(kindId);
        return p != null && p.photos();
    }
}
