package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database file that is not what the bot wrote stops the start with a message naming the file, what is
 * wrong and what to do; it is never taken for a new database and started afresh over people's data.
 */
class DamagedDatabaseTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private static Run console(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEmptyFileIsNotTakenForANewDatabase() throws Exception {
        Files.createFile(dir.resolve("empty.mv.db"));
        Run run = console("/status\n", "--db", dir.resolve("empty").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("empty.mv.db").toString()).contains("is damaged")
                .contains("empty").contains("backup").contains("org.h2.tools.Recover");
        assertThat(run.out()).isEmpty();
        assertThat(Files.size(dir.resolve("empty.mv.db"))).isZero();
    }

    /**
     * A file as a kill leaves it (50 people's answers, committed, never closed), with its end cut off
     * somewhere inside its data: the start is refused with the file named, not made from whatever older
     * state H2 would still find (the last person's answers, or everyone's).
     */
    @ParameterizedTest
    @ValueSource(ints = {1000, 16 * 1024 + 100, 128 * 1024 + 7, 256 * 1024 + 2048, 3_000_000})
    void aFileWithItsEndCutOffStopsTheStart(int cut) throws Exception {
        Path live = dir.resolve("live");
        Database db = Database.open(Database.h2FileUrl(live), "sa", "", 4);
        Coach coach = new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
        for (int i = 0; i < 50; i++) {
            UserRef user = UserRef.of("console", "p" + i);
            ChatRef chat = ChatRef.privateChat("console", "p" + i);
            for (String text : new String[]{"/start", "no", "no", "no"}) {
                coach.handle(new Incoming.Text(user, chat, text, Instant.now()));
            }
        }
        Path damaged = dir.resolve("cut.mv.db");
        Files.copy(dir.resolve("live.mv.db"), damaged, StandardCopyOption.REPLACE_EXISTING);
        db.close();
        try (RandomAccessFile file = new RandomAccessFile(damaged.toFile(), "rw")) {
            file.setLength(Math.max(1, file.length() - cut));
        }
        long size = Files.size(damaged);

        Run run = console("/status\n", "--db", dir.resolve("cut").toString(), "--user", "p49");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(damaged.toString()).contains("is damaged").contains("backup")
                .contains("org.h2.tools.Recover");
        assertThat(run.out()).isEmpty();
        assertThat(Files.size(damaged)).as("the damaged file is left as it was").isEqualTo(size);
    }
}
