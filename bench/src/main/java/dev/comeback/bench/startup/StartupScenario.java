package dev.comeback.bench.startup;

import dev.comeback.bench.Results;
import dev.comeback.bench.RunContext;
import dev.comeback.bench.Scenario;

import java.util.List;

public final class StartupScenario implements Scenario {
    public String name() { return "startup"; }
    public String title() { return "startup"; }
    public List<String> jvmArgs() { return List.of("-Xmx512m"); }
    public void run(RunContext context, Results results) { }
}
