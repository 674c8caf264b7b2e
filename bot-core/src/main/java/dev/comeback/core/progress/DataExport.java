package dev.comeback.core.progress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.reminders.PlannedReminder;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about a person as one JSON document (/export), made with Jackson. Its fields are
 * described one by one in README.md ("What /export contains"); {@link #FORMAT} names the layout.
 * Times are ISO-8601 UTC instants, pain 0-10, loads and weights in kilograms.
 */
public final class DataExport {
    public static final String FORMAT = "comeback-export-1";
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private DataExport() {
    }

    /**
     * The document: {@code state} empty when nothing is stored in the conversation table; {@code rows} every
     * row about the person by table (see {@code PersonalRows}); {@code planned} their reminders to come.
     */
    public static byte[] json(String userKey, Optional<ConversationState> state, List<ProgressEvent> events,
                              Map<String, List<Map<String, Object>>> rows, List<PlannedReminder> planned,
                              java.time.Instant now) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("exportedAt", now.toString());
        root.put("person", userKey);
        state.ifPresent(s -> {
            ProgressData data = new ProgressData(userKey, s, events, now);
            root.set("profile", JSON.valueToTree(s.profile()));
            root.put("stage", s.stage().name());
            root.put("paused", s.paused());
            ObjectNode triage = root.putObject("triage");
            triage.set("answers", JSON.valueToTree(s.triageAnswers()));
            triage.set("result", s.triageResult().map(r -> (JsonNode) JSON.valueToTree(r)).orElse(JSON.nullNode()));
            root.set("clearance", s.clearance().map(c -> (JsonNode) JSON.valueToTree(c)).orElse(JSON.nullNode()));
            root.set("recovery", s.recovery().map(r -> {
                ObjectNode node = JSON.valueToTree(r);
                node.remove("checkIns");
                return (JsonNode) node;
            }).orElse(JSON.nullNode()));
            ArrayNode checkIns = root.putArray("checkIns");
            for (ProgressData.Point p : data.checkIns()) {
                ObjectNode c = checkIns.addObject();
                c.put("at", p.at().toString());
                c.put("painBefore", p.before());
                c.put("painAfter", p.after());
                c.put("outcome", p.outcome());
                c.put("phase", p.phaseId());
                c.put("loadKg", p.loadKg());
            }
            ObjectNode adherence = root.putObject("adherence");
            adherence.put("checkIns", checkIns.size());
            adherence.put("remindersDelivered", s.reminders().delivered().size());
            adherence.put("remindersDone", s.reminders().done().size());
            adherence.set("deliveredIds", JSON.valueToTree(s.reminders().delivered()));
            adherence.set("doneIds", JSON.valueToTree(s.reminders().done()));
            adherence.set("snoozes", JSON.valueToTree(s.reminders().snoozes()));
        });
        if (state.isEmpty()) {
            root.putArray("checkIns");
        }
        root.set("history", JSON.valueToTree(events));
        ArrayNode plannedNode = root.putArray("remindersPlanned");
        for (PlannedReminder r : planned) {
            ObjectNode n = plannedNode.addObject();
            n.put("id", r.id());
            n.put("kind", r.kind().name());
            n.put("dueAt", r.dueAt().toString());
        }
        root.set("rows", JSON.valueToTree(rows));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export of " + userKey, e);
        }
    }
}
