package vn.khuyenhoc.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backups of the whole database as one zip: every table in PostgreSQL's binary COPY format, read in one
 * repeatable-read transaction (a consistent picture while the service runs), with a manifest of the schema version
 * and each table's row count. A restore loads them into a fresh data directory of the same version and checks the
 * counts. No pg_dump is needed: the embedded server's binaries do not include it.
 */
@Component
class Backups {

    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    static final int KEEP = 14;
    static final String MANIFEST = "backup.properties";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final DataSource dataSource;
    private final Path nightly;
    private final ScheduledRuns runs;
    static final java.time.LocalTime NIGHTLY_AT = java.time.LocalTime.of(2, 30);

    Backups(DataSource dataSource, @Value("${khuyenhoc.data-dir}") String dataDir, ScheduledRuns runs) {
        this.runs = runs;
        this.dataSource = dataSource;
        this.nightly = Path.of(dataDir).toAbsolutePath().normalize().resolve("backups");
    }

    /** What a backup holds: the schema version and the rows of each table. */
    record Manifest(String schemaVersion, Map<String, Long> rows) {}

    /**
     * Writes a backup into {@code directory} and answers its file. The zip is written beside its final name and
     * moved there only when complete, so a failure (a full or unwritable directory) leaves the earlier backups as
     * they were and no half file under a backup's name.
     */
    Path backUp(Path directory) throws IOException {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IOException("Không tạo được thư mục sao lưu " + directory + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(directory)) {
            throw new AccessDeniedException(directory.toString(), null, "Không ghi được vào thư mục sao lưu");
        }
        Path target = directory.resolve("khuyenhoc-" + LocalDateTime.now().format(STAMP) + ".zip");
        Path partial = directory.resolve(target.getFileName() + ".part");
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream file = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : tables(connection)) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                rows.put(table, copy.copyOut("copy public." + quote(table) + " to stdout (format binary)", zip));
                zip.closeEntry();
            }
            Properties manifest = new Properties();
            manifest.setProperty("schemaVersion", schemaVersion(connection));
            manifest.setProperty("createdAt", LocalDateTime.now().toString());
            rows.forEach((table, count) -> manifest.setProperty("rows." + table, String.valueOf(count)));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "Khuyến Học Số backup");
            zip.closeEntry();
            connection.commit();
        } catch (SQLException | IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("Sao lưu không thành công: " + e.getMessage(), e);
        } finally {
            try {
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the pool replaces a broken connection
            }
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /**
     * Loads a backup into this (fresh) database: same schema version only; every table emptied and filled from the
     * backup in one transaction, identities set past the largest id, then each table's rows counted against the
     * manifest. Answers the manifest.
     */
    Manifest restore(Path backup) throws IOException {
        if (!Files.isReadable(backup)) {
            throw new NoSuchFileException(backup.toString(), null, "Không đọc được tệp sao lưu");
        }
        try (ZipFile zip = new ZipFile(backup.toFile());
                Connection connection = dataSource.getConnection()) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new IOException(backup + " không phải tệp sao lưu của Khuyến Học Số (thiếu " + MANIFEST + ")");
            }
            Properties properties = new Properties();
            try (InputStream in = zip.getInputStream(entry)) {
                properties.load(in);
            }
            Map<String, Long> expected = new LinkedHashMap<>();
            properties.stringPropertyNames().stream()
                    .filter(name -> name.startsWith("rows."))
                    .sorted()
                    .forEach(name -> expected.put(name.substring(5), Long.parseLong(properties.getProperty(name))));
            String version = properties.getProperty("schemaVersion");
            if (!schemaVersion(connection).equals(version)) {
                throw new IOException("Tệp sao lưu thuộc phiên bản cơ sở dữ liệu " + version + ", bản này là "
                        + schemaVersion(connection) + ": hãy khôi phục bằng đúng phiên bản đã sao lưu, rồi nâng cấp.");
            }
            connection.setAutoCommit(false);
            List<String> tables = tables(connection);
            tables.remove("flyway_schema_history"); // Flyway made the same history on this fresh database
            try (var statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica"); // foreign keys are checked by the counts
                statement.execute("truncate "
                        + String.join(", ", tables.stream().map(Backups::quote).toList()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ZipEntry data = zip.getEntry("tables/" + table + ".copy");
                if (data == null) {
                    continue; // a table this backup does not have stays empty; the counts below say so
                }
                try (InputStream in = zip.getInputStream(data)) {
                    copy.copyIn("copy public." + quote(table) + " from stdin (format binary)", in);
                }
            }
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        do $$
                        declare s record;
                        begin
                            for s in select c.relname as tab, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
                                     from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                                     where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
                                       and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null
                            loop
                                execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', s.seq, s.col, s.tab);
                            end loop;
                        end $$
                        """);
                statement.execute("set session_replication_role = origin");
            }
            List<String> wrong = new ArrayList<>();
            for (Map.Entry<String, Long> table : expected.entrySet()) {
                if (table.getKey().equals("flyway_schema_history")) {
                    continue;
                }
                long found;
                try (var statement = connection.createStatement();
                        var result = statement.executeQuery("select count(*) from public." + quote(table.getKey()))) {
                    result.next();
                    found = result.getLong(1);
                }
                if (found != table.getValue()) {
                    wrong.add(table.getKey() + ": " + found + " dòng, sao lưu có " + table.getValue());
                }
            }
            if (!wrong.isEmpty()) {
                connection.rollback();
                throw new IOException("Khôi phục không khớp số dòng, đã hủy: " + String.join("; ", wrong));
            }
            connection.commit();
            return new Manifest(version, expected);
        } catch (SQLException e) {
            throw new IOException("Khôi phục không thành công: " + e.getMessage(), e);
        }
    }

    /**
     * Every night at 2:30 (Vietnam's time) a backup into the data directory's {@code backups/}, keeping the
     * last {@value #KEEP}. With several instances on one database, the first to claim the night's run makes it.
     */
    @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Ho_Chi_Minh")
    void nightly() {
        try {
            if (!runs.claim("nightly-backup", ScheduledRuns.lastDaily(NIGHTLY_AT, Instant.now()))) {
                log.info("Tonight's backup is made by another instance");
                return;
            }
            Path made = backUp(nightly);
            prune(nightly);
            log.info("Nightly backup written to {}", made);
        } catch (IOException | RuntimeException e) {
            log.error("The nightly backup failed; the earlier backups are kept", e);
        }
    }

    /** Keeps the newest {@value #KEEP} backups of a directory. */
    static void prune(Path directory) throws IOException {
        List<Path> backups;
        try (Stream<Path> files = Files.list(directory)) {
            backups = files.filter(path -> path.getFileName().toString().matches("khuyenhoc-\\d{8}-\\d{6}\\.zip"))
                    .sorted()
                    .toList();
        }
        for (int i = 0; i < backups.size() - KEEP; i++) {
            Files.deleteIfExists(backups.get(i));
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (var statement = connection.createStatement();
                var result = statement.executeQuery(
                        "select tablename from pg_tables where schemaname = 'public'" + " order by tablename")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("select version from flyway_schema_history where success"
                        + " and version is not null order by installed_rank desc limit 1")) {
            return result.next() ? result.getString(1) : "0";
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
