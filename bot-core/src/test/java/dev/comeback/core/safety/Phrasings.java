package dev.comeback.core.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The red-flag phrasing table (src/test/resources/red-flag-phrasings.tsv): what people type, and whether it names a sign. */
public record Phrasings(List<String> signs, List<String> harmless) {
    public static Phrasings load() {
        List<String> signs = new ArrayList<>();
        List<String> harmless = new ArrayList<>();
        try (InputStream in = Phrasings.class.getResourceAsStream("/red-flag-phrasings.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String kind = line.substring(0, tab);
                String text = line.substring(tab + 1);
                switch (kind) {
                    case "sign" -> signs.add(text);
                    case "harmless" -> harmless.add(text);
                    default -> throw new IllegalStateException("unknown kind " + kind + " in: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Phrasings(List.copyOf(signs), List.copyOf(harmless));
    }
}
