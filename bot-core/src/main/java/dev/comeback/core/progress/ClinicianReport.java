package dev.comeback.core.progress;

import dev.comeback.core.content.Content;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.protocol.PhaseRules;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.triage.Answer;
import dev.comeback.core.triage.Outcome;
import dev.comeback.core.triage.TriageQuiz;
import dev.comeback.core.triage.TriageResult;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-page summary a person can show a physiotherapist or doctor (/report), an A4 PDF made with Apache
 * PDFBox: the triage answers and outcome with its date, the phases with their dates, the pain chart, the
 * latest pain scores, the regressions and why, the functional tests, the loads on today's plan, adherence
 * (check-ins and reminders done) and the clinician clearances the person recorded. Only what the protocol
 * and the quiz say and what the person answered: no free text of the bot's own about them. What does not fit
 * on the page is cut with a note, never run onto a second page.
 */
public final class ClinicianReport {
    private static final float MARGIN = 40;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final Content content;
    private final Protocol protocol;
    private final PhaseRules rules;
    private final ProgressChart chart;

    public ClinicianReport(Content content) {
        this.content = content;
        this.protocol = content.protocol();
        this.rules = new PhaseRules(protocol);
        this.chart = new ProgressChart(protocol);
    }

    /** The report as PDF bytes, one A4 page. */
    public byte[] pdf(ProgressData data) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                Writer w = new Writer(s, page.getMediaBox());
                write(doc, w, data);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PDDocument doc, Writer w, ProgressData data) throws IOException {
        ConversationState state = data.state();
        ZoneId zone = data.zone();
        w.line(Writer.BOLD, 16, "Comeback recovery summary");
        w.line(Writer.REGULAR, 8, "Made " + DATE.format(data.now().atZone(zone)) + " (dates in " + zone.getId()
                + "). What the person answered to the Comeback coaching chatbot; a coaching aid's record, not a diagnosis.");
        w.gap(6);

        w.heading("Triage");
        Optional<TriageResult> result = state.triageResult();
        if (result.isPresent()) {
            TriageResult r = result.get();
            String pattern = content.triage().recoveryPatterns().stream().filter(p -> p.id().equals(r.patternId()))
                    .map(p -> ", pattern: " + p.name()).findFirst().orElse("");
            w.line(Writer.BOLD, 9, "Triage on " + DATE.format(r.at().atZone(zone)) + ": " + outcome(r.outcome()) + pattern);
            if (!r.reasons().isEmpty()) {
                w.wrapped(Writer.REGULAR, 8, "Because of: " + String.join("; ", r.reasons()));
            }
        } else {
            w.line(Writer.REGULAR, 9, "Triage not finished.");
        }
        data.eventsOf(ProgressEvent.Kind.TRIAGE).stream().filter(e -> result.map(r -> !r.at().equals(e.at())).orElse(true))
                .forEach(e -> w.wrapped(Writer.REGULAR, 8, "Earlier outcome " + DATE.format(e.at().atZone(zone)) + ": " + e.detail().replace('_', ' ').toLowerCase(Locale.ROOT)));
        List<String> answers = new ArrayList<>();
        for (Answer a : state.triageAnswers()) {
            Optional<TriageQuiz.Question> q = content.triage().question(a.questionId());
            String label = q.flatMap(x -> x.option(a.optionId())).map(TriageQuiz.Option::label).orElse(a.optionId());
            answers.add(q.map(TriageQuiz.Question::text).orElse(a.questionId()) + " " + label + ".");
        }
        if (!answers.isEmpty()) {
            w.wrapped(Writer.REGULAR, 7.5f, "Answers: " + String.join("  ", answers));
        }
        w.gap(4);

        w.heading("Phases");
        List<String> phases = new ArrayList<>();
        List<ProgressEvent> entered = data.events().stream().filter(e -> e.kind() == ProgressEvent.Kind.RECOVERY_STARTED
                || e.kind() == ProgressEvent.Kind.PHASE).toList();
        for (ProgressEvent e : entered) {
            String why = e.detail().equals("REGRESSED") ? " (stepped back)" : e.detail().equals("GATE_FAILED") ? " (tests not passed)" : "";
            phases.add(DAY.format(e.at().atZone(zone)) + " " + (protocol.indexOf(e.phaseId()) + 1) + ". " + phaseName(e.phaseId()) + why);
        }
        if (phases.isEmpty()) {
            state.recovery().ifPresent(r -> phases.add("Now: " + phaseName(r.phaseId()) + " (since " + DAY.format(r.enteredPhaseAt(data.now()).atZone(zone)) + ")"));
        }
        w.wrapped(Writer.REGULAR, 8, phases.isEmpty() ? "Recovery not started." : String.join("  >  ", phases));
        w.gap(4);

        List<ProgressData.Point> points = data.checkIns();
        if (points.size() >= 2) {
            byte[] png = chart.png(data, 1500, 760);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
            float width = w.width();
            float height = width * image.getHeight() / image.getWidth();
            w.image(xo, width, height);
        }
        w.heading("Pain");
        if (points.isEmpty()) {
            w.line(Writer.REGULAR, 9, "No check-ins yet.");
        } else {
            ProgressData.Point last = points.get(points.size() - 1);
            ProgressData.Point first = points.get(0);
            w.line(Writer.BOLD, 9, "Latest check-in " + DATE.format(last.at().atZone(zone)) + ": pain " + last.before()
                    + "/10 before moving, " + last.after() + "/10 after.");
            w.line(Writer.REGULAR, 8, "First check-in " + DATE.format(first.at().atZone(zone)) + ": pain " + first.before()
                    + "/10 before moving, " + first.after() + "/10 after.");
        }
        w.gap(2);

        w.heading("Regressions and why");
        List<String> regressions = new ArrayList<>();
        for (ProgressEvent e : data.eventsOf(ProgressEvent.Kind.PHASE)) {
            if (e.detail().equals("REGRESSED")) {
                Optional<ProgressData.Point> cause = points.stream().filter(p -> p.outcome().equals("REGRESSED") && !p.at().isAfter(e.at()))
                        .reduce((a, b) -> b);
                regressions.add(DAY.format(e.at().atZone(zone)) + ": back to " + phaseName(e.phaseId()) + cause
                        .map(p -> ", pain rose from " + p.before() + " to " + p.after() + " while moving (the protocol steps back at a rise of "
                                + protocol.checkIn().regressionRise() + " or more)").orElse(""));
            } else if (e.detail().equals("GATE_FAILED")) {
                regressions.add(DAY.format(e.at().atZone(zone)) + ": back to " + phaseName(e.phaseId()) + ", a functional test was not passed");
            }
        }
        for (ProgressEvent e : data.eventsOf(ProgressEvent.Kind.STRAIN_HOLD)) {
            regressions.add(DAY.format(e.at().atZone(zone)) + ": back strain reported after a session; bodyweight hinges only for "
                    + protocol.loading().strainHoldDays() + " days");
        }
        w.wrapped(Writer.REGULAR, 8, regressions.isEmpty() ? "None." : String.join(".  ", regressions) + ".");
        w.gap(2);

        w.heading("Functional tests");
        List<String> tests = new ArrayList<>();
        data.eventsOf(ProgressEvent.Kind.GATE_PASSED).forEach(e -> tests.add("all passed on " + DATE.format(e.at().atZone(zone))));
        data.eventsOf(ProgressEvent.Kind.PHASE).stream().filter(e -> e.detail().equals("GATE_FAILED"))
                .forEach(e -> tests.add("not all passed on " + DATE.format(e.at().atZone(zone))));
        String testNames = protocol.phases().stream().flatMap(p -> p.gate().stream()).flatMap(g -> g.tests().stream())
                .map(Protocol.FunctionalTest::text).reduce((a, b) -> a + "; " + b).orElse("");
        w.wrapped(Writer.REGULAR, 8, (tests.isEmpty() ? "Not taken yet." : capital(String.join(", ", tests)) + ".")
                + (testNames.isEmpty() ? "" : " Tests: " + testNames));
        w.gap(2);

        w.heading("Current loads");
        w.wrapped(Writer.REGULAR, 8, loads(state, data));
        w.gap(2);

        w.heading("Adherence");
        long days = state.recovery().map(r -> Math.max(1, Duration.between(r.startedAt(), data.now()).toDays() + 1)).orElse(0L);
        w.wrapped(Writer.REGULAR, 8, points.size() + " check-ins" + (days > 0 ? " over " + days + " days of recovery ("
                + Math.min(100, Math.round(100.0 * points.size() / days)) + "%)" : "") + "; reminders: "
                + state.reminders().delivered().size() + " sent, " + state.reminders().done().size() + " marked Done.");
        w.gap(2);

        w.heading("Clinician clearances recorded");
        List<String> clearances = new ArrayList<>();
        data.eventsOf(ProgressEvent.Kind.CLEARANCE).forEach(e -> clearances.add(DATE.format(e.at().atZone(zone))
                + ": the person said a clinician cleared them to train, after \"" + outcome(Outcome.valueOf(e.detail())) + "\""));
        if (clearances.isEmpty()) {
            state.clearance().ifPresent(c -> clearances.add(DATE.format(c.at().atZone(zone))
                    + ": the person said a clinician cleared them to train, after \"" + outcome(c.after()) + "\""));
        }
        w.wrapped(Writer.REGULAR, 8, clearances.isEmpty() ? "None." : String.join(".  ", clearances) + ".");
    }

    private String loads(ConversationState state, ProgressData data) {
        Optional<RecoveryProgress> recovery = state.recovery();
        if (recovery.isEmpty()) {
            return "No plan.";
        }
        RecoveryProgress p = recovery.get();
        List<String> out = new ArrayList<>();
        for (Protocol.Item item : rules.currentItems(p, data.now())) {
            rules.load(item, p, data.now()).ifPresent(load -> out.add(protocol.exercise(item.exercise())
                    .map(Protocol.Exercise::name).orElse(item.exercise()) + " " + fmt(load.kg()) + " kg"
                    + item.sets().map(sets -> ", " + sets + " sets").orElse("") + item.reps().map(reps -> " of " + reps).orElse("")));
        }
        String oneRm = p.oneRepMaxKg().map(kg -> " One-rep max before the injury: " + fmt(kg) + " kg.").orElse("");
        String hold = p.inStrainHold(data.now()) ? " Loaded work on hold after a back strain." : "";
        return (out.isEmpty() ? "No loaded work on today's plan (" + phaseName(p.phaseId()) + ")." : String.join("; ", out) + ".") + hold + oneRm;
    }

    private String phaseName(String id) {
        return protocol.phase(id).map(Protocol.Phase::name).orElse(id);
    }

    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case EMERGENCY -> "emergency care";
            case URGENT -> "see a doctor today";
            case SEE_CLINICIAN -> "see a clinician";
            case RECOVERY -> "no warning signs, recovery plan";
        };
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String fmt(double kg) {
        return kg == Math.rint(kg) ? String.valueOf((long) kg) : String.valueOf(Math.round(kg * 10) / 10.0);
    }

    /** Lines top to bottom within the margins; what would run past the bottom is cut, with one note. */
    private static final class Writer {
        static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final PDPageContentStream s;
        private final PDRectangle box;
        private float y;
        private boolean full;

        Writer(PDPageContentStream s, PDRectangle box) {
            this.s = s;
            this.box = box;
            this.y = box.getHeight() - MARGIN;
        }

        float width() {
            return box.getWidth() - 2 * MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void heading(String text) {
            line(BOLD, 10, text);
        }

        void line(PDType1Font font, float size, String text) {
            if (full) {
                return;
            }
            float lead = size * 1.3f;
            if (y - lead < MARGIN + 10) {
                full = true;
                text = "(more than fits on one page; ask for /export for everything)";
                font = REGULAR;
                size = 7;
            }
            try {
                y -= lead;
                s.beginText();
                s.setFont(font, size);
                s.newLineAtOffset(MARGIN, y);
                s.showText(winAnsi(text));
                s.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void wrapped(PDType1Font font, float size, String text) {
            for (String line : wrap(font, size, winAnsi(text))) {
                line(font, size, line);
            }
        }

        void image(PDImageXObject image, float w, float h) throws IOException {
            if (full || y - h < MARGIN + 60) {
                return;
            }
            y -= h;
            s.drawImage(image, MARGIN, y, w, h);
        }

        private List<String> wrap(PDType1Font font, float size, String text) {
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = current.length() == 0 ? word : current + " " + word;
                if (textWidth(font, size, candidate) > width() && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder(word);
                } else {
                    current = new StringBuilder(candidate);
                }
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            return lines;
        }

        private static float textWidth(PDType1Font font, float size, String text) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The standard fonts encode WinAnsi only: arrows, dashes and curly quotes become plain ones, anything else '?'. */
        static String winAnsi(String text) {
            StringBuilder b = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '\u2192' -> b.append("->");
                    case '\u2013', '\u2014' -> b.append('-');
                    case '\u2018', '\u2019' -> b.append('\'');
                    case '\u201C', '\u201D' -> b.append('"');
                    case '\n', '\r', '\t' -> b.append(' ');
                    default -> b.append((c >= 32 && c < 127) || (c >= 160 && c <= 255) ? c : '?');
                }
            }
            return b.toString();
        }
    }
}
