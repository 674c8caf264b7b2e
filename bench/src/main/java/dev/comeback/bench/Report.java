package dev.comeback.bench;

import java.time.LocalDate;
import java.util.List;

/** The results as Markdown: when, on what, with which command, then one table per scenario and its notes. */
public record Report(LocalDate date, Machine machine, String command, boolean quick, List<Scenario> scenarios,
                     Results results) {
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Comeback benchmark results").append(quick ? " (quick run)" : "").append("\n\n");
        md.append("- Date: ").append(date).append('\n');
        md.append("- Machine: ").append(machine.describe()).append('\n');
        md.append("- Command: `").append(command).append("`\n");
        for (Scenario scenario : scenarios) {
            md.append("\n## ").append(scenario.title()).append("\n\n");
            md.append("| Measure | Value | Target | Verdict |\n|---|---|---|---|\n");
            results.rows().stream().filter(r -> r.scenario().equals(scenario.name())).forEach(r ->
                    md.append("| ").append(r.name()).append(" | ").append(r.value()).append(" | ")
                            .append(r.target().isEmpty() ? "" : r.target()).append(" | ")
                            .append(r.verdict() == Verdict.INFO ? "" : r.verdict().name()).append(" |\n"));
            List<Results.Note> notes = results.notes().stream().filter(n -> n.scenario().equals(scenario.name())).toList();
            if (!notes.isEmpty()) {
                md.append('\n');
                notes.forEach(n -> md.append("- ").append(n.text()).append('\n'));
            }
        }
        return md.toString();
    }
}
