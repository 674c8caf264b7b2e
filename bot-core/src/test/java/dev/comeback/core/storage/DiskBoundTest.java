package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long run of commits from four threads on a real H2 file, never restarted: at sampled points the file
 * is compared with its live data, measured as the size of a compacted copy of it with its pages compressed as
 * the running file stores them (uncompressed, the same data is about 3x larger: comparing with that would
 * favour the file).
 */
class DiskBoundTest {
    private static final int PHASES = 16;
    private static final int COMMITS_PER_PHASE = 1500;
    private static final int THREADS = 4;
    /** Small so that the ratio, not the floor, is what is tested: live data here reaches about 330 KB compressed. */
    private static final CompactionPolicy POLICY = new CompactionPolicy(256L << 10, 2.0, 128L << 20);
    /**
     * Files up to this size are within the bound whatever their live data: the policy's floor plus what the
     * writers commit between the check of the file's size and the pause (a few commits of a few KB each).
     */
    private static final long FLOOR = POLICY.fromBytes() + (512L << 10);

    @TempDir
    Path dir;

    @Test
    void aLongRunWithoutRestartsKeepsTheFileUnderThreeTimesItsLiveDataAndLosesNoCommit() throws Exception {
        Path file = dir.resolve("long.mv.db");
        Instant base = Instant.parse("2026-03-02T13:00:00Z");
        ConcurrentHashMap<String, Instant> lastWritten = new ConcurrentHashMap<>();
        List<long[]> samples = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(THREADS);
        try (Database db = Database.open(Database.h2FileUrl(file), "sa", "", THREADS, POLICY)) {
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            long commit = 0;
            for (int phase = 0; phase < PHASES; phase++) {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    long first = commit + (long) t * COMMITS_PER_PHASE / THREADS;
                    int thread = t;
                    done.add(writers.submit(() -> {
                        for (long i = first; i < first + COMMITS_PER_PHASE / THREADS; i++) {
                            // People keep coming (a new one every fourth commit) while the others go on.
                            String key = "test:t" + thread + "p" + (i % (1 + i / 4));
                            Instant at = base.plusSeconds(i);
                            store.save(key, ConversationState.fresh(at));
                            lastWritten.put(key, at);
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                commit += COMMITS_PER_PHASE;
                samples.add(sample(db, file, phase));
            }
            for (var e : lastWritten.entrySet()) {
                assertThat(store.load(e.getKey())).as(e.getKey()).get()
                        .extracting(ConversationState::updatedAt).isEqualTo(e.getValue());
            }
            assertThat(db.compactions()).as("compactions while running").hasSizeGreaterThan(2);
            long maxPause = db.compactions().stream().mapToLong(Database.Compaction::pauseMillis).max().orElse(0);
            System.out.printf("disk bound: %d commits, %d compactions, longest pause %d ms%n", commit,
                    db.compactions().size(), maxPause);
        } finally {
            writers.shutdownNow();
        }
        for (long[] s : samples) {
            System.out.printf("disk bound: after %,d commits file %,d KB, live %,d KB (%.2fx)%n", s[0], s[1] / 1024,
                    s[2] / 1024, (double) s[1] / s[2]);
        }
        for (long[] s : samples) {
            assertThat(s[1]).as("file after %d commits, live data %d bytes", s[0], s[2])
                    .isLessThanOrEqualTo(Math.max(3 * s[2], FLOOR))
                    .isLessThanOrEqualTo(s[2] + (256L << 20));
        }
        assertThat(samples.get(samples.size() - 1)[2]).as("live data at the end: the ratio was tested, not the floor")
                .isGreaterThan(FLOOR / 3);
    }

    /** {commits, file bytes, live bytes}, measured with the pool paused so that nothing writes meanwhile. */
    private long[] sample(Database db, Path file, int phase) throws Exception {
        PausablePool pool = (PausablePool) db.dataSource();
        Path copy = dir.resolve("sample.mv.db");
        Path compacted = dir.resolve("sample-compacted.mv.db");
        long[] size = new long[1];
        while (!pool.whilePaused(10_000, () -> {
            try {
                size[0] = Files.size(file);
                Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            Thread.sleep(10);
        }
        MVStore.compact(copy.toString(), compacted.toString(), true, null);
        long live = Files.size(compacted);
        Files.delete(copy);
        Files.delete(compacted);
        return new long[]{(long) (phase + 1) * COMMITS_PER_PHASE, size[0], live};
    }
}
