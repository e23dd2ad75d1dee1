package vn.khuyenhoc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class DatabaseHealthTests {

    @Test
    void reportsDownWhenNoDatabaseAnswersWithoutWaitingForThePool() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free again once closed: nothing listens there
        }
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/khuyenhoc?user=postgres");
            dataSource.setPassword("secret");

            assertThat(new DatabaseHealth(dataSource).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersIsDownAfterItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/khuyenhoc?user=postgres");

            assertThat(new DatabaseHealth(dataSource).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
