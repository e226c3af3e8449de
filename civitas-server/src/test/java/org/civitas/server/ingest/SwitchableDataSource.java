package org.civitas.server.ingest;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.civitas.store.StorageSettings;

/**
 * Connections to a real database that a test can cut off, as a network outage or a stopped server would: while it
 * is down, every new connection is refused, and every connection handed out earlier is closed.
 */
final class SwitchableDataSource implements DataSource {

    private final StorageSettings settings;
    private final List<Connection> handedOut = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    SwitchableDataSource(StorageSettings settings) {
        this.settings = settings;
    }

    void goDown() throws SQLException {
        down = true;
        for (Connection connection : handedOut) {
            connection.close();
        }
        handedOut.clear();
    }

    void comeBack() {
        down = false;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("the database cannot be reached", "08001");
        }
        Connection connection = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
        handedOut.removeIf(SwitchableDataSource::closed);
        handedOut.add(connection);
        return connection;
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
