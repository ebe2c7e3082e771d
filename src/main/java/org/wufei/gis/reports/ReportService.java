package org.wufei.gis.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wufei.gis.common.ApiException;
import org.wufei.gis.common.District;
import org.wufei.gis.detections.ReportedDetections;
import org.wufei.gis.inspections.PhotoChecker;

/**
 * Takes a public report in: checks every field before writing anything, re-encodes the photo (dropping its EXIF and
 * whatever else came with it), stores the report and its detection in one transaction, and answers the tracking
 * code. Tells a reporter what became of the report, and nothing else.
 */
@Service
class ReportService {
    static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{5,20}");
    /** Control characters but tab and line breaks: nothing a person types into a text box. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private final PublicReports reports;
    private final ReportedDetections detections;
    private final ReportPhotos photos;
    private final PhotoChecker checker;
    private final District district;
    private final ReportsProperties props;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportService(PublicReports reports, ReportedDetections detections, ReportPhotos photos, PhotoChecker checker,
            District district, ReportsProperties props, PlatformTransactionManager tm, Clock clock) {
        this.reports = reports;
        this.detections = detections;
        this.photos = photos;
        this.checker = checker;
        this.district = district;
        this.props = props;
        this.tx = new TransactionTemplate(tm);
        this.clock = clock;
    }

    /** What the form sent; {@code photo} may be null. */
    record Submission(Double lon, Double lat, String description, String phone, String photoName, byte[] photo) {
    }

    /** What a reporter sees under the tracking code: public data only. */
    record PublicStatus(String trackingCode, LocalDate receivedOn, String status, String siteStatus) {
        static final String RECEIVED = "received";
        static final String CONFIRMED = "confirmed";
        static final String CLOSED = "closed";
    }

    String submit(Submission s) {
        Point where = location(s.lon(), s.lat());
        String description = description(s.description());
        String phone = phone(s.phone());
        byte[] jpeg = s.photo() == null ? null : photo(s.photoName(), s.photo());
        String code = TrackingCodes.next();
        Instant now = clock.instant();
        long batch = detections.ensureBatch();
        String photo = jpeg == null ? null : photos.save(code, jpeg);
        try {
            tx.executeWithoutResult(status -> {
                long id = reports.insert(code, now, where, description, phone, photo);
                reports.linkDetection(id, detections.add(batch, id, code, where, description, now));
            });
        } catch (RuntimeException e) {
            if (photo != null) {
                photos.deleteQuietly(photo);
            }
            throw e;
        }
        return code;
    }

    Optional<PublicStatus> status(String code) {
        if (!TrackingCodes.wellFormed(code)) {
            return Optional.empty();
        }
        return reports.byCode(code).map(r -> {
            LocalDate on = LocalDate.ofInstant(r.receivedAt(), DISTRICT_TIME);
            var outcome = r.detectionId() == null ? Optional.<ReportedDetections.Outcome>empty()
                    : detections.outcome(r.detectionId());
            if (outcome.isEmpty()) {
                return new PublicStatus(r.trackingCode(), on, PublicStatus.CLOSED, null);
            }
            if (outcome.get().promotedSiteId() == null) {
                return new PublicStatus(r.trackingCode(), on, PublicStatus.RECEIVED, null);
            }
            return new PublicStatus(r.trackingCode(), on, PublicStatus.CONFIRMED, outcome.get().siteStatus());
        });
    }

    Optional<byte[]> photo(String code) {
        return TrackingCodes.wellFormed(code) ? reports.byCode(code).map(PublicReports.ReportRow::photo)
                .flatMap(photos::read) : Optional.empty();
    }

    private Point location(Double lon, Double lat) {
        if (lon == null || lat == null) {
            throw ApiException.badRequest("parameter_missing", lon == null ? "lon" : "lat", lon == null ? "lon" : "lat");
        }
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || !district.envelope().contains(lon, lat)) {
            throw ApiException.unprocessable("report_outside_district", "location", district.name(),
                    district.nameEn());
        }
        return WGS84.createPoint(new Coordinate(lon, lat));
    }

    private String description(String text) {
        String clean = text == null ? "" : CONTROL.matcher(text).replaceAll("").strip();
        if (clean.isEmpty()) {
            throw ApiException.badRequest("parameter_missing", "description", "description");
        }
        if (clean.codePointCount(0, clean.length()) > props.maxDescription()) {
            throw ApiException.unprocessable("report_description_too_long", "description", props.maxDescription());
        }
        return clean;
    }

    private static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (!PHONE.matcher(phone.strip()).matches()) {
            throw ApiException.unprocessable("report_phone_invalid", "phone");
        }
        return phone.strip();
    }

    private byte[] photo(String name, byte[] bytes) {
        if (bytes.length > props.maxPhotoBytes()) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE, "photo_too_large", "photo", "photo",
                    props.maxPhotoBytes() / (1024 * 1024));
        }
        return checker.check("photo", bytes).jpeg();
    }
}
