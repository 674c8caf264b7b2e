package dev.comeback.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.comeback.core.message.Button;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.safety.RedFlagRules;
import dev.comeback.core.triage.Outcome;
import dev.comeback.core.triage.TriageQuiz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the content files from a configuration folder when one is given and holds the file, else from the
 * defaults packaged from config/ onto the classpath under {@code comeback/}; then validates them, so that a
 * bad edit stops the start with a message instead of surfacing in a conversation.
 */
public final class ContentLoader {
    public static final String TRIAGE_FILE = "triage.json";
    public static final String RED_FLAGS_FILE = "red-flags.json";
    public static final String PROTOCOL_FILE = "protocol.json";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Optional<Path> configDir;

    public ContentLoader(Optional<Path> configDir) {
        this.configDir = configDir;
    }

    public static Content defaults() {
        return new ContentLoader(Optional.empty()).load();
    }

    public Content load() {
        TriageQuiz triage = read(TRIAGE_FILE, TriageQuiz.class);
        validate(triage);
        RedFlagRules redFlags = read(RED_FLAGS_FILE, RedFlagRules.class);
        validate(redFlags);
        Protocol protocol = read(PROTOCOL_FILE, Protocol.class);
        validate(protocol);
        return new Content(triage, redFlags, protocol);
    }

    private <T> T read(String file, Class<T> type) {
        String json = text(file);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new ContentException(file, "cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private String text(String file) {
        try {
            if (configDir.isPresent() && Files.isRegularFile(configDir.get().resolve(file))) {
                return Files.readString(configDir.get().resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = ContentLoader.class.getResourceAsStream("/comeback/" + file)) {
                if (in == null) {
                    throw new ContentException(file, "(file)", "not found in " + configDir.map(Path::toString).orElse("the configuration") + " nor on the classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new ContentException(file, "cannot be read", e);
        }
    }

    static void validate(TriageQuiz quiz) {
        String f = TRIAGE_FILE;
        if (quiz.questions().isEmpty()) {
            throw new ContentException(f, "questions", "there must be at least one question");
        }
        Set<String> questionIds = new HashSet<>();
        for (int i = 0; i < quiz.questions().size(); i++) {
            TriageQuiz.Question q = quiz.questions().get(i);
            String at = "questions[" + i + "]";
            requireId(f, at + ".id", q.id());
            if (!questionIds.add(q.id())) {
                throw new ContentException(f, at + ".id", "'" + q.id() + "' is used twice");
            }
            requireText(f, at + ".text", q.text());
            if (q.options().size() < 2) {
                throw new ContentException(f, at + ".options", "a question needs at least two options");
            }
            Set<String> optionIds = new HashSet<>();
            Set<String> labels = new HashSet<>();
            for (int j = 0; j < q.options().size(); j++) {
                TriageQuiz.Option o = q.options().get(j);
                String oat = at + ".options[" + j + "]";
                requireId(f, oat + ".id", o.id());
                if (!optionIds.add(o.id())) {
                    throw new ContentException(f, oat + ".id", "'" + o.id() + "' is used twice in question '" + q.id() + "'");
                }
                requireText(f, oat + ".label", o.label());
                if (!labels.add(o.label().toLowerCase())) {
                    throw new ContentException(f, oat + ".label", "'" + o.label() + "' is used twice in question '" + q.id() + "'");
                }
                if (o.outcome() != Outcome.RECOVERY && o.reason().isBlank()) {
                    throw new ContentException(f, oat + ".reason", "an answer that leads to " + o.outcome() + " must say why");
                }
                String data = q.buttonData(o.id());
                if (data.getBytes(StandardCharsets.UTF_8).length > Button.MAX_DATA_BYTES) {
                    throw new ContentException(f, oat + ".id", "question and option ids together are too long for a button");
                }
            }
        }
        if (quiz.recoveryPatterns().isEmpty() || !quiz.recoveryPatterns().get(quiz.recoveryPatterns().size() - 1).requiresSigns().isEmpty()) {
            throw new ContentException(f, "recoveryPatterns", "the last pattern must require no signs, so every recovery has a pattern");
        }
        for (Outcome outcome : Outcome.values()) {
            TriageQuiz.OutcomeText text = quiz.outcomes().get(outcome);
            if (text == null) {
                throw new ContentException(f, "outcomes." + outcome, "missing");
            }
            requireText(f, "outcomes." + outcome + ".title", text.title());
            requireText(f, "outcomes." + outcome + ".text", text.text());
        }
    }

    static void validate(RedFlagRules rules) {
        String f = RED_FLAGS_FILE;
        if (rules.signs().isEmpty()) {
            throw new ContentException(f, "signs", "there must be at least one sign");
        }
        for (int i = 0; i < rules.signs().size(); i++) {
            RedFlagRules.Sign s = rules.signs().get(i);
            requireId(f, "signs[" + i + "].id", s.id());
            requireText(f, "signs[" + i + "].name", s.name());
            if (s.patterns().isEmpty()) {
                throw new ContentException(f, "signs[" + i + "].patterns", "a sign needs at least one pattern");
            }
            for (int j = 0; j < s.patterns().size(); j++) {
                try {
                    Pattern.compile(s.patterns().get(j));
                } catch (PatternSyntaxException e) {
                    throw new ContentException(f, "signs[" + i + "].patterns[" + j + "]", "not a valid regular expression: " + e.getDescription());
                }
            }
        }
    }

    static void validate(Protocol protocol) {
        String f = PROTOCOL_FILE;
        requireRange(f, "nutrition.waterMlPerKg", protocol.nutrition().waterMlPerKg());
        requireRange(f, "nutrition.proteinGPerKg", protocol.nutrition().proteinGPerKg());
        requireText(f, "first72Hours.title", protocol.first72Hours().title());
        if (protocol.first72Hours().steps().isEmpty()) {
            throw new ContentException(f, "first72Hours.steps", "there must be at least one step");
        }
    }

    private static void requireRange(String file, String field, Protocol.Range range) {
        if (range.min() <= 0 || range.max() < range.min()) {
            throw new ContentException(file, field, "needs 0 < min <= max, was " + range.min() + "-" + range.max());
        }
    }

    private static void requireId(String file, String field, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ContentException(file, field, "must be a lower-case identifier (a-z, 0-9, _), was '" + id + "'");
        }
    }

    private static void requireText(String file, String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ContentException(file, field, "must not be empty");
        }
    }
}
