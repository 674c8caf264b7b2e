package dev.comeback.bench.telegram;

import dev.comeback.bench.Fmt;
import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Samples;
import dev.comeback.bench.Scenario;
import dev.comeback.bench.Target;
import dev.comeback.bench.people.RecoveringStates;
import dev.comeback.core.Coach;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.time.ShiftableClock;
import dev.comeback.telegram.TelegramBot;
import dev.comeback.telegram.TelegramConfig;
import dev.comeback.telegram.fake.FakeBotApi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Issue 6, scenario 3: reminders that fall due all at once, delivered through the real Telegram adapter
 * (TelegramBots over loopback HTTP) to the fake Bot API server enforcing Telegram's limits, answering 429
 * beyond them. Meanwhile someone writes to the bot every two seconds and times the answer.
 */
public final class TelegramDeliveryScenario implements Scenario {
    private static final String TOKEN = "1000:bench-token";
    private static final long FIRST_CHAT = 1_000_000;
    private static final long TALKER_BASE = 9_000_000;
    private static final String ZONE = "Europe/Berlin";

    @Override
    public String name() {
        return "telegram";
    }

    @Override
    public String title() {
        return "3. Delivery at Telegram's limits";
    }

    @Override
    public List<String> jvmArgs() {
        return List.of("-Xmx512m");
    }

    @Override
    public void run(RunContext context, Results results) throws Exception {
        int count = context.size(3_000, 300);
        ShiftableClock clock = new ShiftableClock();
        Conversation conversation = new Conversation(ContentLoader.defaults());
        try (FakeBotApi api = FakeBotApi.start(TOKEN);
             Database db = Database.open(Database.h2FileUrl(context.workDir().resolve("telegram")), "sa", "", 8)) {
            api.enforceLimits(true);
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            Coach coach = new Coach(conversation, store);

            // Everyone started recovery at the same moment in the same zone, so their first reminder is one
            // and the same instant; the clock is moved there.
            Instant start = Instant.now();
            ConversationState state = new RecoveringStates(conversation, start).startedAt(start, ZONE);
            List<UserRef> people = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UserRef user = UserRef.of("telegram", String.valueOf(FIRST_CHAT + i));
                store.save(user.key(), state);
                people.add(user);
            }
            PlannedReminder due = coach.plannedReminders(people.get(0), start, start.plus(Duration.ofDays(2))).get(0);
            clock.shiftTo(due.dueAt());
            results.info("reminders due at once", Fmt.count(count) + " (" + due.id().split("@")[0] + ")");

            // The reminders fire (a proactive turn each, committed with its outbox row) before the bot
            // starts sending, so the drain below measures sending alone.
            long queueStart = System.nanoTime();
            queueAll(coach, people, due, clock);
            results.info("time to fire them (a turn each, 4 threads)", Fmt.seconds((System.nanoTime() - queueStart) / 1e9));

            TelegramConfig config = TelegramConfig.of(TOKEN, "http://127.0.0.1:" + api.port()).withPollTimeout(Duration.ofSeconds(1));
            try (TelegramBot bot = TelegramBot.start(config, coach, new JdbcOutbox(db.dataSource()), clock)) {
                Samples replyMillis = new Samples();
                AtomicInteger talker = new AtomicInteger();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                // The first conversation of the JVM loads and compiles the whole conversation path: not counted
                // here (start-up is scenario 4), but said.
                long firstReply = replyTime(api, TALKER_BASE);
                results.info("first reply of this JVM (cold, not counted below)", Fmt.millis(firstReply));
                while (delivered(api, count) < count && System.nanoTime() < deadline) {
                    Thread.sleep(2_000);
                    replyMillis.add(replyTime(api, TALKER_BASE + talker.incrementAndGet()));
                }

                report(results, api, count, replyMillis);
            }
        }
    }

    private static void queueAll(Coach coach, List<UserRef> people, PlannedReminder due, ShiftableClock clock) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < people.size(); i = next.getAndIncrement()) {
                    UserRef user = people.get(i);
                    coach.handleQueued(new Incoming.Due(user, ChatRef.privateChat(user.platform(), user.id()), due.id(),
                            due.dueAt(), clock.instant()), Optional.empty());
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
    }

    private static int delivered(FakeBotApi api, int count) {
        return (int) api.sent().stream().filter(m -> m.chatId() >= FIRST_CHAT && m.chatId() < FIRST_CHAT + count).count();
    }

    /** Someone new writes /start; milliseconds until the fake server has the bot's answer. */
    private static long replyTime(FakeBotApi api, long chat) throws InterruptedException {
        long before = System.nanoTime();
        api.pushText(chat, "private", chat, "/start");
        while (api.sentTo(chat).isEmpty()) {
            if (System.nanoTime() - before > Duration.ofSeconds(30).toNanos()) {
                return Duration.ofSeconds(30).toMillis();
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - before) / 1_000_000;
    }

    private static void report(Results results, FakeBotApi api, int count, Samples replyMillis) {
        List<FakeBotApi.SentMessage> reminders = api.sent().stream()
                .filter(m -> m.chatId() >= FIRST_CHAT && m.chatId() < FIRST_CHAT + count).toList();
        Map<Long, Long> perChat = reminders.stream().collect(Collectors.groupingBy(FakeBotApi.SentMessage::chatId, Collectors.counting()));
        results.check("every reminder delivered", perChat.size() == count, Fmt.count(perChat.size()) + " of " + Fmt.count(count) + " people");
        results.check("none delivered twice", perChat.values().stream().allMatch(n -> n == 1),
                Fmt.count(perChat.values().stream().filter(n -> n > 1).count()) + " people got more than one");
        results.check("no 429 caused by Comeback's pacing", api.tooManyRequestsAnswered() == 0,
                api.tooManyRequestsAnswered() + " answered");

        List<Instant> times = reminders.stream().map(FakeBotApi.SentMessage::at).sorted().toList();
        if (times.size() > 1) {
            // Sustained: the middle 80% of the drain, leaving out the warm-up of a fresh JVM and the tail.
            int from = times.size() / 10;
            int to = times.size() - 1 - times.size() / 10;
            double middle = (to - from) / (Duration.between(times.get(from), times.get(to)).toNanos() / 1e9);
            double overall = (times.size() - 1) / (Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9);
            results.measured("sustained delivery rate (middle 80% of the drain)", middle, Fmt.rate(middle, "messages"),
                    Target.atLeast(27, ">= 27 messages/s (Telegram allows 30)"));
            results.info("first to last message", Fmt.rate(overall, "messages") + " over "
                    + Fmt.seconds(Duration.between(times.get(0), times.get(times.size() - 1)).toNanos() / 1e9));
            results.check("never over 30 in any second", maxInAnySecond(times) <= 30, maxInAnySecond(times) + " at most in one second");
        }
        Samples.Summary replies = replyMillis.summary();
        results.measured("reply to someone writing during the drain, max", replies.max(),
                Fmt.millis(replies.max()) + " (p50 " + Fmt.millis(replies.p50()) + ", " + replies.count() + " replies)",
                Target.below(1000, "< 1 s"));
        results.note("Discord: no Discord adapter exists yet, so its REST limit is not measured.");
    }

    private static int maxInAnySecond(List<Instant> sorted) {
        int best = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (Duration.between(sorted.get(from), sorted.get(to)).compareTo(Duration.ofSeconds(1)) >= 0) {
                from++;
            }
            best = Math.max(best, to - from + 1);
        }
        return best;
    }

}
