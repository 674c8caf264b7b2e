package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.progress.ProgressFiles;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.content.Content;
import dev.comeback.core.content.ContentException;
import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.time.VirtualClock;
import dev.comeback.discord.DiscordConfig;
import dev.comeback.telegram.TelegramConfig;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Entry point: reads settings and flags, assembles the core, and runs the console chat, or the bot on
 * Telegram when TELEGRAM_BOT_TOKEN is set, on Discord when DISCORD_BOT_TOKEN is set, on both in one process
 * when both are (until the process is stopped).
 */
public final class Main {
    /** The only place the bot token is read from: never a file, never a flag. */
    static final String TELEGRAM_TOKEN = "TELEGRAM_BOT_TOKEN";
    static final String TELEGRAM_API_URL = "TELEGRAM_API_URL";
    static final String DISCORD_TOKEN = "DISCORD_BOT_TOKEN";
    static final String DISCORD_API_URL = "DISCORD_API_URL";
    static final String DISCORD_GATEWAY_URL = "DISCORD_GATEWAY_URL";
    /** How long an orderly stop may take before the JVM ends anyway. */
    static final Duration STOP_WITHIN = Duration.ofSeconds(9);

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, out, err, System.getenv()));
    }

    /** Runs to the end of input and returns the exit code. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("comeback: " + e.getMessage());
            err.println(Options.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(Options.USAGE);
            return 0;
        }
        try {
            Settings settings = Settings.load(env);
            if (options.db().isPresent()) {
                settings = settings.with("db.url", Database.h2FileUrl(options.db().get()));
            }
            Content content = new ContentLoader(options.configDir()).load();
            Clock clock = options.virtualClock()
                    ? new VirtualClock(options.start().orElseGet(() -> LocalDateTime.now(options.zone()))
                            .atZone(options.zone()).toInstant(), options.zone())
                    : Clock.system(options.zone());
            createParentFolder(settings.get("db.url"));
            Optional<String> token = Optional.ofNullable(env.get(TELEGRAM_TOKEN)).map(String::strip).filter(t -> !t.isEmpty());
            Optional<String> discordToken = Optional.ofNullable(env.get(DISCORD_TOKEN)).map(String::strip).filter(t -> !t.isEmpty());
            if ((token.isPresent() || discordToken.isPresent()) && !options.console()) {
                if (options.virtualClock()) {
                    throw new IllegalArgumentException("--clock virtual is for the console chat; unset " + TELEGRAM_TOKEN
                            + " and " + DISCORD_TOKEN + ", or add --console");
                }
                Settings s = settings;
                Optional<TelegramConfig> telegram = token.map(t -> TelegramConfig.of(t,
                        Optional.ofNullable(env.get(TELEGRAM_API_URL)).orElse(s.get("telegram.api.url"))));
                Optional<DiscordConfig> discord = discordToken.map(t -> DiscordConfig.of(t,
                        Optional.ofNullable(env.get(DISCORD_API_URL)).orElse(s.getOrEmpty("discord.api.url")),
                        Optional.ofNullable(env.get(DISCORD_GATEWAY_URL)).orElse(s.getOrEmpty("discord.gateway.url")))
                        .withMemberEvents(s.getOrEmpty("discord.member.events").equalsIgnoreCase("true")));
                // SIGTERM or Ctrl+C: the hook tells this thread to stop and keeps the JVM alive until it has
                // (the JVM ends when its hooks do), within STOP_WITHIN.
                CountDownLatch stop = new CountDownLatch(1);
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.countDown();
                    awaitQuietly(stopped, STOP_WITHIN);
                }, "comeback-stop"));
                try (Platforms running = Platforms.start(settings, content, clock, telegram, discord)) {
                    out.println("comeback: running on " + running.describe() + " (Ctrl+C stops)");
                    stop.await();
                } finally {
                    stopped.countDown();
                }
                return 0;
            }
            try (Database db = Database.open(settings.get("db.url"), settings.get("db.user"),
                    settings.get("db.password"), settings.getInt("db.pool.size"), settings.compaction())) {
                JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
                Coach coach = new Coach(new Conversation(content), store);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                if (options.group().isPresent()) {
                    runGroup(options, content, clock, db, store, coach, reader, out, err, settings.deliveryRetention(),
                            new ConsoleFiles(new ProgressFiles(db.dataSource(), coach, content), filesFolder(settings.get("db.url")), err));
                    return 0;
                }
                ConsoleChat console = new ConsoleChat(coach, clock, options.user(), out, err,
                        new ProgressFiles(db.dataSource(), coach, content), filesFolder(settings.get("db.url")));
                if (options.virtualClock()) {
                    // Quartz runs on the real clock only; on the virtual clock :wait delivers reminders.
                    console.run(reader);
                } else {
                    try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                            ReminderDelivery.direct(coach, console), clock, settings.deliveryRetention())) {
                        planRemindersAtStartUp(coach, scheduler, clock);
                        console.run(reader);
                    }
                }
            }
            return 0;
        } catch (ContentException e) {
            err.println("comeback: configuration problem: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("comeback: " + e.getMessage());
            return 1;
        }
    }

    /** The console playing a coaching group: several people, one group, one database. */
    private static void runGroup(Options options, Content content, Clock clock, Database db, JdbcConversationStore store,
                                 Coach coach, BufferedReader reader, PrintStream out, PrintStream err, Duration retention,
                                 ConsoleFiles files)
            throws IOException {
        GroupDesk desk = new GroupDesk(content, store, new JdbcGroupStore(db.dataSource()), PrivateChats.byUserId());
        coach.setGroups(desk);
        ConsoleGroup console = new ConsoleGroup(coach, desk, clock, options.users(), options.group().orElseThrow(),
                options.coach().orElse(""), out, err, files);
        if (options.virtualClock()) {
            console.run(reader);
            return;
        }
        try (QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                desk.routing(ReminderDelivery.direct(coach, console), false, console::sendRouted), clock, retention)) {
            desk.useScheduler(scheduler);
            planRemindersAtStartUp(coach, scheduler, clock);
            desk.planAll(clock);
            console.run(reader);
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Re-plans each reminder chain as turns happen, and at start-up plans every active person's next reminders
     * (after downtime across a phase boundary the scheduler may hold none for them).
     */
    static ReminderPlanSync planRemindersAtStartUp(Coach coach, QuartzReminderScheduler scheduler, Clock clock) {
        ReminderPlanSync plans = new ReminderPlanSync(coach, scheduler, clock);
        coach.setTurnListener(plans);
        plans.planEveryoneAtStartUp();
        return plans;
    }

    /**
     * Where the console writes the files of /progress, /report and /export: beside an H2 database file, in a
     * folder named after it with {@code -files} ({@code ./data/comeback-files} for {@code ./data/comeback});
     * for any other database, {@code ./comeback-files}.
     */
    static Path filesFolder(String jdbcUrl) {
        String prefix = "jdbc:h2:file:";
        if (jdbcUrl.startsWith(prefix)) {
            return Path.of(jdbcUrl.substring(prefix.length()).split(";", 2)[0] + "-files").toAbsolutePath().normalize();
        }
        return Path.of("comeback-files").toAbsolutePath();
    }

    private static void createParentFolder(String jdbcUrl) throws java.io.IOException {
        String prefix = "jdbc:h2:file:";
        if (jdbcUrl.startsWith(prefix)) {
            String path = jdbcUrl.substring(prefix.length()).split(";", 2)[0];
            Path parent = Path.of(path).toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        }
    }
}
