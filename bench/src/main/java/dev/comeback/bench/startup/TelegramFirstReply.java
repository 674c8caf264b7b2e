package dev.comeback.bench.startup;

import dev.comeback.telegram.fake.FakeBotApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The launcher jar in Telegram mode ({@code TELEGRAM_BOT_TOKEN} and {@code TELEGRAM_API_URL} in its
 * environment, as a person would run it) against the fake Bot API server, which already holds a private
 * {@code /start} from the person. Timed from starting the process to the fake receiving the reply's
 * {@code sendMessage}: that covers opening the database, the command menu, the first long poll, the turn,
 * the outbox and the send. The process is then stopped as Ctrl+C would stop it.
 */
final class TelegramFirstReply implements FirstReplyProbe {
    private static final String TOKEN = "1000:bench-startup-token";
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final Path appJar;
    // One server for every launch: a database keeps the update cursor of its last launch, and a new
    // server would number its updates from 1 again, below that cursor.
    private final FakeBotApi api = FakeBotApi.start(TOKEN);

    TelegramFirstReply(Path appJar) {
        this.appJar = appJar;
    }

    @Override
    public String name() {
        return "Telegram";
    }

    @Override
    public Duration firstReply(Path db, String user) throws Exception {
        long chat = 1_000_000L + (user.hashCode() & 0x7fff_ffffL);
        int before = api.sentTo(chat).size();
        api.pushText(chat, "private", chat, "/start");

        ProcessBuilder builder = FirstReplyProbe.launcher(appJar, "--db", db.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
        builder.environment().put("TELEGRAM_API_URL", "http://127.0.0.1:" + api.port());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            long deadline = start + GIVE_UP.toNanos();
            while (api.sentTo(chat).size() <= before) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the launcher ended without a reply (exit " + process.exitValue() + ")");
                }
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("no Telegram reply within " + GIVE_UP);
                }
                Thread.sleep(1);
            }
            return Duration.ofNanos(System.nanoTime() - start);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() {
        api.close();
    }
}
