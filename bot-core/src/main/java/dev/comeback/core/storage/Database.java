package dev.comeback.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The connection pool for one JDBC database, with its schema migrated to the latest version on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(url));
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
     * An H2 file URL made safe for a bot that can be killed at any moment; other URLs are returned unchanged.
     * <ul>
     * <li>{@code retry:} file access: with H2's default file channel, a thread interrupted during a read or
     *     write (Quartz interrupts its threads when it shuts down; executors do on shutdownNow) closes the whole
     *     database under every other connection of the pool. H2's {@code retry:} file system reopens the file.
     * <li>{@code WRITE_DELAY=0}: each commit is written to the file before the commit returns.
     * <li>{@code REUSE_SPACE=FALSE}: each chunk is appended at the end of the file. H2 2.5.252 loses committed
     *     chunks on a crash when it writes them into reused space: {@code RandomAccessStore.writeChunk} writes
     *     the file header (the pointer crash recovery starts from) before {@code FileStore.storeBuffer} sets
     *     {@code lastChunk} to the new chunk, so a chunk placed where the previous one did not predict is
     *     recorded nowhere; recovery follows the previous chunk's prediction, does not find it and rolls back
     *     to the version before (and so for every later chunk until the header is written again). A chunk at
     *     the end of the file is always found: recovery reads the last chunk of the file first.
     *     {@code H2ChunkReuseTest} shows both.
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would close the database under the bot while
     *     it is still stopping; the bot closes it itself, last.
     * </ul>
     * Settings already in the URL are kept as given.
     */
    public static String durable(String url) {
        String file = "jdbc:h2:file:";
        if (!url.startsWith(file)) {
            return url;
        }
        String result = url.startsWith(file + "retry:") ? url : file + "retry:" + url.substring(file.length());
        String upper = result.toUpperCase(Locale.ROOT);
        for (String setting : DURABLE_H2) {
            String name = setting.substring(0, setting.indexOf('=') + 1);
            if (!upper.contains(";" + name)) {
                result += ";" + setting;
            }
        }
        return result;
    }

    private static final List<String> DURABLE_H2 =
            List.of("WRITE_DELAY=0", "REUSE_SPACE=FALSE", "DB_CLOSE_ON_EXIT=FALSE");

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
