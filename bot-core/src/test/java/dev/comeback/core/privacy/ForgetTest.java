package dev.comeback.core.privacy;

import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** /forget, checked in the database itself: every table, Quartz's included, found through JDBC metadata. */
class ForgetTest {
    @TempDir
    Path dir;
    Database db;
    QuartzReminderScheduler scheduler;
    ChatDriver chat;
    ChatDriver other;

    @BeforeEach
    void start() throws SQLException {
        db = Database.open(Database.h2FileUrl(dir.resolve("comeback")), "sa", "", 4);
        // A year ahead of the real clock, so that Quartz (on real time) fires none of the planned reminders.
        VirtualClock clock = new VirtualClock(Instant.now().plus(Duration.ofDays(365)), ZoneId.of("UTC"));
        scheduler = QuartzReminderScheduler.start(db.dataSource(), new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
            }
        }, clock);
        JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
        chat = new ChatDriver(store, clock, "alice");
        other = new ChatDriver(store, clock, "bob");
        chat.coach().setTurnListener(new ReminderPlanSync(chat.coach(), scheduler, clock));
        other.coach().setTurnListener(new ReminderPlanSync(other.coach(), scheduler, clock));
        for (ChatDriver c : List.of(chat, other)) {
            Triage.toRecovery(c);
            c.advance(Duration.ofDays(1));
            Recovery.steadyCheckIn(c);
            c.advance(Duration.ofDays(1));
            Recovery.checkIn(c, 2, 3, "No session since last check-in");
            // A reply still waiting in the outbox, and an event noted on arrival.
            c.coach().handleQueued(new Incoming.Text(c.user(), c.chat(), "/status", c.now()), Optional.empty());
            new JdbcOutbox(db.dataSource()).received(new JdbcOutbox.Pending("test", c.user().key().hashCode(), c.user(), "/status", c.now()));
        }
        // A table a later migration might add (group memberships, say): found by its user_key column.
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE club_member (club VARCHAR(50) NOT NULL, user_key VARCHAR(200) NOT NULL)");
            s.execute("INSERT INTO club_member VALUES ('north', '" + chat.user().key() + "'), ('north', '" + other.user().key() + "')");
        }
    }

    @AfterEach
    void stop() {
        scheduler.close();
        db.close();
    }

    @Test
    void afterForgetNoTableHoldsThePersonsKeyAndTheirNextMessageStartsAfresh() throws Exception {
        String key = chat.user().key();
        assertThat(tablesHolding(key)).contains("CONVERSATION", "PROGRESS_EVENT", "OUTBOX", "INBOUND_PENDING",
                "CLUB_MEMBER", "QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS");

        chat.send("/forget");
        assertThat(chat.lastButtonLabels()).containsExactly("Yes, delete everything", "No, keep it");
        assertThat(tablesHolding(key)).contains("CONVERSATION");
        chat.press("Yes, delete everything");

        assertThat(chat.lastText()).contains("everything I had stored about you is deleted");
        assertThat(tablesHolding(key)).isEmpty();
        assertThat(scheduler.planned(key)).isEmpty();
        // Someone else's rows are untouched.
        assertThat(tablesHolding(other.user().key())).contains("CONVERSATION", "PROGRESS_EVENT", "CLUB_MEMBER", "QRTZ_JOB_DETAILS");

        chat.send("hello");
        assertThat(chat.lastText()).contains("Hi, I'm Comeback").contains("Question 1 of");
        assertThat(chat.state().orElseThrow().triageAnswers()).isEmpty();
        assertThat(chat.state().orElseThrow().profile().timeZone()).isEmpty();
        assertThat(chat.state().orElseThrow().recovery()).isEmpty();
    }

    @Test
    void noKeepsEverythingAndAnOldButtonDeletesNothing() throws Exception {
        String key = chat.user().key();
        chat.send("/forget").press("No, keep it");
        assertThat(chat.lastText()).contains("Nothing deleted.");
        chat.send("/forget");
        chat.advance(Duration.ofMinutes(20));
        chat.press("Yes, delete everything");
        assertThat(chat.lastText()).contains("too old to delete anything");
        assertThat(tablesHolding(key)).contains("CONVERSATION", "PROGRESS_EVENT", "QRTZ_JOB_DETAILS");
        assertThat(chat.state().orElseThrow().recovery()).isPresent();
    }

    /** Every table, in every schema but H2's own, with a cell (text, number or blob) containing {@code key}. */
    private List<String> tablesHolding(String key) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet t = c.getMetaData().getTables(null, null, "%", null)) {
                while (t.next()) {
                    String schema = t.getString("TABLE_SCHEM");
                    if (!"INFORMATION_SCHEMA".equalsIgnoreCase(schema)) {
                        tables.add(new String[] {schema, t.getString("TABLE_NAME")});
                    }
                }
            }
            assertThat(tables.size()).isGreaterThan(15);
            for (String[] table : tables) {
                try (Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT * FROM \"" + table[0] + "\".\"" + table[1] + "\"")) {
                    int columns = r.getMetaData().getColumnCount();
                    rows:
                    while (r.next()) {
                        for (int i = 1; i <= columns; i++) {
                            if (text(r.getObject(i)).contains(key)) {
                                found.add(table[1]);
                                break rows;
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String text(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
        }
        return String.valueOf(value);
    }
}
