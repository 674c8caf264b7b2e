package dev.comeback.core.delivery;

import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.storage.TurnCommit;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform-neutral dispatcher on a virtual clock, with a scripted sender and a real outbox on H2: each
 * outcome a platform can give, in milliseconds of real time.
 */
class DispatcherTest {
    private static final Pacer.Limits PACING = new Pacer.Limits(28, 27.5, Duration.ofMillis(1050), 1, Duration.ofSeconds(61), 20);
    private static final Instant T0 = Instant.parse("2026-03-02T13:00:00Z");
    private static final UserRef ANN = UserRef.of("test", "ann");
    private static final UserRef BOB = UserRef.of("test", "bob");

    @TempDir
    Path dir;
    private final VirtualClock clock = new VirtualClock(T0, ZoneId.of("UTC"));
    private Database db;
    private JdbcOutbox outbox;
    private JdbcConversationStore store;
    private final ScriptedSender sender = new ScriptedSender();
    private final List<UserRef> unreachable = new ArrayList<>();
    private Dispatcher dispatcher;

    /** Answers with the scripted outcomes in order, then {@link Outcome.Sent}; records every call. */
    final class ScriptedSender implements PlatformSender {
        final Deque<Outcome> script = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();
        DeliveryLimits limits = new DeliveryLimits(PACING, 200);

        @Override
        public String platform() {
            return "test";
        }

        @Override
        public DeliveryLimits limits() {
            return limits;
        }

        @Override
        public String escape(String text) {
            return text.replace("*", "\\*");
        }

        @Override
        public Outcome send(OutboxMessage message, Part part, int index) {
            calls.add(clock.instant() + " " + message.chat().id() + "#" + index);
            Outcome outcome = script.isEmpty() ? new Outcome.Sent() : script.removeFirst();
            if (outcome instanceof Outcome.Sent) {
                delivered.add(message.chat().id() + ":" + part.text());
            }
            return outcome;
        }
    }

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("dispatch")), "sa", "", 2);
        outbox = new JdbcOutbox(db.dataSource());
        store = new JdbcConversationStore(db.dataSource());
        start();
    }

    private void start() {
        dispatcher = new Dispatcher(outbox, sender, (user, at) -> unreachable.add(user), clock, Runnable::run, 1);
    }

    @AfterEach
    void close() {
        dispatcher.close();
        db.close();
    }

    private void queue(UserRef user, Urgency urgency, Reply... replies) {
        store.commit(new TurnCommit("", Optional.empty(), Optional.of(new dev.comeback.core.delivery.Outgoing(user,
                ChatRef.privateChat("test", user.id()), urgency, List.of(replies), clock.instant())), Optional.empty()));
    }

    /** Runs the dispatcher until nothing more may go at the current virtual time. */
    private void drain() {
        for (int i = 0; i < 50; i++) {
            int before = sender.calls.size();
            dispatcher.dispatchDue();
            if (sender.calls.size() == before) {
                return;
            }
        }
    }

    @Test
    void aRateLimitHoldsTheChatUntilThePlatformsTimeThenTheMessageGoesOnce() {
        sender.script.add(new Outcome.RateLimited(T0.plusSeconds(17), false));
        queue(ANN, Urgency.REPLY, Reply.text("hello"));

        drain();
        assertThat(sender.calls).hasSize(1);
        clock.advance(Duration.ofMillis(16_999));
        drain();
        assertThat(sender.calls).hasSize(1);
        clock.advance(Duration.ofMillis(1));
        drain();

        assertThat(sender.calls).containsExactly(T0 + " ann#0", T0.plusSeconds(17) + " ann#0");
        assertThat(sender.delivered).containsExactly("ann:hello");
        assertThat(outbox.pending("test")).isZero();
        assertThat(dispatcher.stats().rateLimited()).isEqualTo(1);
    }

    @Test
    void aBotWideRateLimitHoldsEveryChat() {
        sender.script.add(new Outcome.RateLimited(T0.plusSeconds(5), true));
        queue(ANN, Urgency.REPLY, Reply.text("to ann"));
        drain();
        queue(BOB, Urgency.REPLY, Reply.text("to bob"));
        drain();
        assertThat(sender.delivered).isEmpty();
        clock.advance(Duration.ofSeconds(5));
        drain();
        assertThat(sender.delivered).containsExactlyInAnyOrder("ann:to ann", "bob:to bob");
    }

    @Test
    void aReplyIsRetriedWithBackoffForABoundedTimeThenDropped() {
        for (int i = 0; i < 100; i++) {
            sender.script.add(new Outcome.Transient("500"));
        }
        queue(ANN, Urgency.REPLY, Reply.text("hello"));
        List<Instant> tries = new ArrayList<>();
        for (int i = 0; i < 2000 && outbox.pending("test") > 0; i++) {
            int before = sender.calls.size();
            dispatcher.dispatchDue();
            if (sender.calls.size() > before) {
                tries.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(500));
        }
        assertThat(outbox.pending("test")).isZero();
        assertThat(sender.delivered).isEmpty();
        assertThat(dispatcher.stats().dropped()).isEqualTo(1);
        // 1, 2, 4, 8 ... seconds apart, and never past the reply's ten minutes.
        assertThat(Duration.between(tries.get(0), tries.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(tries.get(1), tries.get(2))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(tries.get(tries.size() - 1)).isBefore(T0.plus(DeliveryLimits.REPLY_RETRY_FOR));
    }

    @Test
    void aReminderThatCouldNotGoOutBeforeItIsStaleIsDropped() {
        queue(ANN, Urgency.PROACTIVE, Reply.text("time to walk"));
        clock.advance(DeliveryLimits.STALE_AFTER.plusMinutes(1));
        queue(BOB, Urgency.PROACTIVE, Reply.text("fresh one"));
        drain();
        assertThat(sender.delivered).containsExactly("bob:fresh one");
        assertThat(outbox.pending("test")).isZero();
        assertThat(dispatcher.stats().dropped()).isEqualTo(1);
    }

    @Test
    void anUnreachablePersonIsPausedAndTheirQueuedRemindersDropped() {
        sender.script.add(new Outcome.Unreachable("blocked"));
        queue(ANN, Urgency.REPLY, Reply.text("one"));
        queue(ANN, Urgency.PROACTIVE, Reply.text("reminder"));
        drain();
        assertThat(unreachable).containsExactly(ANN);
        assertThat(outbox.pending("test")).isZero();
    }

    @Test
    void aRejectedMessageIsDroppedAndTheNextOneGoes() {
        sender.script.add(new Outcome.Rejected("bad request"));
        queue(ANN, Urgency.REPLY, Reply.text("one"));
        queue(ANN, Urgency.REPLY, Reply.text("two"));
        drain();
        clock.advance(Duration.ofSeconds(2));
        drain();
        assertThat(sender.delivered).containsExactly("ann:two");
    }

    @Test
    void aLongTurnIsSplitUnderTheLimitAsEscapedAndResumesAtThePartThatFailed() {
        String text = ("word* ".repeat(20) + "\n").repeat(5).strip();
        sender.script.add(new Outcome.Sent());
        sender.script.add(new Outcome.Transient("dropped connection"));
        queue(ANN, Urgency.REPLY, Reply.text(text), Reply.choices("Done?", List.of(new Button("Done", "done"))));
        for (int i = 0; i < 20 && outbox.pending("test") > 0; i++) {
            drain();
            clock.advance(Duration.ofSeconds(2));
        }

        List<Part> parts = new Layout(200, sender::escape).parts(List.of(Reply.text(text),
                Reply.choices("Done?", List.of(new Button("Done", "done")))));
        assertThat(parts.size()).isGreaterThan(2);
        assertThat(parts).allSatisfy(p -> assertThat(sender.escape(p.text()).length()).isLessThanOrEqualTo(200));
        assertThat(parts.get(parts.size() - 1).buttons()).extracting(Button::data).containsExactly("done");
        assertThat(sender.delivered).hasSize(parts.size());
        assertThat(sender.calls.stream().filter(c -> c.endsWith("#0"))).hasSize(1);
        assertThat(sender.calls.stream().filter(c -> c.endsWith("#1"))).hasSize(2);
        assertThat(outbox.pending("test")).isZero();
    }

    @Test
    void oneChatsMessagesArePacedAndKeepTheirOrder() {
        queue(ANN, Urgency.REPLY, Reply.text("first"));
        queue(ANN, Urgency.REPLY, Reply.text("second"));
        queue(BOB, Urgency.REPLY, Reply.text("bob's"));
        drain();
        assertThat(sender.delivered).containsExactly("ann:first", "bob:bob's");
        clock.advance(Duration.ofMillis(1049));
        drain();
        assertThat(sender.delivered).hasSize(2);
        clock.advance(Duration.ofMillis(1));
        drain();
        assertThat(sender.delivered).containsExactly("ann:first", "bob:bob's", "ann:second");
    }

    @Test
    void theGroupPolicyIsAReplyElementEveryPlatformSees() {
        List<Part> parts = new Layout(200, s -> s).parts(List.of(Reply.text("I coach privately.").withPrivatePointer()));
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.privatePointer()).isTrue());
    }
}
