package vn.khuyenhoc.system;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers, within about a second: a connection of its own with one-second timeouts, not one
 * from the pool, so that a pool busy with a load still reports UP and a database gone reports DOWN at once (the
 * pool would wait its full connection timeout). Replaces Boot's {@code db} indicator.
 */
@Component("database")
class DatabaseHealth implements HealthIndicator {

    private final HikariDataSource dataSource;

    DatabaseHealth(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Properties properties = new Properties();
        if (dataSource.getUsername() != null) {
            properties.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            properties.setProperty("password", dataSource.getPassword());
        }
        properties.setProperty("connectTimeout", "1");
        properties.setProperty("socketTimeout", "1");
        properties.setProperty("loginTimeout", "1");
        properties.setProperty("ApplicationName", "khuyenhoc-health");
        try (Connection connection = DriverManager.getConnection(dataSource.getJdbcUrl(), properties);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select 1")) {
            result.next();
            return Health.up().build();
        } catch (SQLException e) {
            return Health.down()
                    .withDetail("error", String.valueOf(e.getSQLState()))
                    .build();
        }
    }
}
