package vn.khuyenhoc.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server and what keeps it safe and alive: it listens on loopback only and asks for a
 * password (generated once, kept in the cluster's directory readable by this user only), and a watchdog starts it
 * again on the same port when its postmaster dies, so that service resumes without restarting the application
 * (PostgreSQL's crash recovery replays what was committed).
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String PASSWORD_FILE = "khuyenhoc-db-password";
    private static final String HBA_MARK = "# Khuyến Học Số: password (SCRAM) on loopback only";
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final Path directory;
    private final String password;
    private volatile EmbeddedPostgres server;
    private volatile boolean closed;
    private final Thread watchdog;

    /**
     * Starts the server on {@code directory}; {@code fresh} deletes an earlier cluster first (tests). {@code port} 0
     * lets the system choose a free port (the default: nothing else connects); a fixed port lets a second instance of
     * the application join this database for a trial on one machine.
     */
    EmbeddedDatabase(Path directory, boolean fresh, int port) throws IOException {
        this.directory = directory;
        if (fresh) {
            stopOrphanedServer(directory);
            deleteRecursively(directory);
        }
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        this.password = readPassword().orElseGet(SharedPassword::generate);
        log.info("Starting the embedded PostgreSQL server with data in {}", directory);
        this.server = startOn(port);
        secure();
        this.watchdog = new Thread(this::watch, "embedded-postgres-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    String password() {
        return password;
    }

    int port() {
        return server.getPort();
    }

    /** The postmaster's process, read from its pid file (zonky's own process handle is pg_ctl's, which has exited). */
    Optional<ProcessHandle> postmaster() {
        try {
            return postmasterOf(directory);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<ProcessHandle> postmasterOf(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() || !lines.get(0).strip().matches("\\d+")
                ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    }

    /**
     * After a kill -9 of the JVM its postmaster lives on, holding the data directory. Stop it (a smart shutdown:
     * its clients died with the JVM) so that the new server can start; remove a pid file that names no live server
     * (PostgreSQL's crash recovery does the rest).
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = postmasterOf(directory)
                .filter(process -> process.info().command().orElse("").contains("postgres"));
        if (server.isEmpty()) {
            log.warn("Removing a stale {} that names no running server", pidFile);
            Files.deleteIfExists(pidFile);
            return;
        }
        ProcessHandle process = server.get();
        log.warn("Stopping PostgreSQL server {} left running by a previous start", process.pid());
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Server {} did not stop in 60 s; killing it", process.pid());
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Connections to the {@code postgres} maintenance database, with the password. */
    javax.sql.DataSource maintenance() {
        return server.getPostgresDatabase();
    }

    private EmbeddedPostgres startOn(int port) throws IOException {
        if (port != 0 && (port < 1024 || port > 65535)) {
            throw new IllegalArgumentException(
                    "khuyenhoc.database.port must be between 1024 and 65535 (or 0 for any free port), not " + port);
        }
        try {
            return start(port);
        } catch (IOException | RuntimeException e) {
            if (port != 0) {
                throw new IOException(
                        "The embedded PostgreSQL server could not listen on 127.0.0.1:" + port
                                + " (is another server using that port?): " + e.getMessage(),
                        e);
            }
            throw e;
        }
    }

    /**
     * Lets a second instance of the application sign in to this server as {@code role} with {@code rolePassword}
     * (both [a-z] and [A-Za-z0-9], checked by the caller). The role inherits what the owner of the application's tables
     * may do, without the superuser's power to become it ({@code SET FALSE}); its password is set again on every start,
     * so that changing the setting is enough.
     */
    void share(String role, String rolePassword) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
                    + "') then create role " + role + " login; end if; end $$");
            statement.execute("alter role " + role + " login password '" + rolePassword + "'");
            statement.execute("grant postgres to " + role + " with inherit true, set false");
        } catch (SQLException e) {
            throw new IOException("Could not open the embedded server to a second instance as " + role, e);
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                // the cluster persists; a fresh one (tests) was deleted above, so that a restart never wipes it
                .setCleanDataDirectory(false)
                .setPort(port)
                .setConnectConfig("password", password)
                .setLocaleConfig("locale", "C")
                .setServerConfig("listen_addresses", "localhost")
                // zonky starts the server for tests, with fsync (-F) and synchronous_commit off; a product must
                // not lose committed data (seen: a kill -9 of the server lost the last commit), so both go back on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "50")
                // the household table of a province (~900,000 rows) and its indexes stay in memory
                .setServerConfig("shared_buffers", "512MB")
                .setPGStartupWait(Duration.ofMinutes(2))
                .start();
    }

    /**
     * initdb trusts every local connection; on the first start of a cluster (or of one made by an earlier version)
     * the superuser gets its password, and pg_hba.conf then asks for it on every connection. The server stays on
     * trust for the milliseconds in between, on loopback only.
     */
    private void secure() throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        if (Files.readString(hba, StandardCharsets.UTF_8).startsWith(HBA_MARK)) {
            return;
        }
        log.info("Setting a password on the embedded PostgreSQL server (kept in {})", PASSWORD_FILE);
        writePassword();
        Files.writeString(hba, HBA_MARK + "; the password is in " + PASSWORD_FILE + """

                local   all   all                  scram-sha-256
                host    all   all   127.0.0.1/32   scram-sha-256
                host    all   all   ::1/128        scram-sha-256
                """, StandardCharsets.UTF_8);
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            // the password is [A-Za-z0-9] only (newPassword), so it needs no escaping
            statement.execute("alter role postgres password '" + password + "'");
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not set the embedded server's password", e);
        }
    }

    private Optional<String> readPassword() throws IOException {
        Path file = directory.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file, StandardCharsets.UTF_8).strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private void writePassword() throws IOException {
        SharedPassword.keep(directory.resolve(PASSWORD_FILE), password);
    }

    private void watch() {
        while (!closed) {
            try {
                TimeUnit.MILLISECONDS.sleep(WATCH_EVERY.toMillis());
                if (!closed && postmaster().filter(ProcessHandle::isAlive).isEmpty()) {
                    restart();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                log.error("The embedded PostgreSQL server could not be started again; trying again", e);
            }
        }
    }

    private synchronized void restart() throws IOException, InterruptedException {
        if (closed) {
            return;
        }
        int port = server.getPort();
        log.warn("The embedded PostgreSQL server stopped; starting it again on port {}", port);
        try {
            server.close(); // releases zonky's lock on the directory; pg_ctl stop finds nothing to stop
        } catch (IOException e) {
            log.debug("Closing the stopped server", e);
        }
        // the dead postmaster's backends exit within moments; until then its shared memory blocks a new start
        IOException last = null;
        for (int attempt = 0; attempt < 30 && !closed; attempt++) {
            try {
                stopOrphanedServer(directory);
                server = start(port);
                log.warn("The embedded PostgreSQL server is running again on port {}", port);
                return;
            } catch (IOException | RuntimeException e) {
                last = e instanceof IOException io ? io : new IOException(e);
                TimeUnit.SECONDS.sleep(1);
            }
        }
        if (last != null) {
            throw last;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        watchdog.interrupt();
        server.close();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (FileSystemException e) {
                    log.debug("Could not delete {}", path, e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
