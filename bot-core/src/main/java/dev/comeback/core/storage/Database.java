package dev.comeback.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The connection pool for one JDBC database, with its schema migrated to the latest version on open. */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);
    /**
     * Below this share of live data in the file (percent), closing and opening compact it (from 4 MB). With every chunk
     * appended ({@link #durable}) nothing else gives space back.
     */
    static final int COMPACT_BELOW_FILL_RATE = 50;
    /** Smaller files are not worth the time a compaction takes at start-up. */
    static final long COMPACT_FROM_SIZE = 4L << 20;

    private final HikariDataSource dataSource;
    private final boolean h2File;

    private Database(HikariDataSource dataSource, boolean h2File) {
        this.dataSource = dataSource;
        this.h2File = h2File;
    }

    /**
     * Opens the pool and migrates the schema. An H2 file that exists but cannot be what the bot wrote (empty,
     * unreadable, or without the bot's schema) stops the start with a {@link StorageException} naming the
     * file, what is wrong and what to do, rather than a fresh start over people's data.
     */
    public static Database open(String url, String user, String password, int poolSize) {
        Optional<Path> h2File = h2File(url);
        boolean existed = h2File.isPresent() && Files.exists(h2File.get());
        if (existed) {
            checkShape(h2File.get(), stoppedCleanly(h2File.get()));
            compactIfSparse(durable(url), user, password, h2File.get());
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(durable(url));
        config.setUsername(user);
        config.setPassword(password);
        // Flyway holds two connections while it migrates.
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setPoolName("comeback");
        // A file that cannot be opened fails at once, not after Hikari's 30 s of retries.
        config.setInitializationFailTimeout(1);
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(config);
            if (existed && !hasSchemaHistory(dataSource)) {
                throw damaged(h2File.get(), "it holds no Comeback data (no schema history): it was cut short, "
                        + "or it is not a Comeback database", null);
            }
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
                    .load().migrate();
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            // A migration that does not match its history is the code's problem, not the file's.
            if (existed && !(e instanceof StorageException) && !(e instanceof FlywayValidateException)) {
                throw damaged(h2File.get(), "it cannot be read (" + rootMessage(e) + ")", e);
            }
            throw e;
        }
        return new Database(dataSource, h2File.isPresent());
    }

    /**
     * H2's own compaction, run while nothing else has the file open: {@code SHUTDOWN COMPACT} copies the live
     * data into a new file and moves it over the old one in one rename, so a kill in the middle leaves the old
     * file as it was. Only when the file is mostly dead chunks, which after a crash it usually is.
     */
    private static void compactIfSparse(String url, String user, String password, Path file) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            compactIfSparse(c, file);
        } catch (SQLException e) {
            // Left to the open that follows, which names the file and the problem.
            log.debug("no compaction of {} before opening: {}", file, e.getMessage());
        }
    }

    /** Returns whether it compacted (and so closed the database). */
    private static boolean compactIfSparse(Connection c, Path file) throws SQLException {
        int fillRate;
        try (java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
             java.sql.ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return false;
            }
            fillRate = Integer.parseInt(r.getString(1).trim());
        }
        if (fillRate >= COMPACT_BELOW_FILL_RATE || file.toFile().length() < COMPACT_FROM_SIZE) {
            return false;
        }
        compact(c, file, fillRate);
        return true;
    }

    private static void compact(Connection c, Path file, int fillRate) throws SQLException {
        long before = file.toFile().length();
        long started = System.nanoTime();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        log.info("compacted {}: {} KB to {} KB ({}% live) in {} ms", file, before / 1024, file.toFile().length() / 1024,
                fillRate, (System.nanoTime() - started) / 1_000_000);
    }

    /** The file behind an H2 file URL ({@code .mv.db} added), if the URL is one. */
    static Optional<Path> h2File(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return Optional.empty();
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        if (path.startsWith("retry:")) {
            path = path.substring("retry:".length());
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /**
     * An H2 file is whole 4 KB blocks and ends with the footer of its newest chunk (H2 writes chunks at the
     * end and trims the file after the last one). An empty file is never what the bot left. A file that ends
     * elsewhere is what a kill in the middle of writing a chunk leaves: that chunk's commit had not returned,
     * and H2 drops it and opens the newest whole chunk, so after a crash the start goes on. After a clean stop
     * (the marker {@link #stopMarker} says so) nothing was being written, so such a file was cut short since:
     * H2 would quietly go back to an older state, and the start is refused. (A cut that falls exactly between
     * two chunks cannot be told from a file that ended there.)
     */
    private static void checkShape(Path file, boolean stoppedCleanly) {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw damaged(file, "it is empty (0 bytes)", null);
            }
            if (size % H2_BLOCK != 0 || size < 3 * H2_BLOCK || !endsWithChunkFooter(file, size)) {
                if (stoppedCleanly) {
                    throw damaged(file, "it ends in the middle of its data (" + size + " bytes), though the bot "
                            + "stopped cleanly when it last used it: it was cut short since", null);
                }
                log.warn("{} ends in a write that a crash interrupted; H2 opens its last whole commit", file);
            }
        } catch (java.io.IOException e) {
            throw damaged(file, "it cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Beside an H2 file ({@code NAME.mv.db}), {@code NAME.stopped}: written when the bot closes the database
     * cleanly, removed when it opens it again, so its presence at a start means nothing was being written when
     * the bot last stopped.
     */
    static Path stopMarker(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + ".stopped");
    }

    /** Whether the bot stopped cleanly when it last used {@code file}; the marker is removed either way. */
    private static boolean stoppedCleanly(Path file) {
        try {
            return Files.deleteIfExists(stopMarker(file));
        } catch (java.io.IOException e) {
            throw damaged(file, "its stop marker " + stopMarker(file) + " cannot be removed (" + e.getMessage() + ")", e);
        }
    }

    private static final int H2_BLOCK = 4096;
    private static final int H2_FOOTER = 128;

    private static boolean endsWithChunkFooter(Path file, long size) throws java.io.IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer footer = java.nio.ByteBuffer.allocate(H2_FOOTER);
            channel.read(footer, size - H2_FOOTER);
            String text = new String(footer.array(), java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.startsWith("chunk:") && text.contains(",fletcher:");
        }
    }

    private static boolean hasSchemaHistory(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             java.sql.ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            return tables.next();
        } catch (SQLException e) {
            throw new StorageException("cannot read the database's tables: " + e.getMessage(), e);
        }
    }

    private static StorageException damaged(Path file, String what, Throwable cause) {
        Path absolute = file.toAbsolutePath();
        return new StorageException("the database file " + absolute + " is damaged: " + what + ". Nothing was "
                + "started, so nothing in it is overwritten. Restore the file from a backup, or try H2's recovery "
                + "tool (java -cp app/target/comeback.jar org.h2.tools.Recover -dir " + absolute.getParent()
                + " -db " + absolute.getFileName().toString().replace(".mv.db", "") + ", then RunScript on the "
                + "SQL it writes); to start afresh instead, move the file away.", cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
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

    /** Closes the pool; an H2 file that is mostly dead chunks is compacted first (see {@link #compactIfSparse}). */
    @Override
    public void close() {
        if (!h2File || dataSource.isClosed()) {
            dataSource.close();
            return;
        }
        String url = dataSource.getJdbcUrl();
        Path file = h2File(url).orElseThrow();
        int fillRate = fillRate();
        dataSource.close();
        if (fillRate >= 0 && fillRate < COMPACT_BELOW_FILL_RATE && file.toFile().length() >= COMPACT_FROM_SIZE) {
            // On a connection of its own: the pool's would each complain, in H2's trace file, that the
            // compaction closed the database under them.
            try (Connection c = java.sql.DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword())) {
                compact(c, file, fillRate);
            } catch (SQLException | RuntimeException e) {
                log.warn("could not compact {} on closing: {}", file, e.getMessage());
            }
        }
        try {
            Files.writeString(stopMarker(file), "stopped cleanly\n");
        } catch (java.io.IOException e) {
            log.warn("could not mark {} as cleanly stopped: {}", file, e.getMessage());
        }
    }

    /** The share of the H2 file that is live data, in percent; -1 if H2 does not say. */
    private int fillRate() {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement s = c.prepareStatement(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'");
             java.sql.ResultSet r = s.executeQuery()) {
            return r.next() ? Integer.parseInt(r.getString(1).trim()) : -1;
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }
}
