package dev.comeback.core.storage;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The application's one pool of connections, which can be paused: {@link #whilePaused} waits until every
 * connection handed out has been returned while holding back new ones, closes the pool, runs a piece of work
 * on a database nobody uses, and opens a fresh pool. Threads asking for a connection meanwhile wait; none
 * sees a closed database. A thread that already holds a connection gets another without waiting (it could
 * not return the first otherwise).
 */
final class PausablePool implements DataSource {
    private final Supplier<HikariDataSource> opener;
    private final Runnable onReturn;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ThreadLocal<AtomicInteger> heldByThread = ThreadLocal.withInitial(AtomicInteger::new);
    /** Each connection handed out and not yet returned, with the thread it went to (for the log). */
    private final java.util.Map<Object, String> outstanding = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile HikariDataSource pool;
    private volatile List<String> lastHolders = List.of();
    private int inUse;
    private boolean paused;
    private boolean closed;

    /**
     * @param opener   opens a pool (the first now, another after each pause)
     * @param onReturn run on the returning thread after each connection is returned (must be quick)
     */
    PausablePool(Supplier<HikariDataSource> opener, Runnable onReturn) {
        this.opener = opener;
        this.onReturn = onReturn;
        this.pool = opener.get();
    }

    /** The threads that held a connection when {@link #whilePaused} last gave up. */
    List<String> lastHolders() {
        return lastHolders;
    }

    /** The threads holding a connection now, one entry per connection. */
    List<String> holders() {
        return List.copyOf(outstanding.values());
    }

    /** The pool in use now (for its URL and credentials). */
    HikariDataSource current() {
        return pool;
    }

    @Override
    public Connection getConnection() throws SQLException {
        AtomicInteger mine = heldByThread.get();
        lock.lock();
        try {
            while (paused && mine.get() == 0 && !closed) {
                changed.await();
            }
            if (pool.isClosed() && !closed) {
                // A pause whose new pool failed to open (the file could not be opened just then): again now.
                try {
                    pool = opener.get();
                } catch (RuntimeException e) {
                    throw new SQLException("cannot open the database again after compacting it: " + e.getMessage(), e);
                }
            }
            inUse++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the database was being compacted", e);
        } finally {
            lock.unlock();
        }
        mine.incrementAndGet();
        try {
            return handOut(pool.getConnection(), mine);
        } catch (SQLException | RuntimeException e) {
            returned(mine);
            throw e;
        }
    }

    private Connection handOut(Connection connection, AtomicInteger owner) {
        AtomicBoolean open = new AtomicBoolean(true);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
                if (open.compareAndSet(true, false)) {
                    outstanding.remove(open);
                    try {
                        connection.close();
                    } finally {
                        returned(owner);
                        onReturn.run();
                    }
                }
                return null;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        Connection proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[]{Connection.class}, handler);
        outstanding.put(open, Thread.currentThread().getName());
        return proxy;
    }

    private void returned(AtomicInteger owner) {
        owner.decrementAndGet();
        lock.lock();
        try {
            inUse--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Holds back new connections, waits up to {@code maxWaitMillis} for those in use to be returned, then
     * runs {@code work} (which may {@link #reopen} the pool) and lets the waiting threads go on.
     *
     * @return false, having run nothing, if connections were still in use after {@code maxWaitMillis} or the
     *         pool is closed (a pause already under way is waited for first)
     * @throws RuntimeException what {@code work} or opening the new pool threw (the new pool is tried again
     *         by the next {@link #whilePaused}, and waiting threads get a {@link SQLException} meanwhile)
     */
    boolean whilePaused(long maxWaitMillis, Runnable work) throws InterruptedException {
        lock.lock();
        try {
            // Another pause first runs to its end.
            while (paused && !closed) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
        lock.lock();
        try {
            if (paused || closed) {
                return false;
            }
            paused = true;
            long left = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
            // This thread's own connections would never be returned while it waits.
            while (inUse > 0) {
                if (left <= 0) {
                    lastHolders = holders();
                    paused = false;
                    changed.signalAll();
                    return false;
                }
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            paused = false;
            changed.signalAll();
            throw e;
        } finally {
            lock.unlock();
        }
        try {
            work.run();
        } finally {
            lock.lock();
            try {
                paused = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Only inside {@link #whilePaused}: runs {@code closing} on the pool (which may open a connection of its
     * own first, to keep the database open), closes the pool and opens a new one.
     */
    void reopen(java.util.function.Consumer<HikariDataSource> closing) {
        if (!paused) {
            throw new IllegalStateException("the pool is reopened only while paused");
        }
        try {
            closing.accept(pool);
        } finally {
            pool.close();
        }
        pool = opener.get();
    }

    /** Closes the pool; threads waiting for a pause to end get a closed pool's error. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        pool.close();
    }

    boolean isClosed() {
        return closed || pool.isClosed();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's own credentials are used");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("dev.comeback.core.storage");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    @Override
    public String toString() {
        return "pausable " + pool;
    }
}
