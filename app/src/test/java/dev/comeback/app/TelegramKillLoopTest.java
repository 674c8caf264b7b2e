package dev.comeback.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.telegram.fake.FakeBotApi;
import dev.comeback.telegram.fake.FakeBotApi.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher on Telegram (a separate process, a real H2 file, the fake Bot API) killed with SIGKILL at
 * random moments while 50 people take the triage quiz by button and 20 others have a reminder falling due,
 * restarted each time on the same database. Some kills come right after a getUpdates has confirmed a
 * batch, when Telegram would never send that batch again.
 *
 * <p>Asserted: every update gets its reply and its state (each person's next question comes, and /status
 * at the end counts every answer), the poll offset never moves backwards (across restarts too), at most one
 * message is sent again per kill, and every reminder due goes out, none twice.
 *
 * <p>A second run makes compaction while running nearly continuous and aims the kills at it: each waits
 * until the bot has logged that a compaction began and not that it ended, so the kill lands while H2 copies
 * the live data to the new file or renames it over the old one. The same assertions hold.
 *
 * <p>{@code -Dcomeback.killLoop.h2Settings=;REUSE_SPACE=TRUE} runs it on H2 as it was opened before
 * {@link Database#durable} turned space reuse off: then committed answers are lost and the test fails.
 */
class TelegramKillLoopTest {
    private static final String TOKEN = "4242:kill-loop-token";
    private static final int PEOPLE = 50;
    private static final int QUESTIONS = 7;
    private static final int REMINDED = 20;
    private static final long REMINDED_FIRST_CHAT = 5000;
    private static final int KILLS = Integer.getInteger("comeback.killLoop.kills", 30);
    private static final Duration BUDGET = Duration.ofSeconds(240);
    /**
     * Without compaction the file passed 19 MB in this test; the running bot compacts it from 8 MB (the default
     * {@code db.compact.from.mb}; about 1 MB of live data here), and so does opening a file a kill left. The file
     * grows with the commits made between two checks (progress history adds to every check-in's commit).
     */
    private static final long MAX_FILE = 12L << 20;
    private static final String H2_SETTINGS = System.getProperty("comeback.killLoop.h2Settings", "");

    @TempDir
    Path dir;
    private final FakeBotApi api = FakeBotApi.start(TOKEN);
    private final Random random = new Random(Long.getLong("comeback.killLoop.seed", System.nanoTime()));
    private Process running;
    private Path runLog;
    private final List<Path> logs = new ArrayList<>();
    private final List<Instant> killTimes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        api.close();
    }

    /** One person taking the quiz: {@code step} 0 sends /start, step n presses "No" on question n. */
    private static final class Person {
        final long chat;
        int step;
        boolean awaiting;

        Person(long chat) {
            this.chat = chat;
        }

        boolean done() {
            return step > QUESTIONS && !awaiting;
        }
    }

    @Test
    void killedThirtyTimesMidConversationNothingCommittedIsLostAndAtMostOneMessagePerKillRepeats() throws Exception {
        killLoop(false);
    }

    /**
     * The same with compaction while running made nearly continuous (from 0 MB, at 1.2x live data), and most
     * kills aimed at a compaction: as soon as a run logs that it is compacting, it is killed.
     */
    @Test
    void killedThirtyTimesMostlyWhileCompactingNothingCommittedIsLostAndAtMostOneMessagePerKillRepeats() throws Exception {
        killLoop(true);
    }

    private void killLoop(boolean compacting) throws Exception {
        this.compacting = compacting;
        int killsMidCompaction = 0;
        Instant iceFrom = seedPeopleWithIceDue();
        List<Person> people = new ArrayList<>();
        for (long chat = 1; chat <= PEOPLE; chat++) {
            people.add(new Person(chat));
        }
        long started = System.nanoTime();
        long maxFile = 0;
        long deadline = started + BUDGET.toNanos();
        running = launch();
        int kills = 0;
        long killAt = System.nanoTime() + nextKillDelay();
        boolean killAfterConfirm = false;
        long lastPushed = 0;
        while (!people.stream().allMatch(Person::done) || kills < KILLS) {
            assertThat(System.nanoTime()).as("time budget; people still waiting: %s", waiting(people)).isLessThan(deadline);
            long pushed = advance(people);
            maxFile = Math.max(maxFile, fileSize());
            lastPushed = Math.max(lastPushed, pushed);
            boolean compactingNow = compacting && compactionUnderWay();
            // With compaction on, a kill that is due waits up to 2 s for a compaction to be under way.
            boolean waitForCompaction = compacting && !compactingNow && System.nanoTime() - killAt < 2_000_000_000L;
            if (kills < KILLS && (System.nanoTime() >= killAt && !waitForCompaction
                    || !compacting && killAfterConfirm && confirmedPast(lastPushed))) {
                running.destroyForcibly();
                if (compactingNow) {
                    killsMidCompaction++;
                }
                assertThat(running.waitFor(10, TimeUnit.SECONDS)).isTrue();
                killTimes.add(Instant.now());
                kills++;
                running = launch();
                System.out.printf("kill loop: kill %d at %.1f s, %d of %d people done%n", kills,
                        (System.nanoTime() - started) / 1e9, people.stream().filter(Person::done).count(), PEOPLE);
                killAt = System.nanoTime() + nextKillDelay();
                // One kill in three waits for the moment a poll confirms the latest batch to Telegram.
                killAfterConfirm = random.nextInt(3) == 0;
            }
            Thread.sleep(5);
        }
        // Every person answers /status with all their answers counted: their state is what they were told.
        for (Person p : people) {
            api.pushText(p.chat, "private", p.chat, "/status");
        }
        for (Person p : people) {
            awaitMessage(p.chat, m -> m.text().contains(QUESTIONS + " answered"), deadline);
        }
        for (long chat = REMINDED_FIRST_CHAT; chat < REMINDED_FIRST_CHAT + REMINDED; chat++) {
            long c = chat;
            awaitMessage(c, m -> m.text().startsWith("Ice time"), Math.max(deadline, System.nanoTime()));
        }
        List<Long> offsets = api.calls("getupdates").stream().map(call -> call.body().path("offset").asLong()).toList();
        Map<Long, List<String>> repeats = new HashMap<>();
        int[] repeatsPerKill = new int[kills + 1];
        for (SentMessage[] pair : repeatedPairs()) {
            repeats.computeIfAbsent(pair[1].chatId(), c -> new ArrayList<>()).add(pair[1].text());
            // The kill between the two copies; killTimes.size() when there was none (sent twice by one run).
            int kill = 0;
            while (kill < killTimes.size() && killTimes.get(kill).isBefore(pair[0].at())) {
                kill++;
            }
            boolean straddles = kill < killTimes.size() && killTimes.get(kill).isBefore(pair[1].at());
            repeatsPerKill[straddles ? kill : kills]++;
        }
        int repeated = repeats.values().stream().mapToInt(List::size).sum();
        long iceTwice = api.sent().stream().filter(m -> m.text().startsWith("Ice time")).count() - REMINDED;

        assertThat(offsets).as("getUpdates offsets over all %d runs", kills + 1).isSorted();
        if (compacting) {
            assertThat(killsMidCompaction).as("kills while a compaction was under way").isGreaterThanOrEqualTo(KILLS / 3);
            assertThat(compactions).as("compactions begun over all runs").isGreaterThan(KILLS);
        }
        assertThat(maxFile).as("largest database file seen").isLessThan(MAX_FILE);
        assertThat(repeatsPerKill[kills]).as("messages sent twice without a kill in between: %s", repeats).isZero();
        assertThat(java.util.Arrays.stream(repeatsPerKill).max().orElse(0))
                .as("most messages sent again after one kill (%s)", repeats).isLessThanOrEqualTo(1);
        assertThat(iceTwice).as("ice reminders (due from %s) sent twice", iceFrom).isLessThanOrEqualTo(
                repeats.entrySet().stream().filter(e -> e.getKey() >= REMINDED_FIRST_CHAT).mapToLong(e -> e.getValue().size()).sum());
        if (compacting) {
            System.out.printf("kill loop: %d compactions begun, %d kills during one%n", compactions, killsMidCompaction);
        }
        System.out.printf("kill loop: %d kills, %d updates, %d messages, %d sent twice, %d ice reminders twice, "
                        + "file at most %d KB, at the end %d KB%n",
                kills, api.calls("getupdates").isEmpty() ? 0 : offsets.get(offsets.size() - 1) - 1000, api.sent().size(),
                repeated, iceTwice, maxFile / 1024, fileSize() / 1024);
    }

    /** Pushes the next action of everyone whose last one was answered; returns the highest update id pushed. */
    private long advance(List<Person> people) {
        long pushed = 0;
        for (Person p : people) {
            if (p.awaiting) {
                if (lastQuestion(p.chat, p.step + 1).isEmpty()) {
                    continue;
                }
                p.awaiting = false;
                p.step++;
            }
            if (p.step > QUESTIONS) {
                continue;
            }
            if (p.step == 0) {
                pushed = api.pushText(p.chat, "private", p.chat, "/start");
            } else {
                SentMessage question = lastQuestion(p.chat, p.step).orElseThrow();
                pushed = api.pushCallback(p.chat, p.chat, question.messageId(), callbackData(question, "No"));
            }
            p.awaiting = true;
        }
        return pushed;
    }

    /** The latest message to {@code chat} that asks question {@code n}. */
    private Optional<SentMessage> lastQuestion(long chat, int n) {
        List<SentMessage> sent = api.sentTo(chat);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).text().contains("Question " + n + " of up to")) {
                return Optional.of(sent.get(i));
            }
        }
        return Optional.empty();
    }

    private static String callbackData(SentMessage message, String label) {
        for (JsonNode row : message.replyMarkup().path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("text").asText().equalsIgnoreCase(label)) {
                    return button.path("callback_data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " on: " + message.text());
    }

    private boolean confirmedPast(long updateId) {
        List<FakeBotApi.Call> polls = api.calls("getupdates");
        return updateId > 0 && !polls.isEmpty() && polls.get(polls.size() - 1).body().path("offset").asLong() > updateId;
    }

    private long nextKillDelay() {
        return TimeUnit.MILLISECONDS.toNanos(200 + random.nextInt(900));
    }

    private String waiting(List<Person> people) {
        return people.stream().filter(p -> !p.done()).map(p -> p.chat + "@" + p.step).toList().toString();
    }

    /** Each message that repeats the one sent to its chat just before it, with that one: what a resend looks like. */
    private List<SentMessage[]> repeatedPairs() {
        List<SentMessage[]> pairs = new ArrayList<>();
        Map<Long, SentMessage> previous = new HashMap<>();
        for (SentMessage m : api.sent()) {
            SentMessage before = previous.put(m.chatId(), m);
            if (before != null && before.text().equals(m.text())) {
                pairs.add(new SentMessage[]{before, m});
            }
        }
        return pairs;
    }

    private void awaitMessage(long chat, java.util.function.Predicate<SentMessage> wanted, long deadline)
            throws InterruptedException {
        while (api.sentTo(chat).stream().noneMatch(wanted)) {
            assertThat(System.nanoTime()).as("waiting for a message to %d; it got %s", chat,
                    api.sentTo(chat).stream().map(SentMessage::text).toList()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * Before the first launch: 20 people who finished triage and onboarding long enough ago that their second
     * ice reminder falls due during the kills, at the next whole minute at least 10 s away (reminders are in
     * step with the waking hours, on whole minutes). Their plan is in Quartz's tables.
     */
    private Instant seedPeopleWithIceDue() {
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        Instant firstDue = now.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).plusSeconds(60);
        if (Duration.between(now, firstDue).compareTo(Duration.ofSeconds(10)) < 0) {
            firstDue = firstDue.plusSeconds(60);
        }
        try (Database db = Database.open(dbUrl(), "sa", "", 4)) {
            Coach coach = new Coach(new Conversation(ContentLoader.defaults()), new JdbcConversationStore(db.dataSource()));
            try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                    ReminderDelivery.queued(coach), clock)) {
                coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
                for (int i = 0; i < REMINDED; i++) {
                    String id = Long.toString(REMINDED_FIRST_CHAT + i);
                    recoverWithIceDueAt(coach, UserRef.of("telegram", id), ChatRef.privateChat("telegram", id),
                            firstDue);
                }
            }
        }
        return firstDue;
    }

    /**
     * Triage and onboarding, backdated 150 min, in a zone where {@code due} is about noon, with waking hours
     * starting then: ice is planned at the start of waking hours and every 150 min after, so the second ice
     * is due at {@code due}.
     */
    private static void recoverWithIceDueAt(Coach coach, UserRef user, ChatRef chat, Instant due) {
        Instant start = due.minus(Duration.ofMinutes(150));
        int hours = 12 - due.atZone(ZoneOffset.UTC).getHour();
        hours = hours < -11 ? hours + 24 : hours > 12 ? hours - 24 : hours;
        String zone = String.format(java.util.Locale.ROOT, "UTC%s%02d:00", hours >= 0 ? "+" : "-", Math.abs(hours));
        List<String> answers = new ArrayList<>(List.of("/start"));
        for (int i = 0; i < 14; i++) {
            answers.add("no");
        }
        answers.addAll(List.of("yes, no spikes", "a day or two later", "dull, even stiffness", "yes, it eases", "today", zone));
        if (hours != 0) {
            // A typed offset offers the zones at it now, with the fixed offset as the last button.
            answers.add("Fixed " + zone);
        }
        answers.addAll(List.of("kg", "82"));
        for (String text : answers) {
            coach.handle(new Incoming.Text(user, chat, text, start));
        }
    }

    private boolean compacting;
    /** Compactions begun in the runs before this one. */
    private int compactions;

    /** Whether the running bot has begun a compaction it has not finished (it logs both). */
    private boolean compactionUnderWay() throws IOException {
        String log = Files.readString(runLog, StandardCharsets.UTF_8);
        return count(log, "compacting ") > count(log, "while running:");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private long fileSize() {
        try {
            return Files.size(dir.resolve("loop.mv.db"));
        } catch (IOException e) {
            return 0;
        }
    }

    private String dbUrl() {
        return Database.h2FileUrl(dir.resolve("loop")) + H2_SETTINGS;
    }

    private Process launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (runLog != null && compacting) {
            compactions += count(Files.readString(runLog, StandardCharsets.UTF_8), "compacting ");
        }
        runLog = dir.resolve("run-" + logs.size() + ".log");
        logs.add(runLog);
        ProcessBuilder process = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(runLog.toFile());
        process.environment().put("COMEBACK_DB_URL", dbUrl());
        process.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        process.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.port());
        if (compacting) {
            process.environment().put("COMEBACK_DB_COMPACT_FROM_MB", "0");
            process.environment().put("COMEBACK_DB_COMPACT_RATIO", "1.2");
            process.environment().put("COMEBACK_DB_COMPACT_DEAD_MAX_MB", "1");
            process.environment().put("COMEBACK_LOG_LEVEL", "INFO");
        }
        Process started = process.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(runLog, StandardCharsets.UTF_8).contains("running on Telegram")) {
            assertThat(started.isAlive()).as("the bot exited: %s", Files.readString(runLog)).isTrue();
            if (System.nanoTime() >= until) {
                assertThat(System.nanoTime()).as("start-up; its log: %s%nits threads: %s", Files.readString(runLog),
                        threadDump(started)).isLessThan(until);
            }
            sleep(20);
        }
        return started;
    }

    /** The threads of a bot that does not finish starting, for the failure message. */
    private static String threadDump(Process bot) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(bot.pid()), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(10, TimeUnit.SECONDS);
            return dump;
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
