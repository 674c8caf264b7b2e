package dev.comeback.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario measured: rows (a value, its target if it has one, and the verdict) and notes (how it was
 * measured). Each row is printed as it comes, and the lot is written to a file for the process that started
 * the scenario's JVM ({@link #write}, {@link #read}).
 */
public final class Results {
    public record Row(String scenario, String name, String value, String target, Verdict verdict) {
    }

    public record Note(String scenario, String text) {
    }

    private final String scenario;
    private final PrintStream out;
    private final List<Row> rows = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    public Results(String scenario, PrintStream out) {
        this.scenario = scenario;
        this.out = out;
    }

    private Results(List<Row> rows, List<Note> notes) {
        this.scenario = "";
        this.out = null;
        this.rows.addAll(rows);
        this.notes.addAll(notes);
    }

    /** A measured value against its target. */
    public void measured(String name, double value, String shown, Target target) {
        add(new Row(scenario, name, shown, target.text(), target.metBy(value) ? Verdict.PASS : Verdict.MISS));
    }

    /** A measured value that has no target of its own. */
    public void info(String name, String shown) {
        add(new Row(scenario, name, shown, "", Verdict.INFO));
    }

    /** Something that must hold in every run, quick or full. */
    public void check(String name, boolean holds, String shown) {
        add(new Row(scenario, name, shown, "must hold", holds ? Verdict.PASS : Verdict.FAIL));
    }

    public void note(String text) {
        notes.add(new Note(scenario, text));
        if (out != null) {
            out.println("[" + scenario + "] " + text);
        }
    }

    private void add(Row row) {
        rows.add(row);
        if (out != null) {
            out.printf("[%s] %s: %s%s  %s%n", scenario, row.name(), row.value(),
                    row.target().isEmpty() ? "" : " (target: " + row.target() + ")", row.verdict());
        }
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public List<Note> notes() {
        return List.copyOf(notes);
    }

    public void addAll(Results other) {
        rows.addAll(other.rows);
        notes.addAll(other.notes);
    }

    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        rows.forEach(r -> lines.add(String.join("\t", "row", clean(r.scenario()), clean(r.name()), clean(r.value()),
                clean(r.target()), r.verdict().name())));
        notes.forEach(n -> lines.add(String.join("\t", "note", clean(n.scenario()), clean(n.text()))));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static Results read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("row")) {
                rows.add(new Row(f[1], f[2], f[3], f[4], Verdict.valueOf(f[5])));
            } else if (f[0].equals("note")) {
                notes.add(new Note(f[1], f[2]));
            }
        }
        return new Results(rows, notes);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
