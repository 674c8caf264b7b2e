package dev.comeback.core.delivery;

import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.storage.TurnCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Files through the dispatcher: made on its render thread just before sending, within the platform's limits. */
class DispatcherFilesTest {
    private static final UserRef ANN = UserRef.of("test", "ann");

    @TempDir
    Path dir;
    private Database db;
    private JdbcOutbox outbox;
    private JdbcConversationStore store;
    private final List<Part> sent = new CopyOnWriteArrayList<>();
    private final List<String> renderThreads = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("files")), "sa", "", 4);
        outbox = new JdbcOutbox(db.dataSource());
        store = new JdbcConversationStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Part> deliver(Function<Attachment, byte[]> files, Reply... replies) {
        PlatformSender sender = new PlatformSender() {
            final DeliveryLimits limits = new DeliveryLimits(new Pacer.Limits(1000, 1000, Duration.ofMillis(1), 1,
                    Duration.ofMillis(1), 1000), 200).withFiles(100, 2048, 4096);

            @Override
            public String platform() {
                return "test";
            }

            @Override
            public DeliveryLimits limits() {
                return limits;
            }

            @Override
            public Outcome send(OutboxMessage message, Part part, int index) {
                sent.add(part);
                return Outcome.sent();
            }
        };
        try (Dispatcher dispatcher = new Dispatcher(outbox, sender, (u, a) -> { }, Clock.systemUTC(), 1)) {
            dispatcher.renderFilesWith((user, attachment, now) -> {
                renderThreads.add(Thread.currentThread().getName());
                return new FileData(attachment.kind(), files.apply(attachment));
            });
            store.commit(new TurnCommit(ANN.key(), Optional.empty(), Optional.of(new Outgoing(ANN,
                    ChatRef.privateChat("test", "ann"), Urgency.REPLY, List.of(replies), Instant.now())), Optional.empty()));
            dispatcher.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> outbox.pending("test") == 0);
        }
        return List.copyOf(sent);
    }

    @Test
    void aFileIsMadeOnTheRenderThreadAndSentWithItsCaptionBetweenTheTextsAroundIt() {
        List<Part> parts = deliver(a -> new byte[] {1, 2, 3}, Reply.text("before"),
                Reply.file("your chart", Attachment.of(Attachment.Kind.CHART)), Reply.text("after"));
        assertThat(parts).extracting(Part::text).containsExactly("before", "your chart", "after");
        assertThat(parts.get(1).file()).get().satisfies(f -> {
            assertThat(f.photo()).isTrue();
            assertThat(f.bytes()).containsExactly(1, 2, 3);
        });
        assertThat(renderThreads).singleElement().asString().startsWith("test-render");
    }

    @Test
    void aPhotoOverThePhotoLimitGoesAsADocumentAndAFileOverTheFileLimitAsASentence() {
        List<Part> parts = deliver(a -> new byte[a.kind() == Attachment.Kind.CHART ? 3000 : 5000],
                Reply.file("chart", Attachment.of(Attachment.Kind.CHART)), Reply.file("report", Attachment.of(Attachment.Kind.REPORT)));
        assertThat(parts.get(0).file()).get().satisfies(f -> assertThat(f.photo()).isFalse());
        assertThat(parts.get(1).file()).isEmpty();
        assertThat(parts.get(1).text()).startsWith("report\nThat file came out at 4 KB, more than the 4 KB");
    }

    @Test
    void aFileThatCannotBeMadeIsReplacedBySayingSo() {
        List<Part> parts = deliver(a -> {
            throw new IllegalStateException("nothing stored");
        }, Reply.file("export", Attachment.of(Attachment.Kind.EXPORT)));
        assertThat(parts).singleElement().satisfies(p -> {
            assertThat(p.file()).isEmpty();
            assertThat(p.text()).isEqualTo("export\n" + Dispatcher.FILE_FAILED);
        });
    }

    @Test
    void aCaptionLongerThanThePlatformAllowsGoesAsTextBeforeTheFile() {
        String caption = "word ".repeat(40).strip();
        List<Part> parts = deliver(a -> new byte[] {7}, Reply.file(caption, Attachment.of(Attachment.Kind.CHART)));
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).text()).isEqualTo(caption);
        assertThat(parts.get(0).file()).isEmpty();
        assertThat(parts.get(1).text()).isEmpty();
        assertThat(parts.get(1).file()).isPresent();
    }
}
