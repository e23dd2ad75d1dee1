package vn.khuyenhoc.evaluation;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.ConflictException;
import vn.khuyenhoc.shared.SignedInUser;

/**
 * The province's settings of the recognition cycle ({@code recognition_settings}, one row), changed only by a province
 * administrator bound to the province; today one: separation of duties, on by default.
 */
@Component
class RecognitionSettings {

    static final String ENTITY = "recognition-settings";

    record Settings(boolean separationOfDuties, int version) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RecognitionSettings(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    Settings current() {
        return jdbc.sql("select separation_of_duties, version from recognition_settings where id = 1")
                .query(Settings.class)
                .optional()
                .orElse(new Settings(true, 0));
    }

    boolean separationOfDuties() {
        return current().separationOfDuties();
    }

    /** Switches separation of duties on or off against the version read; audited with the old and new value. */
    @Transactional
    void setSeparationOfDuties(boolean on, int version, SignedInUser user) {
        user.requireProvinceAdministrator();
        Settings before = current();
        int changed = jdbc.sql("""
                        update recognition_settings
                        set separation_of_duties = :on, version = version + 1, updated_at = now(), updated_by = :by
                        where id = 1 and version = :version
                        """)
                .param("on", on)
                .param("by", user.getUsername())
                .param("version", version)
                .update();
        if (changed != 1) {
            throw new ConflictException("Thiết lập vừa được người khác thay đổi. Hãy tải lại trang.");
        }
        audit.recordChange(
                "UPDATE",
                ENTITY,
                "separation-of-duties",
                Map.of("separationOfDuties", before.separationOfDuties()),
                Map.of("separationOfDuties", on),
                user.scopePath());
    }
}
