package dev.comeback.bench;

import java.util.List;

/**
 * One benchmark of the list. Each runs in a JVM of its own, started with {@link #jvmArgs()}, so
 * that its heap limit is explicit and one scenario's garbage or warm JIT does not colour the next.
 */
public interface Scenario {
    /** What {@code --scenario} calls it. */
    String name();

    /** The heading in the results, with the number. */
    String title();

    /** Options for the scenario's JVM, the heap limit first. */
    List<String> jvmArgs();

    /** Measures, reporting every value (with its target) and correctness check into {@code results}. */
    void run(RunContext context, Results results) throws Exception;
}
