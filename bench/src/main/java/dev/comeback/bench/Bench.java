package dev.comeback.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the chosen scenarios, each in a JVM of its own ({@link Scenario#jvmArgs()}), and reports every value
 * next to its target. Exit status: 0 when everything holds; 1 when a correctness check failed or, in a full
 * run, a target was missed; 2 for bad arguments.
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.workerResults().isPresent()) {
            System.exit(work(options, out));
        }
        System.exit(orchestrate(options, args, out));
    }

    /** In the scenario's own JVM: runs it and writes what it measured for the orchestrating process. */
    private static int work(Options options, PrintStream out) throws IOException {
        Scenario scenario = options.scenarios().get(0);
        Path dir = options.workDir().resolve(scenario.name());
        wipe(dir);
        Files.createDirectories(dir);
        Results results = new Results(scenario.name(), out);
        int status = 0;
        try {
            scenario.run(new RunContext(options.quick(), dir, options.appJar()), results);
        } catch (Exception e) {
            e.printStackTrace();
            results.check("scenario ran to the end", false, e.toString());
            status = 1;
        }
        results.write(options.workerResults().get());
        // The databases are large (see RESULTS.md) and of no use once measured.
        wipe(dir);
        return status;
    }

    private static int orchestrate(Options options, String[] args, PrintStream out) throws Exception {
        Machine machine = Machine.current();
        out.println("bench: " + machine.describe() + (options.quick() ? " (quick run)" : ""));
        Results all = new Results("", null);
        Files.createDirectories(options.workDir());
        for (Scenario scenario : options.scenarios()) {
            out.println();
            out.println("== " + scenario.title() + "  [" + String.join(" ", scenario.jvmArgs()) + "]");
            Path file = options.workDir().resolve(scenario.name() + ".results");
            Files.deleteIfExists(file);
            long start = System.nanoTime();
            int exit = new ProcessBuilder(options.workerCommand(scenario, file)).inheritIO().start().waitFor();
            Results results = new Results(scenario.name(), null);
            if (Files.exists(file)) {
                results.addAll(Results.read(file));
            } else {
                results.check("scenario ran to the end", false, "its JVM exited with " + exit);
            }
            results.note(String.format("scenario wall time %s, JVM options %s", Fmt.seconds((System.nanoTime() - start) / 1e9),
                    String.join(" ", scenario.jvmArgs())));
            all.addAll(results);
        }
        Report report = new Report(LocalDate.now(), machine, commandLine(args), options.quick(), options.scenarios(), all);
        out.println();
        out.println(report.markdown());
        if (options.out().isPresent()) {
            Path parent = options.out().get().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(options.out().get(), report.markdown(), StandardCharsets.UTF_8);
            out.println("bench: results written to " + options.out().get());
        }
        boolean failed = all.rows().stream().anyMatch(r -> r.verdict() == Verdict.FAIL);
        boolean missed = all.rows().stream().anyMatch(r -> r.verdict() == Verdict.MISS);
        return failed || (missed && !options.quick()) ? 1 : 0;
    }

    private static String commandLine(String[] args) {
        List<String> words = new ArrayList<>(List.of(System.getProperty("bench.launcher", "java -jar bench/target/comeback-bench.jar")));
        words.addAll(List.of(args));
        return String.join(" ", words);
    }

    private static void wipe(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
