package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The hand-over of the server started early; the start itself is what every application start does. */
class EarlyDatabaseStartTests {

    private final EmbeddedDatabaseConfiguration.Settings settings =
            EmbeddedDatabaseConfiguration.Settings.of("target/early-start-unused", false, 0, "");

    @Test
    void aFailedEarlyStartFailsTheBeanWithItsOwnError() {
        EarlyDatabaseStart.Started started = new EarlyDatabaseStart.Started(
                settings, CompletableFuture.failedFuture(new IOException("port 5499 is in use")));

        assertThatThrownBy(() -> started.take(settings))
                .isInstanceOf(IOException.class)
                .hasMessage("port 5499 is in use");
    }

    @Test
    void theServerIsTakenOnlyOnce() {
        EarlyDatabaseStart.Started started =
                new EarlyDatabaseStart.Started(settings, CompletableFuture.failedFuture(new IOException("no")));
        assertThatThrownBy(() -> started.take(settings)).isInstanceOf(IOException.class);

        assertThatThrownBy(() -> started.take(settings)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closingAContextWhoseEarlyStartFailedDoesNotThrow() {
        EarlyDatabaseStart.Started started =
                new EarlyDatabaseStart.Started(settings, CompletableFuture.failedFuture(new IOException("no")));

        assertThatCode(started::destroy).doesNotThrowAnyException();
    }

    @Test
    void nothingStartsEarlyForAnExternalDatabase() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "test",
                            Map.of(
                                    "spring.datasource.url", "jdbc:postgresql://db.example/khuyenhoc",
                                    "khuyenhoc.data-dir", "target/early-start-unused")));

            new EarlyDatabaseStart().initialize(context);

            assertThat(context.getBeanFactory().containsSingleton(EarlyDatabaseStart.Started.BEAN))
                    .isFalse();
        }
    }
}
