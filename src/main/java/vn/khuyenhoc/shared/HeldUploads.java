package vn.khuyenhoc.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Files an import's dry run found valid, kept for its save so that the person need not choose the file again. They
 * are kept in PostgreSQL (any instance can save them), only for the person who uploaded them, for {@link #KEPT}; the
 * expired ones are deleted whenever another is held.
 */
@Component
public class HeldUploads {

    public static final Duration KEPT = Duration.ofMinutes(30);

    /** A kept file: its name as uploaded and its content. */
    public record Held(String fileName, byte[] content) {}

    private final JdbcClient jdbc;

    HeldUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the file for its owner and answers the token that names it. */
    public String hold(String fileName, byte[] content, String username) {
        jdbc.sql("delete from held_uploads where expires_at < now()").update();
        UUID token = UUID.randomUUID();
        String name = fileName.length() > 300 ? fileName.substring(fileName.length() - 300) : fileName;
        jdbc.sql("""
                        insert into held_uploads (token, username, file_name, content, expires_at)
                        values (:token, :username, :name, :content, now() + make_interval(secs => :seconds))
                        """)
                .param("token", token)
                .param("username", username)
                .param("name", name)
                .param("content", content)
                .param("seconds", KEPT.toSeconds())
                .update();
        return token.toString();
    }

    /** The file the token names, if it is the user's and has not expired. */
    public Optional<Held> find(@Nullable String token, String username) {
        UUID id = parse(token);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select file_name, content from held_uploads
                        where token = :token and username = :username and expires_at > now()
                        """)
                .param("token", id)
                .param("username", username)
                .query((rs, n) -> new Held(rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    /** Forgets the file: it was saved, or found invalid. */
    public void release(@Nullable String token, String username) {
        UUID id = parse(token);
        if (id != null) {
            jdbc.sql("delete from held_uploads where token = :token and username = :username")
                    .param("token", id)
                    .param("username", username)
                    .update();
        }
    }

    private static @Nullable UUID parse(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(token.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
