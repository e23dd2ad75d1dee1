package vn.khuyenhoc.association.member;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.shared.InvalidInputException;
import vn.khuyenhoc.shared.VietnameseText;

/**
 * Citizen IDs (số định danh cá nhân, 12 digits) turned into what is kept: an HMAC-SHA256 under a secret key, which
 * recognises the same person in two chapters, and the last four digits, which a clerk can compare with a card. The
 * key comes from {@code khuyenhoc.citizen-id-secret} or, when none is configured, is generated once and kept in the
 * database. Changing the key makes earlier IDs unrecognisable.
 */
@Component
class CitizenIds {

    private final JdbcClient jdbc;
    private final String configured;
    private volatile byte @Nullable [] secret;

    CitizenIds(JdbcClient jdbc, @Value("${khuyenhoc.citizen-id-secret:}") String configured) {
        this.jdbc = jdbc;
        this.configured = configured;
    }

    /** The kept form of an ID typed in a form or a file, or nothing for an empty field. */
    Member.@Nullable CitizenId of(@Nullable String typed, String field) {
        String digits = VietnameseText.cleanOrEmpty(typed).replace(" ", "").replace(".", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (!digits.matches("\\d{12}")) {
            throw new InvalidInputException(field, "Số định danh cá nhân phải gồm đúng 12 chữ số.");
        }
        return new Member.CitizenId(hash(digits), digits.substring(8));
    }

    String hash(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            known = configured.isBlank() ? stored() : configured.getBytes(StandardCharsets.UTF_8);
            secret = known;
        }
        return known;
    }

    private byte[] stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("insert into citizen_id_keys (id, secret) values (1, :secret) on conflict (id) do nothing")
                .param("secret", fresh)
                .update();
        return jdbc.sql("select secret from citizen_id_keys where id = 1")
                .query(byte[].class)
                .single();
    }
}
