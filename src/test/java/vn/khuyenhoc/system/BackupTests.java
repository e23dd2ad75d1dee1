package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.khuyenhoc.IntegrationTest;

/** A backup holds every table and its row count; a restore puts back exactly those rows; a failure keeps the others. */
@IntegrationTest
class BackupTests {

    @Autowired
    Backups backups;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path directory;

    @Test
    void aBackupRestoresToTheSameRowsAndIdentitiesGoOnAfterThem() throws Exception {
        long localities = count("localities");
        long accounts = count("accounts");
        Path made = backups.backUp(directory);
        try (ZipFile zip = new ZipFile(made.toFile())) {
            assertThat(zip.getEntry(Backups.MANIFEST)).isNotNull();
            assertThat(zip.getEntry("tables/localities.copy")).isNotNull();
            assertThat(zip.getEntry("tables/audit_events.copy")).isNotNull();
        }

        Backups.Manifest manifest = backups.restore(made);

        assertThat(manifest.rows()).containsEntry("localities", localities).containsEntry("accounts", accounts);
        assertThat(count("localities")).isEqualTo(localities);
        // the next identity comes after the restored rows, not from 1
        long next = jdbc.sql("insert into cache_generations (name) values ('backup-test') returning generation")
                .query(Long.class)
                .single();
        assertThat(next).isZero();
        long maxAudit = jdbc.sql("select coalesce(max(id), 0) from audit_events")
                .query(Long.class)
                .single();
        long auditId = jdbc.sql("insert into audit_events (actor, action, entity_type) values ('test', 'TEST', 'x')"
                        + " returning id")
                .query(Long.class)
                .single();
        assertThat(auditId).isGreaterThan(maxAudit);
    }

    @Test
    void anUnwritableDirectoryFailsClearlyAndKeepsTheEarlierBackups() throws Exception {
        Path earlier = backups.backUp(directory);
        // the tests run as any user, root included, whom permissions do not stop: a file where the directory should be
        Path blocked = directory.resolve("blocked");
        Files.writeString(blocked, "a file, not a directory");
        assertThatThrownBy(() -> backups.backUp(blocked.resolve("backups")))
                .hasMessageContaining("sao lưu")
                .hasMessageContaining(blocked.toString());
        assertThat(earlier).exists();
        try (var files = Files.list(directory)) {
            assertThat(files.toList()).containsExactlyInAnyOrder(earlier, blocked);
        }
    }

    @Test
    void theNewestFourteenAreKept() throws Exception {
        for (int day = 1; day <= 20; day++) {
            Files.writeString(directory.resolve(String.format("khuyenhoc-202611%02d-023000.zip", day)), "x");
        }
        Files.writeString(directory.resolve("ghi-chu.txt"), "not a backup");
        Backups.prune(directory);
        try (var files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .hasSize(15)
                    .contains("ghi-chu.txt", "khuyenhoc-20261120-023000.zip", "khuyenhoc-20261107-023000.zip")
                    .doesNotContain("khuyenhoc-20261106-023000.zip");
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedAndNothingChanges() throws Exception {
        long localities = count("localities");
        Path bogus = directory.resolve("khong-phai.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(bogus))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x.txt"));
            zip.write(1);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> backups.restore(bogus)).hasMessageContaining("không phải tệp sao lưu");
        assertThat(count("localities")).isEqualTo(localities);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
