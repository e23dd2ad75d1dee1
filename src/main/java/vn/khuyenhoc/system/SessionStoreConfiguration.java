package vn.khuyenhoc.system;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;

/**
 * Spring Session writes every request's session (at least its last access) when the response is committed, after the
 * page's own transaction. From the pages' pool, under load that write waited behind the pages and failed once the
 * page was half sent (a 500); a few connections of its own (same database, same credentials) keep it a millisecond.
 * Neither bean is a default candidate, so the application's data source and transaction manager stay the only ones
 * everything else sees (and Boot's auto-configuration does not back off).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean(defaultCandidate = false, destroyMethod = "close")
    @SpringSessionDataSource
    HikariDataSource sessionDataSource(
            HikariDataSource dataSource, @Value("${khuyenhoc.session-pool-size:4}") int poolSize) {
        HikariDataSource sessions = new HikariDataSource();
        sessions.setJdbcUrl(dataSource.getJdbcUrl());
        sessions.setUsername(dataSource.getUsername());
        sessions.setPassword(dataSource.getPassword());
        sessions.setMaximumPoolSize(poolSize);
        sessions.setMinimumIdle(1);
        sessions.setConnectionTimeout(dataSource.getConnectionTimeout());
        sessions.setPoolName("khuyenhoc-sessions");
        return sessions;
    }

    /** Wraps the session repository so that a session write the database cannot take now does not fail the page. */
    @Bean
    static BeanPostProcessor tolerantSessionWrites() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository sessions ? new TolerantSessions<>(sessions) : bean;
            }
        };
    }

    /**
     * The session store, except that a save refused because the database is busy or unreachable is logged and
     * dropped: it happens when the response is committed, after the page was made, and the page is worth more than
     * the session's last access time (or, at worst, a flash message or a sign-in to be done again). Reads still fail,
     * before anything is sent, and are answered 503.
     */
    static final class TolerantSessions<S extends Session>
            implements FindByIndexNameSessionRepository<S>, DisposableBean {

        private static final Logger log = LoggerFactory.getLogger(TolerantSessions.class);
        private final FindByIndexNameSessionRepository<S> sessions;

        TolerantSessions(FindByIndexNameSessionRepository<S> sessions) {
            this.sessions = sessions;
        }

        @Override
        public void destroy() throws Exception {
            if (sessions instanceof DisposableBean disposable) {
                disposable.destroy();
            }
        }

        @Override
        public S createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(S session) {
            try {
                sessions.save(session);
            } catch (DataAccessException | TransactionException e) {
                if (Failure.of(e).filter(f -> f == Failure.UNAVAILABLE).isEmpty()) {
                    throw e;
                }
                log.warn("Session not saved, the database being busy or unreachable: {}", e.getMessage());
            }
        }

        @Override
        public @Nullable S findById(String id) {
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return sessions.findByIndexNameAndIndexValue(indexName, indexValue);
        }
    }

    @Bean(defaultCandidate = false)
    @SpringSessionTransactionManager
    PlatformTransactionManager sessionTransactionManager(@SpringSessionDataSource DataSource sessions) {
        return new DataSourceTransactionManager(sessions);
    }
}
