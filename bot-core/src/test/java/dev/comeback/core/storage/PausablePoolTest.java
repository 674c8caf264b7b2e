package dev.comeback.core.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The pause a compaction runs in, on a real H2 file. */
class PausablePoolTest {
    @TempDir
    Path dir;

    private final AtomicInteger opened = new AtomicInteger();
    private PausablePool pool;

    private PausablePool open() {
        pool = new PausablePool(() -> {
            opened.incrementAndGet();
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(Database.durable(Database.h2FileUrl(dir.resolve("pool"))));
            config.setUsername("sa");
            config.setPassword("");
            config.setMaximumPoolSize(4);
            return new HikariDataSource(config);
        }, () -> { });
        return pool;
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void aPauseWaitsForTheConnectionInUseAndHoldsNewOnesBackUntilTheNewPoolIsOpen() throws Exception {
        PausablePool pool = open();
        try (Connection c = pool.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (v INT)");
        }
        Connection held = pool.getConnection();
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> pause = CompletableFuture.supplyAsync(() -> {
            try {
                return pool.whilePaused(10_000, () -> pool.reopen(old -> {
                    working.countDown();
                    await(finish);
                }));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(working.getCount()).as("work started while a connection is in use").isEqualTo(1);
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try (Connection c = pool.getConnection(); ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM t")) {
                r.next();
                return r.getInt(1);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // The holder can still take a second connection (it could not return the first otherwise).
        try (Connection second = pool.getConnection()) {
            second.createStatement().execute("INSERT INTO t VALUES (1)");
        }
        held.close();
        assertThat(working.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(waiting).as("a connection asked for during the pause").isNotDone();
        finish.countDown();
        assertThat(pause.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).as("rows seen after the pause").isEqualTo(1);
        assertThat(opened).as("pools opened").hasValue(2);
    }

    @Test
    void aConnectionHeldPastTheWaitPutsThePauseOffAndNamesItsThread() throws Exception {
        PausablePool pool = open();
        try (Connection held = pool.getConnection()) {
            boolean ran = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.whilePaused(300, () -> {
                        throw new AssertionError("ran with a connection in use");
                    });
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(5, TimeUnit.SECONDS);
            assertThat(ran).isFalse();
            assertThat(pool.lastHolders()).containsExactly(Thread.currentThread().getName());
            // Not paused any more: another thread gets a connection at once.
            try (Connection other = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.getConnection();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get(5, TimeUnit.SECONDS)) {
                assertThat(other.isValid(1)).isTrue();
            }
        }
        assertThat(opened).hasValue(1);
    }

    @Test
    void thePolicyIsDueAtTwiceTheLiveDataOrPastTheDeadLimitAndNeverBelowTheFloor() {
        CompactionPolicy policy = CompactionPolicy.DEFAULT;
        assertThat(policy.dueAt(1L << 20)).as("1 MB live: the floor").isEqualTo(8L << 20);
        assertThat(policy.dueAt(20L << 20)).as("20 MB live").isEqualTo(40L << 20);
        assertThat(policy.dueAt(1L << 30)).as("1 GB live: 128 MB dead").isEqualTo((1L << 30) + (128L << 20));
        assertThat(policy.due(39L << 20, 20L << 20)).isFalse();
        assertThat(policy.due(40L << 20, 20L << 20)).isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
