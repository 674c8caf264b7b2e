package dev.comeback.core.conversation;

import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.safety.Phrasings;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every phrasing of the table (src/test/resources/red-flag-phrasings.tsv) typed in every conversation state:
 * each that names a sign brings the emergency advice, or a confirming question whose "Yes" brings it; none of
 * the harmless ones brings either. Prints caught/total and false alarms/total per state.
 */
class RedFlagPhrasingSuiteTest {
    private static final Conversation CONVERSATION = new Conversation(ChatDriver.CONTENT);

    private static Map<String, Consumer<ChatDriver>> states() {
        Map<String, Consumer<ChatDriver>> states = new LinkedHashMap<>();
        states.put("never talked", chat -> { });
        states.put("quiz, first question", chat -> chat.send("/start"));
        states.put("quiz, pattern questions", chat -> chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS).press("Yes, no spikes"));
        states.put("onboarding, when the pain started", chat -> chat.send("/start").pressRepeatedly("No", Triage.CONCERN_QUESTIONS)
                .press("Yes, no spikes").press("A day or two later").press("Dull, even stiffness").press("Yes, it eases"));
        states.put("onboarding, time zone", Triage::toRecoveryProfile);
        states.put("onboarding, picking a zone", chat -> Triage.toRecoveryProfile(chat).send("IST"));
        states.put("onboarding, kg or lb", chat -> Triage.toRecoveryProfile(chat).send("Europe/Berlin"));
        states.put("onboarding, body weight", chat -> Triage.toRecoveryProfile(chat).send("Europe/Berlin").press("kg"));
        states.put("onboarding, confirming a weight", chat -> Triage.toRecoveryProfile(chat).send("Europe/Berlin").press("kg").send("260"));
        states.put("settings menu", chat -> Triage.toRecovery(chat).send("/settings"));
        states.put("recovery, no question open", Triage::toRecovery);
        states.put("check-in, safety question", chat -> Triage.toRecovery(chat).send("/checkin"));
        states.put("check-in, pain score", chat -> Triage.toRecovery(chat).send("/checkin").press("No"));
        states.put("functional tests", Recovery::toFunctionalTests);
        states.put("asking the one-rep max", chat -> Recovery.passAllTests(Recovery.toFunctionalTests(chat)).advance(Duration.ofDays(7)).send("/today"));
        states.put("loaded-session question", chat -> {
            Recovery.toReloading(chat, "180");
            chat.send("/checkin").press("No").press("1").press("1").press("No");
            assertThat(chat.lastButtonLabels()).contains("Felt back strain");
        });
        states.put("outcome: see a clinician", chat -> chat.send("/start").pressRepeatedly("No", 9).press("Yes"));
        states.put("outcome: see a doctor today", chat -> chat.send("/start").pressRepeatedly("No", 4).press("Yes"));
        states.put("outcome: asked about a clearance", chat -> chat.send("/start").pressRepeatedly("No", 9).press("Yes").send("/triage"));
        states.put("confirming a retake", chat -> Triage.toRecovery(chat).send("/triage"));
        states.put("paused", chat -> Triage.toRecovery(chat).send("/stop"));
        states.put("confirming a reset", chat -> Triage.toRecovery(chat).send("/reset"));
        return states;
    }

    @Test
    void everySignIsCaughtAndNothingHarmlessAlarmsInEveryState() {
        Phrasings table = Phrasings.load();
        assertThat(table.signs()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(table.harmless()).hasSizeGreaterThanOrEqualTo(50);
        List<String> failures = new ArrayList<>();
        int caughtAll = 0;
        int signsAll = 0;
        int alarmsAll = 0;
        int harmlessAll = 0;
        for (Map.Entry<String, Consumer<ChatDriver>> s : states().entrySet()) {
            ChatDriver chat = ChatDriver.inMemory();
            s.getValue().accept(chat);
            ConversationState stored = chat.state().orElseGet(() -> ConversationState.fresh(chat.now()));
            int caught = 0;
            for (String text : table.signs()) {
                if (caught(stored, chat, text)) {
                    caught++;
                } else {
                    failures.add(s.getKey() + ": missed \"" + text + "\"");
                }
            }
            int alarms = 0;
            for (String text : table.harmless()) {
                Turn turn = CONVERSATION.step(stored, new Incoming.Text(chat.user(), chat.chat(), text, chat.now()));
                if (isEmergency(turn) || turn.state().overlay() == Overlay.CONFIRM_RED_FLAG) {
                    alarms++;
                    failures.add(s.getKey() + ": false alarm on \"" + text + "\": " + texts(turn));
                }
            }
            System.out.printf("red flags, %-28s caught %d/%d, false alarms %d/%d%n", s.getKey() + ":", caught,
                    table.signs().size(), alarms, table.harmless().size());
            caughtAll += caught;
            signsAll += table.signs().size();
            alarmsAll += alarms;
            harmlessAll += table.harmless().size();
        }
        System.out.printf("red flags, all states: caught %d/%d, false alarms %d/%d%n", caughtAll, signsAll, alarmsAll, harmlessAll);
        assertThat(failures).isEmpty();
    }

    private static boolean caught(ConversationState stored, ChatDriver chat, String text) {
        Turn turn = CONVERSATION.step(stored, new Incoming.Text(chat.user(), chat.chat(), text, chat.now()));
        if (isEmergency(turn)) {
            return true;
        }
        if (turn.state().overlay() != Overlay.CONFIRM_RED_FLAG) {
            return false;
        }
        String yes = turn.replies().stream().flatMap(r -> r.buttons().stream())
                .filter(b -> b.label().equals("Yes")).map(b -> b.data()).findFirst().orElse("");
        Turn confirmed = CONVERSATION.step(turn.state(), new Incoming.Press(chat.user(), chat.chat(), yes, chat.now()));
        return isEmergency(confirmed);
    }

    private static boolean isEmergency(Turn turn) {
        return turn.replies().stream().anyMatch(r -> r.text().startsWith("EMERGENCY"))
                && turn.state().stage() == Stage.REFERRED;
    }

    private static String texts(Turn turn) {
        return String.join(" | ", turn.replies().stream().map(Reply::text).toList());
    }
}
