package dev.comeback.core.storage;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The subprocess of {@link H2ChunkReuseTest}: prints how many rows the database at {@code args[0]} holds,
 * then commits a burst of rows from a few threads at once (each its own transaction), prints {@code done
 * N} with the number of rows it has seen committed, and waits to be killed.
 */
public final class BurstWriter {
    private BurstWriter() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int threads = Integer.parseInt(args[1]);
        int perThread = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long rows;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE IF NOT EXISTS burst (id BIGINT PRIMARY KEY, v VARCHAR(2000))");
            try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM burst")) {
                r.next();
                rows = r.getLong(1);
                out.println("rows " + rows);
                long base = r.getLong(2) + 1;
                List<Thread> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    long first = base + (long) t * perThread;
                    Thread writer = new Thread(() -> write(url, first, perThread));
                    writers.add(writer);
                    writer.start();
                }
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            // Killed with this connection open: closing the last one would close the database cleanly.
            out.println("done " + (rows + (long) threads * perThread));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void write(String url, long first, int count) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.setAutoCommit(false);
            for (long id = first; id < first + count; id++) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO burst VALUES (?, ?)")) {
                    s.setLong(1, id);
                    s.setString(2, "x".repeat(300));
                    s.executeUpdate();
                }
                c.commit();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
