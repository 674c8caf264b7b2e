package dev.comeback.core.storage;

import dev.comeback.core.delivery.OutboxMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** V8 turns the outbox's zone-less times (written in the JVM's zone) into the same instants in UTC. */
class UtcMigrationTest {
    @TempDir
    Path dir;

    @Test
    void anOutboxRowWrittenBeforeV8KeepsItsInstant() throws Exception {
        String url = Database.durable(Database.h2FileUrl(dir.resolve("old")));
        Instant at = Instant.parse("2026-10-25T01:30:00Z");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .target("7").load().migrate();
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (platform, user_key, chat_id, chat_kind, "
                    + "urgency, replies, not_before, created_at) VALUES ('test', 'test:a', 'a', 'PRIVATE', 'REPLY', '[]', ?, ?)")) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setTimestamp(2, Timestamp.from(at));
                s.executeUpdate();
            }
        }
        try (Database db = Database.open(url, "sa", "", 2)) {
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
            assertThat(outbox.due("test", at.minusSeconds(1), 10)).isEmpty();
            List<OutboxMessage> due = outbox.due("test", at, 10);
            assertThat(due).singleElement().satisfies(m -> assertThat(m.notBefore()).isEqualTo(at));
        }
    }
}
