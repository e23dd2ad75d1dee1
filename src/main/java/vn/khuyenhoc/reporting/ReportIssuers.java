package vn.khuyenhoc.reporting;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.locality.LocalityView;

/**
 * The issuing defaults of each kind of report per locality, as the office last set them (the built-in ones until
 * then); a change is audited in its transaction. The module's only table: reports themselves are never stored.
 */
@Component
class ReportIssuers {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ReportIssuers(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The defaults of a kind for a locality: the remembered ones, or the built-in ones. */
    @Transactional(readOnly = true)
    ReportIssuer defaults(ReportKind kind, LocalityView locality) {
        return remembered(kind, locality).orElseGet(() -> ReportIssuer.defaults(kind, locality));
    }

    /** Remembers the issuer as the defaults of the kind for the locality; the same values again change nothing. */
    @Transactional
    ReportIssuer remember(ReportKind kind, LocalityView locality, ReportIssuer issuer) {
        Optional<ReportIssuer> before = remembered(kind, locality);
        if (before.isPresent() && before.get().equals(issuer)) {
            return issuer;
        }
        jdbc.sql("""
                        insert into report_issuers (kind, locality_id, issuing_body, superior_body, place, signer_title,
                                                    signer_name, recipients)
                        values (:kind, :locality, :issuing, :superior, :place, :title, :signer, :recipients)
                        on conflict (kind, locality_id) do update set
                            issuing_body = excluded.issuing_body, superior_body = excluded.superior_body,
                            place = excluded.place, signer_title = excluded.signer_title,
                            signer_name = excluded.signer_name, recipients = excluded.recipients,
                            version = report_issuers.version + 1, updated_at = now()
                        """)
                .param("kind", kind.code())
                .param("locality", locality.id())
                .param("issuing", issuer.issuingBody())
                .param("superior", issuer.superiorBody())
                .param("place", issuer.place())
                .param("title", issuer.signerTitle())
                .param("signer", issuer.signerName())
                .param("recipients", issuer.recipients().toArray(String[]::new))
                .update();
        audit.recordChange(
                before.isPresent() ? "UPDATE" : "CREATE",
                "report_issuer",
                kind.code() + "@" + locality.code(),
                before.orElse(null),
                issuer,
                locality.path());
        return issuer;
    }

    private Optional<ReportIssuer> remembered(ReportKind kind, LocalityView locality) {
        return jdbc.sql("""
                        select issuing_body, superior_body, place, signer_title, signer_name, recipients
                        from report_issuers where kind = :kind and locality_id = :locality
                        """)
                .param("kind", kind.code())
                .param("locality", locality.id())
                .query((rs, n) -> new ReportIssuer(
                        rs.getString("issuing_body"),
                        rs.getString("superior_body"),
                        rs.getString("place"),
                        rs.getString("signer_title"),
                        rs.getString("signer_name"),
                        strings(rs.getArray("recipients"))))
                .optional();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
