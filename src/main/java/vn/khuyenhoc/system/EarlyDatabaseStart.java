package vn.khuyenhoc.system;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded PostgreSQL server on a thread of its own as soon as the settings are read, so that the server
 * (initdb on a new data directory, then the postmaster) comes up while Spring reads the configuration and builds the
 * context, instead of after it: on two cores a restart was ready about 3 s sooner (docs/benchmarks.md, "Start-up
 * (issue 14)"). The application adds it in {@code main}; tests start the server when the bean is made, as before.
 * Nothing starts early when {@code spring.datasource.url} names an external server.
 */
public final class EarlyDatabaseStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EarlyDatabaseStart.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!EmbeddedDatabaseConfiguration.NoExternalDatabase.matches(context.getEnvironment())
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        EmbeddedDatabaseConfiguration.Settings settings =
                EmbeddedDatabaseConfiguration.Settings.of(context.getEnvironment());
        CompletableFuture<EmbeddedDatabase> server = new CompletableFuture<>();
        Thread starter = new Thread(
                () -> {
                    try {
                        server.complete(EmbeddedDatabaseConfiguration.start(settings));
                    } catch (IOException | SQLException | RuntimeException e) {
                        server.completeExceptionally(e);
                    }
                },
                "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        Started started = new Started(settings, server);
        beans.registerSingleton(Started.BEAN, started);
        // if the context fails before the server is taken, closing the context stops it
        beans.registerDisposableBean(Started.BEAN, started);
    }

    /** The server being started; {@link #take} hands it to the {@code embeddedDatabase} bean, which then owns it. */
    static final class Started implements DisposableBean {

        static final String BEAN = "earlyDatabaseStart";

        private final EmbeddedDatabaseConfiguration.Settings settings;
        private final CompletableFuture<EmbeddedDatabase> server;
        private final AtomicBoolean taken = new AtomicBoolean();

        Started(EmbeddedDatabaseConfiguration.Settings settings, CompletableFuture<EmbeddedDatabase> server) {
            this.settings = settings;
            this.server = server;
        }

        /** Waits for the server started early; with other settings (never in practice) starts one for those. */
        EmbeddedDatabase take(EmbeddedDatabaseConfiguration.Settings wanted) throws IOException, SQLException {
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("The embedded server started early was already taken");
            }
            EmbeddedDatabase started = await();
            if (wanted.equals(settings)) {
                return started;
            }
            log.warn("The settings changed after the embedded server started early; starting it again");
            started.close();
            return EmbeddedDatabaseConfiguration.start(wanted);
        }

        private EmbeddedDatabase await() throws IOException, SQLException {
            try {
                return server.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw e;
            }
        }

        @Override
        public void destroy() throws IOException {
            if (taken.compareAndSet(false, true)) {
                try {
                    await().close();
                } catch (IOException | SQLException | RuntimeException e) {
                    log.debug("The embedded server started early did not start or stop cleanly", e);
                }
            }
        }
    }
}
