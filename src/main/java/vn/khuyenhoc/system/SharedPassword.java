package vn.khuyenhoc.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The password a second instance signs in to the embedded server with ({@code khuyenhoc.database.password}, from
 * {@code KHUYENHOC_DATABASE_PASSWORD}): the setting when given, otherwise one generated once and kept in the data
 * directory, readable by this user only.
 */
final class SharedPassword {

    static final String FILE = "khuyenhoc-database-password";

    private SharedPassword() {}

    static String of(String configured, Path directory) throws IOException {
        if (!configured.isBlank()) {
            if (!configured.matches("[A-Za-z0-9._~-]{12,100}")) {
                throw new IllegalArgumentException("KHUYENHOC_DATABASE_PASSWORD: 12–100 characters among A–Z, a–z, 0–9"
                        + " and . _ ~ - (it is written into the server's settings)");
            }
            return configured;
        }
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            String kept = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (kept.matches("[A-Za-z0-9._~-]{12,100}")) {
                return kept;
            }
        }
        String password = generate();
        keep(file, password);
        return password;
    }

    /** Writes a password into {@code file}, readable by this user only (where the file system has permissions). */
    static void keep(Path file, String password) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the directory's own permissions protect it
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    /** 32 letters and digits, none that reads like another (no 0/O, 1/l/I): a password no one types. */
    static String generate() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
