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
import java.util.function.Supplier;

/** The connection pool for one JDBC database, with its schema migrated to the latest version on open. */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Database.class);
    /**
     * How long a compaction waits for the connections in use to be returned (holding new ones back meanwhile)
     * before it gives up and tries again later; turns are normally a few ms.
     */
    static final long QUIESCE_MAX_WAIT_MILLIS = 3_000;
    /** After a compaction was put off, the next try waits this long, doubled each time up to 5 minutes. */
    static final long RETRY_AFTER_MILLIS = 5_000;

    private final PausablePool pool;
    private final Optional<Path> h2File;
    private final CompactionPolicy policy;
    private final Thread compactor;
    private final Object wake = new Object();
    private final List<Compaction> compactions = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The file size (bytes) past which the compactor looks at the file again. */
    private volatile long checkAt;
    private volatile boolean woken;
    /** Not before this System.nanoTime(): a compaction put off waits before the next try. */
    private long nextTry = System.nanoTime();
    private long retryAfterMillis = RETRY_AFTER_MILLIS;
    private volatile boolean stopping;

    private Database(Supplier<HikariDataSource> opener, Optional<Path> h2File, CompactionPolicy policy) {
        this.h2File = h2File;
        this.policy = policy;
        this.pool = new PausablePool(opener, this::connectionReturned);
        this.checkAt = policy.fromBytes();
        if (h2File.isPresent()) {
            compactor = new Thread(this::compactWhenDue, "comeback-compaction");
            compactor.setDaemon(true);
        } else {
            compactor = null;
        }
    }

    /**
     * One compaction while running.
     *
     * @param at          when it started (UTC)
     * @param fileBefore  the file's size before, in bytes
     * @param liveBefore  H2's estimate of the live data before, in bytes
     * @param fileAfter   the file's size after, in bytes
     * @param pauseMillis how long no connection was handed out, in milliseconds (waiting for those in use
     *                    included)
     */
    public record Compaction(java.time.Instant at, long fileBefore, long liveBefore, long fileAfter, long pauseMillis) {
    }

    /** {@link #open(String, String, String, int, CompactionPolicy)} with {@link CompactionPolicy#DEFAULT}. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, CompactionPolicy.DEFAULT);
    }

    /**
     * Opens the pool and migrates the schema. An H2 file that exists but cannot be what the bot wrote (empty,
     * unreadable, or without the bot's schema) stops the start with a {@link StorageException} naming the
     * file, what is wrong and what to do, rather than a fresh start over people's data.
     *
     * <p>An H2 file is compacted when {@code compaction} says it is due: before it is opened, while it is
     * open (see {@link #compactWhenDue}) and when it is closed.
     */
    public static Database open(String url, String user, String password, int poolSize, CompactionPolicy compaction) {
        Optional<Path> h2File = h2File(url);
        boolean existed = h2File.isPresent() && Files.exists(h2File.get());
        if (h2File.isPresent()) {
            try {
                deleteCompactionLeftovers(h2File.get());
            } catch (java.io.IOException e) {
                throw new StorageException("cannot delete what an interrupted compaction left beside "
                        + h2File.get().toAbsolutePath() + ": " + e.getMessage(), e);
            }
        }
        if (existed) {
            checkShape(h2File.get(), stoppedCleanly(h2File.get()));
            compactIfDue(durable(url), user, password, h2File.get(), compaction);
        }
        Supplier<HikariDataSource> opener = () -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(durable(url));
            config.setUsername(user);
            config.setPassword(password);
            // Flyway holds two connections while it migrates.
            config.setMaximumPoolSize(Math.max(2, poolSize));
            config.setPoolName("comeback");
            // A file that cannot be opened fails at once, not after Hikari's 30 s of retries.
            config.setInitializationFailTimeout(1);
            return new HikariDataSource(config);
        };
        Database db = null;
        try {
            db = new Database(opener, h2File, compaction);
            if (existed && !hasSchemaHistory(db.pool)) {
                throw damaged(h2File.get(), "it holds no Comeback data (no schema history): it was cut short, "
                        + "or it is not a Comeback database", null);
            }
            Flyway.configure().dataSource(db.pool)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(db.pool))
                    .load().migrate();
        } catch (RuntimeException e) {
            if (db != null) {
                db.pool.close();
            }
            // A migration that does not match its history is the code's problem, not the file's.
            if (existed && !(e instanceof StorageException) && !(e instanceof FlywayValidateException)) {
                throw damaged(h2File.get(), "it cannot be read (" + rootMessage(e) + ")", e);
            }
            throw e;
        }
        if (db.compactor != null) {
            db.compactor.start();
        }
        return db;
    }

    /**
     * Compacts a file a crash (or a run) left mostly dead before it is opened, when {@code policy} says it is
     * due; see {@link #compact} for how.
     */
    private static void compactIfDue(String url, String user, String password, Path file, CompactionPolicy policy) {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password)) {
            long size = file.toFile().length();
            long live = liveEstimate(c);
            if (live >= 0 && policy.due(size, live)) {
                compact(c, url, user, password, file, live, "before opening");
            }
        } catch (SQLException e) {
            // Left to the open that follows, which names the file and the problem.
            log.debug("no compaction of {} before opening: {}", file, e.getMessage());
        }
    }

    /**
     * Compacts by copying what is committed, as SQL, into a new file that then replaces the old one; the database
     * behind {@code c} is shut down. Run only while nothing else uses the database (a paused or closed pool).
     * <ol>
     * <li>{@code SCRIPT TO NAME.compact.sql}: every committed row, sequence and setting, read through SQL;
     * <li>{@code RUNSCRIPT} into a new database {@code NAME.compacting.mv.db} (the same settings), then its
     *     {@code SHUTDOWN}, and the new file forced to the disk;
     * <li>{@code SHUTDOWN} of the old database, and one atomic rename of the new file over the old one.
     * </ol>
     * A kill before the rename leaves the old file as it was (the next {@link #open} deletes the half-made
     * copy); after it, the new file is whole and closed. Every commit that returned is in the old file, so in
     * the copy. Not H2's own {@code SHUTDOWN COMPACT}: it copies the store's pages as they are, transaction
     * entries included, and after a kill in a run that compacted with it one file in about 8 kill-loop runs held
     * a row lock of a transaction that no longer existed, on which Quartz's start-up waited for ever. A copy
     * made through SQL holds no transaction state at all.
     *
     * @throws SQLException if a step before the rename fails (the old file is then left in place; the database
     *                      may already be shut down)
     */
    static void compact(Connection c, String url, String user, String password, Path file, long live, String when)
            throws SQLException {
        long before = file.toFile().length();
        long started = System.nanoTime();
        Path script = companion(file, ".compact.sql");
        Path copy = companion(file, ".compacting.mv.db");
        try {
            deleteCompactionLeftovers(file);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SCRIPT TO '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            String copyBase = copy.toAbsolutePath().toString();
            copyBase = copyBase.substring(0, copyBase.length() - ".mv.db".length());
            try (Connection n = java.sql.DriverManager.getConnection(copyUrl(url, copyBase), user, password);
                 java.sql.Statement s = n.createStatement()) {
                n.setAutoCommit(false);
                s.execute("RUNSCRIPT FROM '" + script.toAbsolutePath().toString().replace("'", "''") + "'");
                n.commit();
                s.execute("SHUTDOWN COMPACT");
            }
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(copy,
                    java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            Files.move(copy, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(script);
        } catch (java.io.IOException | SQLException | RuntimeException e) {
            // The old file is still the database; what was made of the copy only takes space.
            try {
                deleteCompactionLeftovers(file);
            } catch (java.io.IOException ignored) {
                // deleted by the next compaction or opening
            }
            if (e instanceof SQLException sql) {
                throw sql;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException("cannot write the compacted copy of " + file + ": " + e.getMessage(), e);
        }
        log.info("compacted {} {}: {} KB to {} KB (about {} KB live) in {} ms", file, when, before / 1024,
                file.toFile().length() / 1024, live / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code NAME.mv.db} -> {@code NAME<suffix>} beside it. */
    private static Path companion(Path file, String suffix) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()) + suffix);
    }

    /** What a compaction a kill interrupted left beside {@code file}: never the data, which is still in the file. */
    private static void deleteCompactionLeftovers(Path file) throws java.io.IOException {
        Files.deleteIfExists(companion(file, ".compact.sql"));
        Files.deleteIfExists(companion(file, ".compacting.mv.db"));
        Files.deleteIfExists(companion(file, ".compacting.trace.db"));
    }

    /**
     * The URL of the compacted copy at {@code base} (a file name without {@code .mv.db}): the settings of
     * {@code url} but H2's own write delay and space reuse, since the copy is only used once it is closed.
     */
    static String copyUrl(String url, String base) {
        StringBuilder result = new StringBuilder("jdbc:h2:file:").append(base);
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            String name = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
            if (!name.equals("WRITE_DELAY") && !name.equals("REUSE_SPACE")) {
                result.append(';').append(parts[i]);
            }
        }
        return result.toString();
    }

    /**
     * H2's estimate of the live data in its file, in bytes: the file's size times the share of it in chunks
     * ({@code info.FILL_RATE}) times the share of the chunks still referenced ({@code info.CHUNKS_FILL_RATE});
     * -1 if H2 does not say (another database). Whole percents: within 1% of the file either way.
     */
    static long liveEstimate(Connection c) throws SQLException {
        long size = -1;
        int fill = -1;
        int chunksFill = -1;
        try (java.sql.PreparedStatement s = c.prepareStatement("SELECT SETTING_NAME, SETTING_VALUE FROM "
                + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', "
                + "'info.CHUNKS_FILL_RATE')");
             java.sql.ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String value = r.getString(2).trim();
                switch (r.getString(1)) {
                    case "info.FILE_SIZE" -> size = Long.parseLong(value);
                    case "info.FILL_RATE" -> fill = Integer.parseInt(value);
                    case "info.CHUNKS_FILL_RATE" -> chunksFill = Integer.parseInt(value);
                    default -> { }
                }
            }
        }
        if (size < 0 || fill < 0 || chunksFill < 0) {
            return -1;
        }
        return size * fill / 100 * chunksFill / 100;
    }

    /**
     * The compactor thread: woken when a returned connection finds the file past {@link #checkAt}, it asks H2
     * how much is live and, when {@link #policy} says the file is due, pauses the pool (every connection
     * returned, new ones held back: nothing else uses the database), compacts ({@link #compact})
     * and opens a new pool. Its own thread rather than a Quartz job: Quartz's jobs hold connections of the
     * pool, which the pause waits for.
     */
    private void compactWhenDue() {
        while (!stopping) {
            try {
                synchronized (wake) {
                    if (!woken && !stopping) {
                        wake.wait(1000);
                    }
                    woken = false;
                }
                if (!stopping) {
                    compactIfDueNow();
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("could not compact {}: {}", h2File.orElseThrow(), e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void compactIfDueNow() throws SQLException, InterruptedException {
        Path file = h2File.orElseThrow();
        long size = file.toFile().length();
        if (size < checkAt || System.nanoTime() - nextTry < 0) {
            return;
        }
        long live;
        try (Connection c = pool.getConnection()) {
            live = liveEstimate(c);
        }
        if (live < 0) {
            checkAt = size + Math.max(policy.fromBytes(), 1L << 20);
            return;
        }
        if (!policy.due(size, live)) {
            checkAt = policy.dueAt(live);
            return;
        }
        java.time.Instant at = java.time.Instant.now();
        long started = System.nanoTime();
        boolean done = pool.whilePaused(QUIESCE_MAX_WAIT_MILLIS, () -> pool.reopen(old -> {
            // Opened before the pool closes, so that H2 does not close the database and open it again between.
            try (Connection c = java.sql.DriverManager.getConnection(old.getJdbcUrl(), old.getUsername(), old.getPassword())) {
                old.close();
                log.info("compacting {} while running ({} KB, about {} KB live)", file, size / 1024, live / 1024);
                compact(c, old.getJdbcUrl(), old.getUsername(), old.getPassword(), file, live, "while running");
            } catch (SQLException e) {
                throw new StorageException("cannot compact " + file + ": " + e.getMessage(), e);
            }
        }));
        if (!done) {
            // Something held its connection all that time (or waited, holding one, for a thread held back):
            // let it finish, and try again later rather than hold everyone back again at once.
            log.warn("compaction of {} put off for {} s: connections still in use after {} ms by {}", file,
                    retryAfterMillis / 1000, QUIESCE_MAX_WAIT_MILLIS, pool.lastHolders());
            nextTry = System.nanoTime() + retryAfterMillis * 1_000_000;
            retryAfterMillis = Math.min(retryAfterMillis * 2, 300_000);
            return;
        }
        retryAfterMillis = RETRY_AFTER_MILLIS;
        long after = file.toFile().length();
        compactions.add(new Compaction(at, size, live, after, (System.nanoTime() - started) / 1_000_000));
        checkAt = policy.dueAt(after);
    }

    private void connectionReturned() {
        if (compactor != null && !stopping && h2File.get().toFile().length() >= checkAt) {
            synchronized (wake) {
                woken = true;
                wake.notifyAll();
            }
        }
    }

    /**
     * H2's estimate of the live data in its file now, in bytes (see {@link #liveEstimate(Connection)}); -1 for
     * another database.
     *
     * @throws StorageException if the database cannot be asked
     */
    public long liveBytesEstimate() {
        if (h2File.isEmpty()) {
            return -1;
        }
        try (Connection c = pool.getConnection()) {
            return liveEstimate(c);
        } catch (SQLException e) {
            throw new StorageException("cannot read the size of the live data: " + e.getMessage(), e);
        }
    }

    /** The compactions done while this database was open, oldest first. */
    public List<Compaction> compactions() {
        return List.copyOf(compactions);
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
     * <li>{@code COMPRESS=TRUE}: pages are written compressed (LZF), as {@code SHUTDOWN COMPACT} writes them
     *     anyway; otherwise each page rewritten after a compaction grows back to its uncompressed size (about
     *     3.6x for conversation states), and H2's live-data estimate, which {@link CompactionPolicy} is applied
     *     to, mixes compressed and uncompressed sizes.
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
            List.of("WRITE_DELAY=0", "REUSE_SPACE=FALSE", "DB_CLOSE_ON_EXIT=FALSE", "COMPRESS=TRUE");

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

    /**
     * The pool. It can be paused for a compaction (see {@link #compactWhenDue}): a connection asked for then
     * comes once it is over; none handed out is ever closed under its user.
     */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Stops the compactor (letting a compaction under way finish), closes the pool, compacts an H2 file that
     * the policy says is due and leaves the clean-stop marker.
     */
    @Override
    public void close() {
        if (compactor != null) {
            stopping = true;
            synchronized (wake) {
                wake.notifyAll();
            }
            try {
                compactor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (h2File.isEmpty() || pool.isClosed()) {
            pool.close();
            return;
        }
        HikariDataSource current = pool.current();
        Path file = h2File.get();
        // On a connection of its own, opened before the pool closes: the pool's would each complain, in H2's
        // trace file, that the compaction closed the database under them.
        try (Connection c = java.sql.DriverManager.getConnection(current.getJdbcUrl(), current.getUsername(),
                current.getPassword())) {
            long live = liveEstimate(c);
            pool.close();
            if (live >= 0 && policy.due(file.toFile().length(), live)) {
                compact(c, current.getJdbcUrl(), current.getUsername(), current.getPassword(), file, live, "on closing");
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            log.warn("could not compact {} on closing: {}", file, e.getMessage());
        }
        try {
            Files.writeString(stopMarker(file), "stopped cleanly\n");
        } catch (java.io.IOException e) {
            log.warn("could not mark {} as cleanly stopped: {}", file, e.getMessage());
        }
    }
}
