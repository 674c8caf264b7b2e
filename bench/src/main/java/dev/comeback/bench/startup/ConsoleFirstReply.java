package dev.comeback.bench.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The launcher jar as {@code ./comeback} runs it ({@code java -jar app/target/comeback.jar}, default JVM
 * options), timed from starting the process to the first {@code bot> } line on its standard output.
 */
final class ConsoleFirstReply implements FirstReplyProbe {
    private static final String REPLY = "bot> ";
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final Path appJar;

    ConsoleFirstReply(Path appJar) {
        this.appJar = appJar;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public Duration firstReply(Path db, String user) throws Exception {
        ProcessBuilder builder = FirstReplyProbe.launcher(appJar, "--db", db.toString(), "--user", user);
        // With a token in the environment the launcher would run on Telegram instead.
        builder.environment().remove("TELEGRAM_BOT_TOKEN");
        long start = System.nanoTime();
        Process process = builder.start();
        // A launcher that hangs must not hang the benchmark.
        CompletableFuture.delayedExecutor(GIVE_UP.toSeconds(), TimeUnit.SECONDS).execute(process::destroyForcibly);
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write("/start\n".getBytes(StandardCharsets.UTF_8));
            }
            long replied = awaitReply(process);
            return Duration.ofNanos(replied - start);
        } finally {
            if (!process.waitFor(GIVE_UP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The nanoTime of the first reply line; the rest of the output is read to the end so the process can exit. */
    private static long awaitReply(Process process) throws IOException {
        long replied = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (replied < 0 && line.startsWith(REPLY)) {
                    replied = System.nanoTime();
                }
            }
        }
        if (replied < 0) {
            throw new IllegalStateException("the launcher ended without a reply (exit " + waitQuietly(process) + ")");
        }
        return replied;
    }

    private static int waitQuietly(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
