package vn.khuyenhoc.field;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queued changes already applied, by account and client id: a phone that lost the answer sends the change again
 * and gets the first answer back instead of a second household.
 */
@Component
class FieldSubmissions {

    enum Kind {
        FAMILY_CREATE,
        FAMILY_UPDATE,
        REGISTER,
        SELF_ASSESSMENT,
        EVIDENCE
    }

    private final JdbcClient jdbc;

    FieldSubmissions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A change applied before: its stored answer and what the change was. */
    record Applied(
            String result,
            @org.jspecify.annotations.Nullable String fingerprint) {}

    /** The stored answer of a change applied before, locking nothing: the primary key refuses a concurrent twin. */
    Optional<Applied> applied(long accountId, UUID clientId) {
        return jdbc.sql("select result::text as result, fingerprint from field_submissions"
                        + " where account_id = :account and client_id = :id")
                .param("account", accountId)
                .param("id", clientId)
                .query(Applied.class)
                .optional();
    }

    void remember(long accountId, UUID clientId, Kind kind, String fingerprint, String resultJson) {
        jdbc.sql("""
                        insert into field_submissions (account_id, client_id, kind, fingerprint, result)
                        values (:account, :id, :kind, :fingerprint, cast(:result as jsonb))
                        """)
                .param("account", accountId)
                .param("id", clientId)
                .param("kind", kind.name())
                .param("fingerprint", fingerprint)
                .param("result", resultJson)
                .update();
    }
}
