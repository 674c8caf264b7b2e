package dev.comeback.core.scheduling;

import dev.comeback.core.scheduling.DeliveryLog.Outcome;
import dev.comeback.core.storage.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same scheduler on PostgreSQL (PostgreSQLDelegate, the postgresql migration folder). Runs only when
 * COMEBACK_TEST_POSTGRES_URL names a throwaway database (user and password in COMEBACK_TEST_POSTGRES_USER
 * and COMEBACK_TEST_POSTGRES_PASSWORD): its public schema is dropped first.
 */
@EnabledIfEnvironmentVariable(named = "COMEBACK_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.*")
class PostgresReminderSchedulerTest {
    private static final String URL = System.getenv("COMEBACK_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("COMEBACK_TEST_POSTGRES_USER", "comeback");
    private static final String PASSWORD = System.getenv().getOrDefault("COMEBACK_TEST_POSTGRES_PASSWORD", "");
    private static final String ANN = "telegram:1001";

    @BeforeEach
    void emptyDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    @Test
    void remindersFireOnceSurviveARestartAndStaleOnesAreSkippedTogether() {
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ScheduledReminder stale1 = ScheduledReminder.of(ANN, "ice:1", t.minus(Duration.ofHours(3)), Duration.ofMinutes(30));
        ScheduledReminder stale2 = ScheduledReminder.of(ANN, "ice:2", t.minus(Duration.ofHours(2)), Duration.ofMinutes(30));
        ScheduledReminder soon = ScheduledReminder.of(ANN, "ice:3", t.plusMillis(1500), Duration.ofMinutes(30));
        ScheduledReminder later = ScheduledReminder.of(ANN, "walk:1", t.plus(Duration.ofHours(2)), Duration.ofHours(1));
        try (Database db = Database.open(URL, USER, PASSWORD, 4);
             QuartzReminderScheduler before = QuartzReminderScheduler.open(db.dataSource(), new RecordingHandler(),
                     Clock.systemUTC())) {
            before.schedule(ANN, List.of(stale1, stale2, soon, later));
            assertThat(before.planned(ANN)).containsExactly(stale1, stale2, soon, later);
        }

        RecordingHandler handler = new RecordingHandler();
        try (Database db = Database.open(URL, USER, PASSWORD, 4);
             QuartzReminderScheduler after = QuartzReminderScheduler.start(db.dataSource(), handler, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(6)).until(() -> handler.due.size() == 1 && handler.stale.size() == 1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> handler.due.size() == 1 && handler.stale.size() == 1);
            assertThat(handler.stale.get(0).skipped()).containsExactly(stale1, stale2);
            assertThat(handler.dueIds()).containsExactly("ice:3");
            assertThat(handler.due.get(0).firedAt()).isAfterOrEqualTo(soon.due());
            assertThat(after.planned(ANN)).containsExactly(later);
            assertThat(new DeliveryLog(db.dataSource()).outcome(ANN, "ice:3")).contains(Outcome.DELIVERED);
        }
    }
}
