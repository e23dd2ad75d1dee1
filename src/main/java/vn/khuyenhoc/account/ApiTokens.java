package vn.khuyenhoc.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.audit.AuditTrail;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Sha256;
import vn.khuyenhoc.shared.SignedInUser;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Personal access tokens: an API client sends one as {@code Authorization: Bearer …} and acts with its owner's role
 * and scope. A token is shown once, when it is made; the database keeps only its SHA-256, so checking one costs a hash
 * and an indexed read instead of a BCrypt comparison.
 */
@Service
class ApiTokens {

    static final String PREFIX = "khs_";
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountService accounts;
    private final AuditTrail audit;

    ApiTokens(JdbcClient jdbc, AccountService accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** A token as its owner's list shows it: never the token itself. */
    record Token(
            long id,
            String name,
            String prefix,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {

        public boolean usable(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A token just made: the only answer that carries the token. */
    record Issued(long id, String name, String token, Instant expiresAt) {}

    /** Who a valid token acts for, and which token it was (for the audit trail). */
    record Bearer(SignedInUser user, long tokenId, String tokenName) {}

    @Transactional
    Issued issue(SignedInUser user, @Nullable String name, @Nullable Integer expiresInDays) {
        String clean = VietnameseText.cleanOrEmpty(name);
        if (clean.isEmpty() || clean.length() > 80) {
            throw new InvalidInputException("name", "Tên mã truy cập: 1–80 ký tự, để nhận ra nơi dùng nó.");
        }
        int days = expiresInDays == null ? DEFAULT_DAYS : expiresInDays;
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidInputException(
                    "expiresInDays", "Thời hạn của mã truy cập: từ 1 đến " + MAX_DAYS + " ngày.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = Instant.now().plusSeconds(days * 86_400L);
        long id = jdbc.sql("""
                        insert into api_tokens (account_id, name, token_hash, prefix, expires_at)
                        values (:account, :name, :hash, :prefix, :expires) returning id
                        """)
                .param("account", user.accountId())
                .param("name", clean)
                .param("hash", hash(token))
                .param("prefix", token.substring(0, PREFIX.length() + 6))
                .param("expires", java.sql.Timestamp.from(expiresAt))
                .query(Long.class)
                .single();
        audit.recordChange(
                "CREATE",
                "api-token",
                String.valueOf(id),
                null,
                new Logged(user.username(), clean, expiresAt),
                user.scopePath());
        return new Issued(id, clean, token, expiresAt);
    }

    @Transactional(readOnly = true)
    List<Token> mine(SignedInUser user) {
        return jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, revoked_at, last_used_at
                        from api_tokens where account_id = :account order by created_at desc, id desc
                        """)
                .param("account", user.accountId())
                .query(Token.class)
                .list();
    }

    /** Revokes one of the user's own tokens; someone else's is not found. Revoking twice changes nothing more. */
    @Transactional
    void revoke(SignedInUser user, long id) {
        Token token = jdbc.sql("""
                        select id, name, prefix, created_at, expires_at, revoked_at, last_used_at
                        from api_tokens where id = :id and account_id = :account for update
                        """)
                .param("id", id)
                .param("account", user.accountId())
                .query(Token.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Không tìm thấy mã truy cập này."));
        if (token.revokedAt() != null) {
            return;
        }
        jdbc.sql("update api_tokens set revoked_at = now() where id = :id")
                .param("id", id)
                .update();
        audit.recordChange(
                "REVOKE",
                "api-token",
                String.valueOf(id),
                new Logged(user.username(), token.name(), token.expiresAt()),
                null,
                user.scopePath());
    }

    /**
     * The account a token acts for, when the token is well formed, known, not revoked and not expired. Marks the
     * token used at most once a minute, so that a busy client does not write on every request.
     */
    Optional<Bearer> verify(String token) {
        if (!token.startsWith(PREFIX) || token.length() != PREFIX.length() + 43) {
            return Optional.empty();
        }
        record Found(long id, String name, String username) {}
        Optional<Found> found =
                jdbc.sql("""
                        select t.id, t.name, a.username from api_tokens t join accounts a on a.id = t.account_id
                        where t.token_hash = :hash and t.revoked_at is null and t.expires_at > now()
                        """).param("hash", hash(token)).query(Found.class).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        jdbc.sql("""
                        update api_tokens set last_used_at = now()
                        where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')
                        """).param("id", found.get().id()).update();
        SignedInUser user = accounts.loadUserByUsername(found.get().username());
        return Optional.of(new Bearer(user, found.get().id(), found.get().name()));
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    /** What the audit trail keeps of a token: whose, its name and expiry, never the token or its hash. */
    record Logged(String owner, String name, Instant expiresAt) {}
}
