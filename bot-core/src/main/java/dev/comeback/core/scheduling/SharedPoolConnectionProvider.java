package dev.comeback.core.scheduling;

import org.quartz.utils.ConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands Quartz connections from the application's own pool, so reminders and conversations share one pool
 * and one database. The pool belongs to whoever opened it: Quartz shutting down leaves it open.
 */
final class SharedPoolConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    SharedPoolConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void initialize() {
        // The pool is open already.
    }

    @Override
    public void shutdown() {
        // Not ours to close.
    }
}
