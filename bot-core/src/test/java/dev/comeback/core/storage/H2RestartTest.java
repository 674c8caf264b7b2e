package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class H2RestartTest {
    @TempDir
    Path dir;

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T13:00:00Z"), ZoneId.of("Europe/Berlin"));

    /** A policy under which nothing is due: the file grows as it would with no compaction at all. */
    private static final CompactionPolicy NEVER = new CompactionPolicy(1L << 40, 2.0, 1L << 40);

    /** Every commit appends a chunk; opening a file that grew so, after a clean stop or a crash, compacts it. */
    @Test
    void openingCompactsAFileOfMostlyDeadChunks() throws Exception {
        String url = Database.h2FileUrl(dir.resolve("growing"));
        Path file = dir.resolve("growing.mv.db");
        Path crashed = dir.resolve("crashed.mv.db");
        long grown;
        try (Database db = Database.open(url, "sa", "", 2, NEVER)) {
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            for (int i = 0; i < 1500; i++) {
                store.save("test:p" + (i % 20), ConversationState.fresh(clock.instant().plusSeconds(i)));
            }
            grown = Files.size(file);
            // The file as a kill would leave it: every commit written, never closed.
            Files.copy(file, crashed);
        }
        assertThat(grown).as("1500 commits, 20 rows").isGreaterThan(CompactionPolicy.DEFAULT.fromBytes());
        assertThat(Files.size(file)).as("after closing with nothing due").isGreaterThanOrEqualTo(grown);

        try (Database db = Database.open(url, "sa", "", 2)) {
            assertThat(Files.size(file)).as("opened after a clean stop").isLessThan(grown / 10);
        }
        try (Database db = Database.open(Database.h2FileUrl(dir.resolve("crashed")), "sa", "", 2)) {
            assertThat(Files.size(crashed)).as("opened after a crash").isLessThan(grown / 10);
            assertThat(new JdbcConversationStore(db.dataSource()).load("test:p19")).isPresent();
        }
    }

    /**
     * The compacted copy is made through SQL: every table (Quartz's and Flyway's included) keeps every row, and
     * identity columns go on from where they were rather than starting again.
     */
    @Test
    void aCompactedCopyHoldsEveryRowOfEveryTableAndIdentitiesGoOn() throws Exception {
        String url = Database.h2FileUrl(dir.resolve("copied"));
        Path file = dir.resolve("copied.mv.db");
        java.util.Map<String, Long> before;
        long lastId;
        try (Database db = Database.open(url, "sa", "", 2, NEVER)) {
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            for (int i = 0; i < 1500; i++) {
                store.save("test:p" + (i % 20), ConversationState.fresh(clock.instant().plusSeconds(i)));
            }
            lastId = insertOutboxRow(db.dataSource());
            before = rowCounts(db.dataSource());
        }
        long grown = Files.size(file);
        try (Database db = Database.open(url, "sa", "", 2)) {
            assertThat(Files.size(file)).as("compacted on opening").isLessThan(grown / 10);
            assertThat(rowCounts(db.dataSource())).isEqualTo(before);
            assertThat(insertOutboxRow(db.dataSource())).as("next outbox id").isGreaterThan(lastId);
            assertThat(new JdbcConversationStore(db.dataSource()).load("test:p19")).isPresent();
        }
        assertThat(before).as("tables seen").containsKeys("CONVERSATION", "OUTBOX", "QRTZ_TRIGGERS", "flyway_schema_history");
    }

    /** What a kill during a compaction leaves beside the file is deleted; the file is opened as it was. */
    @Test
    void leftoversOfAnInterruptedCompactionAreDeletedAndTheFileIsKept() throws Exception {
        String url = Database.h2FileUrl(dir.resolve("kept"));
        try (Database db = Database.open(url, "sa", "", 2)) {
            new JdbcConversationStore(db.dataSource()).save("test:kept", ConversationState.fresh(clock.instant()));
        }
        Path script = dir.resolve("kept.compact.sql");
        Path copy = dir.resolve("kept.compacting.mv.db");
        Files.writeString(script, "CREATE TABLE HALF_WRITTEN(");
        Files.write(copy, new byte[4096]);
        try (Database db = Database.open(url, "sa", "", 2)) {
            assertThat(new JdbcConversationStore(db.dataSource()).load("test:kept")).isPresent();
        }
        assertThat(script).doesNotExist();
        assertThat(copy).doesNotExist();
    }

    private static java.util.Map<String, Long> rowCounts(javax.sql.DataSource dataSource) throws Exception {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        try (java.sql.Connection c = dataSource.getConnection()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            try (java.sql.ResultSet r = c.getMetaData().getTables(null, "PUBLIC", "%", new String[]{"TABLE"})) {
                while (r.next()) {
                    tables.add(r.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (java.sql.Statement s = c.createStatement();
                     java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    r.next();
                    counts.put(table, r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Inserts an outbox row, deletes it (as delivery does) and returns the id it was given. */
    private static long insertOutboxRow(javax.sql.DataSource dataSource) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (platform, user_key, chat_id, "
                     + "chat_kind, urgency, replies, not_before, created_at) VALUES ('test', 'test:p', '1', 'PRIVATE', "
                     + "'NORMAL', '[]', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", new String[]{"ID"})) {
            insert.executeUpdate();
            try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM outbox WHERE id = " + id);
                }
                return id;
            }
        }
    }

    @Test
    void aConversationStoppedMidQuizContinuesWhereItWasAfterARestart() {
        String url = Database.h2FileUrl(dir.resolve("comeback"));
        try (Database db = Database.open(url, "sa", "", 2)) {
            ChatDriver chat = new ChatDriver(new JdbcConversationStore(db.dataSource()), clock, "bob");
            chat.send("/start").press("No").press("No").press("No");
            assertThat(chat.lastText()).contains("Question 4");
        }
        assertThat(Files.exists(dir.resolve("comeback.mv.db"))).isTrue();

        try (Database db = Database.open(url, "sa", "", 2)) {
            ChatDriver chat = new ChatDriver(new JdbcConversationStore(db.dataSource()), clock, "bob");
            chat.send("/start");
            assertThat(chat.lastText()).contains("Welcome back").contains("Question 4");
            chat.press("No");
            assertThat(chat.lastText()).contains("Question 5");
            ConversationState state = chat.state().orElseThrow();
            assertThat(state.stage()).isEqualTo(Stage.TRIAGE);
            assertThat(state.triageAnswers()).hasSize(4);
        }
    }

    @Test
    void theStoredStateIsReadableJsonWithStableNames() {
        String url = Database.h2FileUrl(dir.resolve("names"));
        try (Database db = Database.open(url, "sa", "", 1)) {
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            ChatDriver chat = new ChatDriver(store, clock, "carol");
            chat.send("/start").press("Yes");
            String json = StateCodec.encode(chat.state().orElseThrow());
            assertThat(json).contains("\"stage\":\"REFERRED\"").contains("\"outcome\":\"EMERGENCY\"")
                    .contains("\"schemaVersion\":5");
        }
    }

    @Test
    void theDefaultUrlWritesEveryCommitBeforeItReturns() {
        assertThat(Database.h2FileUrl(Path.of("/tmp/x.mv.db"))).isEqualTo("jdbc:h2:file:/tmp/x;WRITE_DELAY=0");
    }

    @Test
    void h2FilesAreOpenedInterruptSafeAppendingOnlyAndClosedByTheBot() {
        assertThat(Database.durable("jdbc:h2:file:./data/comeback;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:retry:./data/comeback;WRITE_DELAY=0;REUSE_SPACE=FALSE;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE");
        assertThat(Database.durable("jdbc:h2:file:retry:/tmp/x;reuse_space=true"))
                .isEqualTo("jdbc:h2:file:retry:/tmp/x;reuse_space=true;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;COMPRESS=TRUE");
        assertThat(Database.durable("jdbc:postgresql://db/comeback")).isEqualTo("jdbc:postgresql://db/comeback");
    }
}
