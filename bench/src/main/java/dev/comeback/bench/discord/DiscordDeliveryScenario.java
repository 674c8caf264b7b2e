package dev.comeback.bench.discord;

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
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.discord.DiscordBot;
import dev.comeback.discord.DiscordConfig;
import dev.comeback.discord.fake.FakeDiscord;
import dev.comeback.core.time.ShiftableClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Issue 14, scenario 3 on Discord: reminders that fall due all at once, delivered by DM through the real
 * Discord adapter (real JDA over loopback) to the fake Discord enforcing Discord's limits (50 requests in any
 * second, 5 messages per 5 seconds per channel), answering 429 beyond them. Meanwhile someone runs /start in
 * their DMs every two seconds and times the answer.
 */
public final class DiscordDeliveryScenario implements Scenario {
    private static final String TOKEN = "MTAwMA.bench.discord-token";
    private static final long FIRST_USER = 600_000_000_000_000_000L;
    private static final long TALKER_BASE = 690_000_000_000_000_000L;
    private static final String ZONE = "Europe/Berlin";

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public String title() {
        return "3b. Delivery at Discord's limits";
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
        try (FakeDiscord discord = FakeDiscord.start();
             Database db = Database.open(Database.h2FileUrl(context.workDir().resolve("discord")), "sa", "", 8)) {
            discord.enforceLimits(true);
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            Coach coach = new Coach(conversation, store);

            Instant start = Instant.now();
            ConversationState state = new RecoveringStates(conversation, start).startedAt(start, ZONE);
            List<UserRef> people = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                UserRef user = UserRef.of(DiscordBot.PLATFORM, String.valueOf(FIRST_USER + i));
                store.save(user.key(), state);
                people.add(user);
            }
            PlannedReminder due = coach.plannedReminders(people.get(0), start, start.plus(Duration.ofDays(2))).get(0);
            clock.shiftTo(due.dueAt());
            results.info("reminders due at once", Fmt.count(count) + " (" + due.id().split("@")[0] + ")");

            long queueStart = System.nanoTime();
            queueAll(coach, people, due, clock);
            results.info("time to fire them (a turn each, 4 threads)", Fmt.seconds((System.nanoTime() - queueStart) / 1e9));

            DiscordConfig config = DiscordConfig.of(TOKEN, discord.apiUrl(), discord.gatewayUrl());
            long drainStart = System.nanoTime();
            try (DiscordBot bot = DiscordBot.start(config, coach, new JdbcOutbox(db.dataSource()), clock)) {
                Samples replyMillis = new Samples();
                AtomicInteger talker = new AtomicInteger();
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                long firstReply = replyTime(discord, String.valueOf(TALKER_BASE));
                results.info("first reply of this JVM (cold, not counted below)", Fmt.millis(firstReply));
                while (delivered(discord, count) < count && System.nanoTime() < deadline) {
                    Thread.sleep(2_000);
                    replyMillis.add(replyTime(discord, String.valueOf(TALKER_BASE + talker.incrementAndGet())));
                }
                results.info("drain, from the bot's start", Fmt.seconds((System.nanoTime() - drainStart) / 1e9));
                report(results, discord, count, replyMillis);
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
                    coach.handleQueued(new Incoming.Due(user, DiscordBot.PRIVATE_CHATS.of(user), due.id(),
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

    private static boolean reminderTo(FakeDiscord.Sent m, int count) {
        try {
            long id = Long.parseLong(m.userId());
            return id >= FIRST_USER && id < FIRST_USER + count;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int delivered(FakeDiscord discord, int count) {
        return (int) discord.sent().stream().filter(m -> reminderTo(m, count)).count();
    }

    /** Someone new runs /start in their DMs; milliseconds until the fake has the bot's answer. */
    private static long replyTime(FakeDiscord discord, String user) throws InterruptedException {
        long before = System.nanoTime();
        discord.slash(user, null, "start", Map.of());
        while (discord.sentTo(user).isEmpty()) {
            if (System.nanoTime() - before > Duration.ofSeconds(30).toNanos()) {
                return Duration.ofSeconds(30).toMillis();
            }
            Thread.sleep(1);
        }
        return (System.nanoTime() - before) / 1_000_000;
    }

    private static void report(Results results, FakeDiscord discord, int count, Samples replyMillis) {
        List<FakeDiscord.Sent> reminders = discord.sent().stream().filter(m -> reminderTo(m, count)).toList();
        Map<String, Long> perPerson = reminders.stream().collect(Collectors.groupingBy(FakeDiscord.Sent::userId, Collectors.counting()));
        results.check("every reminder delivered", perPerson.size() == count, Fmt.count(perPerson.size()) + " of " + Fmt.count(count) + " people");
        results.check("none delivered twice", perPerson.values().stream().allMatch(n -> n == 1),
                Fmt.count(perPerson.values().stream().filter(n -> n > 1).count()) + " people got more than one");
        results.check("no 429 caused by Comeback's pacing", discord.tooManyRequestsAnswered() == 0,
                discord.tooManyRequestsAnswered() + " answered");

        List<Instant> times = reminders.stream().map(FakeDiscord.Sent::at).sorted().toList();
        if (times.size() > 1) {
            int from = times.size() / 10;
            int to = times.size() - 1 - times.size() / 10;
            double middle = (to - from) / (Duration.between(times.get(from), times.get(to)).toNanos() / 1e9);
            results.measured("sustained delivery rate (middle 80% of the drain)", middle, Fmt.rate(middle, "messages"),
                    Target.atLeast(20, ">= 20 messages/s (a first DM costs 2 requests of Discord's 50/s)"));
            List<Instant> requests = discord.calls().stream().map(FakeDiscord.Call::at).sorted().toList();
            int peak = maxInAnySecond(requests);
            results.check("never over 50 requests in any second", peak <= 50, peak + " at most in one second");
        }
        Samples.Summary replies = replyMillis.summary();
        results.measured("reply to someone writing during the drain, max", replies.max(),
                Fmt.millis(replies.max()) + " (p50 " + Fmt.millis(replies.p50()) + ", " + replies.count() + " replies)",
                Target.below(1000, "< 1 s"));
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
