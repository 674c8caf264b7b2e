package dev.comeback.core.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.comeback.core.reminders.ReminderRules;
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

/**
 * Reads the content files from a configuration folder when one is given and holds the file, else from the
 * defaults packaged from config/ onto the classpath under {@code comeback/}; then validates them, so that a
 * bad edit stops the start with a message instead of surfacing in a conversation.
 */
public final class ContentLoader {
    public static final String TRIAGE_FILE = "triage.json";
    public static final String RED_FLAGS_FILE = "red-flags.json";
    public static final String PROTOCOL_FILE = "protocol.json";
    public static final String REMINDERS_FILE = "reminders.json";
    public static final String TIME_ZONES_FILE = "time-zones.json";

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
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
        ReminderRules reminders = read(REMINDERS_FILE, ReminderRules.class);
        validate(reminders);
        ZoneAliases zones = read(TIME_ZONES_FILE, ZoneAliases.class);
        validate(zones);
        return new Content(triage, redFlags, protocol, reminders, zones);
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
            boolean opens = q.options().stream().anyMatch(TriageQuiz.Option::opensCheck);
            boolean after = q.options().stream().anyMatch(TriageQuiz.Option::afterCheck);
            if ((opens || after) && (q.check().isBlank() || !opens || !after)) {
                throw new ContentException(f, at + ".check", "a \"Not sure\" answer (opensCheck) needs a check text and an afterCheck answer, and the other way round");
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
        rules.concepts().forEach((name, phrases) -> {
            if (phrases.isEmpty() || phrases.stream().anyMatch(p -> !p.matches("[a-z0-9]+( [a-z0-9]+)*"))) {
                throw new ContentException(f, "concepts." + name, "needs phrases of plain lower-case words (no apostrophes: cant, not can't)");
            }
        });
        validateSigns(rules, "signs", rules.signs());
        validateSigns(rules, "warnings", rules.warnings());
        validateSigns(rules, "urgent", rules.urgent());
    }

    private static void validateSigns(RedFlagRules rules, String field, java.util.List<RedFlagRules.Sign> signs) {
        String f = RED_FLAGS_FILE;
        for (int i = 0; i < signs.size(); i++) {
            RedFlagRules.Sign s = signs.get(i);
            String at = field + "[" + i + "]";
            requireId(f, at + ".id", s.id());
            requireText(f, at + ".name", s.name());
            if (s.rules().isEmpty() || s.rules().stream().anyMatch(java.util.List::isEmpty)) {
                throw new ContentException(f, at + ".rules", "a sign needs at least one rule, each naming at least one concept");
            }
            java.util.List<String> named = new java.util.ArrayList<>();
            s.rules().forEach(named::addAll);
            s.askRules().forEach(named::addAll);
            named.addAll(s.domain());
            named.addAll(s.softeners());
            named.addAll(s.unless());
            named.addAll(s.notWhen());
            for (String concept : named) {
                if (!rules.concepts().containsKey(concept)) {
                    throw new ContentException(f, at, "names the concept '" + concept + "', which concepts does not define");
                }
            }
        }
    }

    /** Reminder kinds a phase may ask for; the scheduler knows how to time each. */
    public static final Set<String> REMINDER_KINDS = Set.of("ice", "walk", "walk_total", "hydration", "checkin", "accessories", "warmup");

    static void validate(Protocol protocol) {
        String f = PROTOCOL_FILE;
        requireRange(f, "nutrition.waterMlPerKg", protocol.nutrition().waterMlPerKg());
        requireRange(f, "nutrition.proteinGPerKg", protocol.nutrition().proteinGPerKg());
        Protocol.CheckInRules c = protocol.checkIn();
        if (c.painMin() < 0 || c.painMax() <= c.painMin()) {
            throw new ContentException(f, "checkIn.painMax", "must be above painMin, was " + c.painMin() + "-" + c.painMax());
        }
        if (c.regressionRise() < 1 || c.notImprovingAfterDays() < 1) {
            throw new ContentException(f, "checkIn", "regressionRise and notImprovingAfterDays must be at least 1");
        }
        if (protocol.loading().roundingStepKg() <= 0) {
            throw new ContentException(f, "loading.roundingStepKg", "must be above 0, was " + protocol.loading().roundingStepKg());
        }
        if (protocol.loading().progressionPercent() < 0 || protocol.loading().progressionPercent() > 100) {
            throw new ContentException(f, "loading.progressionPercent", "percentage outside 0-100: " + protocol.loading().progressionPercent());
        }
        Set<String> exerciseIds = new HashSet<>();
        for (int i = 0; i < protocol.exercises().size(); i++) {
            Protocol.Exercise e = protocol.exercises().get(i);
            requireId(f, "exercises[" + i + "].id", e.id());
            if (!exerciseIds.add(e.id())) {
                throw new ContentException(f, "exercises[" + i + "].id", "'" + e.id() + "' is used twice");
            }
            requireText(f, "exercises[" + i + "].name", e.name());
        }
        validateItems(f, "loading.strainItems", protocol.loading().strainItems(), exerciseIds);
        if (protocol.phases().isEmpty()) {
            throw new ContentException(f, "phases", "there must be at least one phase");
        }
        Set<String> phaseIds = new HashSet<>();
        Integer previousEnd = 0;
        boolean timedPhasesOver = false;
        for (int i = 0; i < protocol.phases().size(); i++) {
            Protocol.Phase p = protocol.phases().get(i);
            String at = "phases[" + i + "]";
            requireId(f, at + ".id", p.id());
            if (!phaseIds.add(p.id())) {
                throw new ContentException(f, at + ".id", "'" + p.id() + "' is used twice");
            }
            requireText(f, at + ".name", p.name());
            boolean timed = p.fromHour().isPresent() || p.toHour().isPresent();
            if (timed) {
                if (timedPhasesOver) {
                    throw new ContentException(f, at + ".fromHour", "phases with hour windows must come before phases measured in days");
                }
                if (p.fromHour().isEmpty() || p.toHour().isEmpty()) {
                    throw new ContentException(f, at, "needs both fromHour and toHour");
                }
                int from = p.fromHour().get();
                int to = p.toHour().get();
                if (to <= from) {
                    throw new ContentException(f, at + ".toHour", "must be after fromHour (" + from + "), was " + to);
                }
                if (from < previousEnd) {
                    throw new ContentException(f, at + ".fromHour", "overlaps the phase before, which runs to hour " + previousEnd);
                }
                if (from > previousEnd) {
                    throw new ContentException(f, at + ".fromHour", "leaves hours " + previousEnd + "-" + from + " without a phase");
                }
                previousEnd = to;
            } else {
                timedPhasesOver = true;
                if (p.gate().isEmpty() && p.minDays().isEmpty()) {
                    throw new ContentException(f, at, "needs fromHour and toHour, minDays, or a gate, so it is known when it ends");
                }
                if (p.minDays().isPresent() && p.minDays().get() < 0) {
                    throw new ContentException(f, at + ".minDays", "must not be negative");
                }
            }
            validateItems(f, at + ".items", p.items(), exerciseIds);
            int expectedWeek = 1;
            for (int w = 0; w < p.weeks().size(); w++) {
                Protocol.Week week = p.weeks().get(w);
                if (week.from() != expectedWeek || week.to() < week.from()) {
                    throw new ContentException(f, at + ".weeks[" + w + "]", "weeks must run on from week " + expectedWeek + " without gap or overlap, was " + week.from() + "-" + week.to());
                }
                expectedWeek = week.to() + 1;
                validateItems(f, at + ".weeks[" + w + "].items", week.items(), exerciseIds);
            }
            if (!p.weeks().isEmpty() && p.minDays().isPresent() && p.minDays().get() != p.weekCount() * 7) {
                throw new ContentException(f, at + ".minDays", "is " + p.minDays().get() + " but the weekly table covers " + p.weekCount() * 7 + " days");
            }
            if (p.accessories().isPresent()) {
                validateItems(f, at + ".accessories.items", p.accessories().get().items(), exerciseIds);
            }
            if (p.gate().isPresent()) {
                Protocol.Gate gate = p.gate().get();
                if (gate.tests().isEmpty()) {
                    throw new ContentException(f, at + ".gate.tests", "a gate needs at least one test");
                }
                if (!phaseIds.contains(gate.failBackTo()) || gate.failBackTo().equals(p.id())) {
                    throw new ContentException(f, at + ".gate.failBackTo", "'" + gate.failBackTo() + "' is not an earlier phase");
                }
                if (i == protocol.phases().size() - 1) {
                    throw new ContentException(f, at + ".gate", "a gate needs a phase after it");
                }
                for (int t = 0; t < gate.tests().size(); t++) {
                    requireId(f, at + ".gate.tests[" + t + "].id", gate.tests().get(t).id());
                    requireText(f, at + ".gate.tests[" + t + "].text", gate.tests().get(t).text());
                }
            }
            for (int r = 0; r < p.reminders().size(); r++) {
                if (!REMINDER_KINDS.contains(p.reminders().get(r))) {
                    throw new ContentException(f, at + ".reminders[" + r + "]", "unknown reminder '" + p.reminders().get(r) + "', known: " + new java.util.TreeSet<>(REMINDER_KINDS));
                }
            }
        }
        if (protocol.phases().get(0).fromHour().isEmpty()) {
            throw new ContentException(f, "phases[0].fromHour", "the first phase must start at hour 0");
        }
    }

    private static void validateItems(String f, String at, java.util.List<Protocol.Item> items, Set<String> exerciseIds) {
        for (int i = 0; i < items.size(); i++) {
            Protocol.Item item = items.get(i);
            if (!exerciseIds.contains(item.exercise())) {
                throw new ContentException(f, at + "[" + i + "].exercise", "unknown exercise '" + item.exercise() + "'");
            }
            if (item.loadPercent().isPresent()) {
                Protocol.Range r = item.loadPercent().get();
                if (r.min() < 0 || r.max() > 100 || r.min() > r.max()) {
                    throw new ContentException(f, at + "[" + i + "].loadPercent", "percentage outside 0-100 or min above max: " + r.min() + "-" + r.max());
                }
            }
            if (item.sets().filter(s -> s < 1).isPresent() || item.reps().filter(s -> s < 1).isPresent()) {
                throw new ContentException(f, at + "[" + i + "]", "sets and reps must be at least 1");
            }
        }
    }

    static void validate(ZoneAliases zones) {
        String f = TIME_ZONES_FILE;
        zones.places().forEach((name, zone) -> requireZone(f, "places." + name, zone));
        zones.ambiguous().forEach((name, list) -> {
            if (list.size() < 2) {
                throw new ContentException(f, "ambiguous." + name, "an ambiguous abbreviation needs at least two zones");
            }
            list.forEach(zone -> requireZone(f, "ambiguous." + name, zone));
        });
        zones.majorZones().forEach(zone -> requireZone(f, "majorZones", zone));
        zones.countries().forEach((name, code) -> {
            if (!code.matches("[A-Z]{2}")) {
                throw new ContentException(f, "countries." + name, "'" + code + "' is not a two-letter country code");
            }
        });
    }

    private static void requireZone(String file, String field, String zone) {
        try {
            java.time.ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new ContentException(file, field, "'" + zone + "' is not a time zone id");
        }
    }

    static void validate(ReminderRules rules) {
        String f = REMINDERS_FILE;
        if (rules.defaultWaking().from().equals(rules.defaultWaking().to())) {
            throw new ContentException(f, "defaultWaking", "from and to must differ (a window may cross midnight), was "
                    + rules.defaultWaking().from() + "-" + rules.defaultWaking().to());
        }
        requirePositive(f, "ice.everyMinutes", rules.ice().everyMinutes());
        requirePositive(f, "ice.offAfterMinutes", rules.ice().offAfterMinutes());
        requirePositive(f, "hydration.everyMinutes", rules.hydration().everyMinutes());
        for (int m : rules.walk().minutesAfterWaking()) {
            if (m < 0) {
                throw new ContentException(f, "walk.minutesAfterWaking", "must not be negative, was " + m);
            }
        }
        if (rules.snoozeMinutes().isEmpty() || rules.snoozeMinutes().stream().anyMatch(m -> m <= 0)) {
            throw new ContentException(f, "snoozeMinutes", "needs at least one positive number of minutes");
        }
    }

    private static void requirePositive(String file, String field, int value) {
        if (value <= 0) {
            throw new ContentException(file, field, "must be above 0, was " + value);
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
