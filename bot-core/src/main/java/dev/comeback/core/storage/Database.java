package dev.comeback.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** The connection pool for one JDBC database, with its schema migrated to the latest version on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(interruptSafe(url));
        config.setUsername(user);
        config.setPassword(password);
        // Flyway holds two connections while it migrates.
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("comeback");
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                    .load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /**
     * An H2 file URL whose file access survives thread interrupts. With H2's default file channel, a thread
     * interrupted during a read or write (Quartz interrupts its threads when it shuts down; executors do on
     * shutdownNow) closes the whole database under every other connection of the pool. H2's {@code retry:}
     * file system reopens the file instead. Other URLs are returned unchanged.
     */
    static String interruptSafe(String url) {
        String file = "jdbc:h2:file:";
        if (url.startsWith(file) && !url.startsWith(file + "retry:")) {
            return file + "retry:" + url.substring(file.length());
        }
        return url;
    }

    /**
     * The folder of the migrations written for one database product, beside the portable ones in
     * db/migration: {@code h2} or {@code postgresql}. Quartz's job store tables need vendor-specific column
     * types (H2's IMAGE, PostgreSQL's BYTEA), so their migration exists once per product.
     */
    public static String vendor(DataSource dataSource) {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new StorageException("cannot read which database " + dataSource + " is", e);
        }
        return switch (product) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgresql";
            default -> throw new StorageException("unsupported database: " + product + " (H2 or PostgreSQL)", null);
        };
    }

    /**
     * The JDBC URL of an H2 file database at {@code file} (with or without H2's {@code .mv.db} ending).
     * WRITE_DELAY=0 writes every commit to the file before the commit returns, so a reply is never sent
     * for a change a hard kill could still lose (H2's default delays writes by 500 ms).
     */
    public static String h2FileUrl(Path file) {
        String path = file.toAbsolutePath().toString();
        if (path.endsWith(".mv.db")) {
            path = path.substring(0, path.length() - ".mv.db".length());
        }
        return "jdbc:h2:file:" + path + ";WRITE_DELAY=0";
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
