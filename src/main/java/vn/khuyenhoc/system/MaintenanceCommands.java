package vn.khuyenhoc.system;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar khuyenhoc.jar --backup=DIR} writes a backup and stops; {@code --restore=FILE} loads one into a
 * fresh data directory, checks every table's row count and stops. Both start no web server (see {@link #requested}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class MaintenanceCommands implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceCommands.class);

    private final Backups backups;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;

    MaintenanceCommands(Backups backups, JdbcClient jdbc, ConfigurableApplicationContext context) {
        this.backups = backups;
        this.jdbc = jdbc;
        this.context = context;
    }

    /** Whether the command line asks for a backup or a restore: the application then starts without its web server. */
    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--backup=") || arg.startsWith("--restore=")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("backup") && !args.containsOption("restore")) {
            return;
        }
        int code;
        try {
            if (args.containsOption("backup")) {
                Path made =
                        backups.backUp(Path.of(args.getOptionValues("backup").get(0)));
                log.info("Đã sao lưu vào {}", made);
            } else {
                long accounts = jdbc.sql("select count(*) from accounts")
                        .query(Long.class)
                        .single();
                if (accounts > 1) {
                    throw new java.io.IOException("Cơ sở dữ liệu này đã có dữ liệu (" + accounts + " tài khoản):"
                            + " hãy khôi phục vào một thư mục dữ liệu mới (--khuyenhoc.data-dir=…).");
                }
                Backups.Manifest manifest =
                        backups.restore(Path.of(args.getOptionValues("restore").get(0)));
                long rows = manifest.rows().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                log.info(
                        "Đã khôi phục {} bảng, {} dòng (phiên bản {}); số dòng từng bảng khớp với bản sao lưu.",
                        manifest.rows().size(),
                        rows,
                        manifest.schemaVersion());
            }
            code = 0;
        } catch (java.io.IOException | RuntimeException e) {
            log.error("Không sao lưu hoặc khôi phục được: {}", e.getMessage(), e);
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
