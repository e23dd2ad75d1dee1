package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.IntegrationTest;
import vn.khuyenhoc.KhuyenHocApplication;

/**
 * The restore as the README has it, end to end: a backup of the tests' database, then the product started in a new
 * process with {@code --khuyenhoc.data-dir=} a new directory and {@code --restore=} the file. It makes its own embedded
 * server there, loads the backup, checks every table's row count against the manifest, says so and exits with 0.
 */
@IntegrationTest
class RestoreCommandTests {

    @Autowired
    Backups backups;

    @TempDir
    Path directory;

    @Test
    void theRestoreCommandLoadsABackupIntoANewDataDirectoryAndChecksTheRows() throws Exception {
        Path backup = backups.backUp(directory.resolve("backups"));
        Path log = directory.resolve("restore.log");

        Process restore = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        KhuyenHocApplication.class.getName(),
                        "--khuyenhoc.data-dir=" + directory.resolve("restored"),
                        "--restore=" + backup))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = restore.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            restore.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as("the restore ended within 4 minutes").isTrue();
        assertThat(restore.exitValue()).as(output).isZero();
        assertThat(output).contains("Đã khôi phục").contains("số dòng từng bảng khớp với bản sao lưu");
        assertThat(new File(directory.resolve("restored").toFile(), "PG_VERSION"))
                .exists();
        assertThat(output).doesNotContain("Không sao lưu hoặc khôi phục được");
    }
}
