package vn.khuyenhoc.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded PostgreSQL 17 server (binaries from Maven Central, {@link EmbeddedDatabase}), used unless
 * {@code spring.datasource.url} names an external server, and the application's pool on it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "khuyenhoc";
    /**
     * Searches differ wildly in selectivity ("nguyen" against "bham nie"); a cached generic plan picked for one is
     * ruinous for the other, so every statement is planned with its values (planning costs about a millisecond).
     */
    static final String PLAN_CACHE_MODE = "set plan_cache_mode = force_custom_plan";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    static class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matches(context.getEnvironment());
        }

        static boolean matches(Environment environment) {
            return !environment.containsProperty("spring.datasource.url");
        }
    }

    /** The settings the server starts with; the early start and the bean read the same ones. */
    record Settings(Path directory, boolean fresh, int port, String sharedPassword) {

        static Settings of(String dataDir, boolean fresh, int port, String sharedPassword) {
            // fresh: a new cluster, the earlier one deleted (tests); otherwise the data persists
            return new Settings(Path.of(dataDir).toAbsolutePath().normalize(), fresh, port, sharedPassword);
        }

        static Settings of(Environment environment) {
            return of(
                    environment.getRequiredProperty("khuyenhoc.data-dir"),
                    environment.getProperty("khuyenhoc.embedded-db.fresh", Boolean.class, false),
                    environment.getProperty("khuyenhoc.database.port", Integer.class, 0),
                    environment.getProperty("khuyenhoc.database.password", ""));
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            @Value("${khuyenhoc.data-dir}") String dataDir,
            @Value("${khuyenhoc.embedded-db.fresh:false}") boolean fresh,
            @Value("${khuyenhoc.database.port:0}") int port,
            @Value("${khuyenhoc.database.password:}") String sharedPassword,
            ObjectProvider<EarlyDatabaseStart.Started> early)
            throws IOException, SQLException {
        Settings settings = Settings.of(dataDir, fresh, port, sharedPassword);
        EarlyDatabaseStart.Started started = early.getIfAvailable();
        return started != null ? started.take(settings) : start(settings);
    }

    /** Starts the server, creates the application's database and opens it to a second instance if asked. */
    static EmbeddedDatabase start(Settings settings) throws IOException, SQLException {
        Path directory = settings.directory();
        int port = settings.port();
        EmbeddedDatabase postgres = new EmbeddedDatabase(directory, settings.fresh(), port);
        try {
            createDatabaseIfMissing(postgres.maintenance());
            if (port != 0) {
                postgres.share(DATABASE, SharedPassword.of(settings.sharedPassword(), directory));
                log.info(
                        "The embedded PostgreSQL server listens on 127.0.0.1:{}: a second instance joins it with"
                                + " SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:{}/{},"
                                + " SPRING_DATASOURCE_USERNAME={} and SPRING_DATASOURCE_PASSWORD={}",
                        port,
                        port,
                        DATABASE,
                        DATABASE,
                        settings.sharedPassword().isBlank()
                                ? "the password kept in " + directory.resolve(SharedPassword.FILE)
                                : "the value of KHUYENHOC_DATABASE_PASSWORD");
            }
        } catch (IOException | SQLException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedDatabase postgres,
            @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:2000}") long connectionTimeout)
            throws SQLException {
        // the database was created when the server started (start)
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl(DATABASE));
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setConnectionTimeout(connectionTimeout);
        dataSource.setPoolName("khuyenhoc");
        dataSource.setConnectionInitSql(PLAN_CACHE_MODE);
        return dataSource;
    }

    private static void createDatabaseIfMissing(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists =
                        statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        }
    }
}
