package dev.comeback.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bench/run}. */
public record Options(boolean quick, List<Scenario> scenarios, Optional<Path> out, Path workDir, Path appJar,
                      Optional<Path> workerResults) {
    public static final String USAGE = """
            usage: bench/run [--quick] [--scenario NAME] [--out FILE] [--work-dir DIR] [--app-jar JAR]
              --quick          small sizes for CI (about a minute); targets are shown but only correctness fails
              --scenario NAME  %s, or all (the default)
              --out FILE       also write the results as a Markdown table to FILE
              --work-dir DIR   databases and scratch files (default target/bench-work; wiped per scenario)
              --app-jar JAR    the launcher the start-up scenario runs (default app/target/comeback.jar)"""
            .formatted(String.join(", ", Scenarios.names()));

    public static Options parse(String... args) {
        boolean quick = false;
        String scenario = "all";
        Optional<Path> out = Optional.empty();
        Path workDir = Path.of("target", "bench-work");
        Path appJar = Path.of("app", "target", "comeback.jar");
        Optional<Path> workerResults = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--scenario" -> scenario = value(args, ++i, arg);
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg)));
                case "--work-dir" -> workDir = Path.of(value(args, ++i, arg));
                case "--app-jar" -> appJar = Path.of(value(args, ++i, arg));
                case "--worker-results" -> workerResults = Optional.of(Path.of(value(args, ++i, arg)));
                default -> throw new IllegalArgumentException("unknown argument: " + arg);
            }
        }
        List<Scenario> scenarios = new ArrayList<>();
        if (scenario.equals("all")) {
            scenarios.addAll(Scenarios.ALL);
        } else {
            String name = scenario;
            scenarios.add(Scenarios.named(name).orElseThrow(() -> new IllegalArgumentException("no scenario " + name)));
        }
        if (workerResults.isPresent() && scenarios.size() != 1) {
            throw new IllegalArgumentException("a worker runs one scenario");
        }
        return new Options(quick, List.copyOf(scenarios), out, workDir.toAbsolutePath(), appJar.toAbsolutePath(), workerResults);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    /** The arguments that start the JVM of one scenario (this same program, as a worker). */
    List<String> workerCommand(Scenario scenario, Path results) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(scenario.jvmArgs());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Bench.class.getName(),
                "--scenario", scenario.name(), "--work-dir", workDir.toString(), "--app-jar", appJar.toString(),
                "--worker-results", results.toString()));
        if (quick) {
            command.add("--quick");
        }
        return command;
    }
}
