package dev.comeback.core.protocol;

import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import dev.comeback.core.conversation.Turn;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.reminders.ReminderKind;
import dev.comeback.core.storage.StateCodec;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.Triage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random journeys through the whole protocol (issue 12): random check-in answers, silences, snoozes,
 * failed tests, regressions, pauses and restarts (the state through the real codec), on a virtual clock,
 * straight through the pure conversation step: no database. After every turn the protocol's invariants hold.
 * {@code -Djourneys.seed=N} replays a run; {@code -Djourneys.count=N} runs more.
 */
class RandomJourneysTest {
    private static final Conversation CONVERSATION = new Conversation(ChatDriver.CONTENT);
    private static final Protocol PROTOCOL = ChatDriver.CONTENT.protocol();
    private static final PhaseRules RULES = new PhaseRules(PROTOCOL);
    private static final UserRef USER = UserRef.of("test", "journey");
    private static final ChatRef CHAT = ChatRef.privateChat("test", "journey");
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Pacific/Auckland", "Asia/Kolkata");
    private static final List<String> ONSETS = List.of("Today", "Yesterday", "2 days ago", "3 or more days ago");
    private static final List<String> WAKING = List.of("", "07:00-23:00", "22:00-06:00", "16:00-24:00", "10:00-20:00");

    private static final class Journey {
        final Random random;
        ConversationState state;
        Instant now;
        List<Reply> last = List.of();
        List<Reply> turnReplies = List.of();
        LocalTime wakeFrom = LocalTime.of(8, 0);
        LocalTime wakeTo = LocalTime.of(22, 0);
        final Set<String> sent = new HashSet<>();
        final Map<String, Instant> iceSentAt = new HashMap<>();
        final Map<String, Double> loads = new HashMap<>();
        final StringBuilder log = new StringBuilder();

        Journey(long seed) {
            random = new Random(seed);
            log.append("seed ").append(seed).append('\n');
            now = Instant.parse("2026-01-05T06:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 300)));
            state = ConversationState.fresh(now);
        }

        void turn(Incoming in) {
            Turn t = CONVERSATION.step(state, in);
            state = t.state();
            turnReplies = t.replies();
            if (!t.replies().isEmpty()) {
                last = t.replies();
            }
            check();
        }

        void send(String text) {
            log.append(now).append(" > ").append(text).append('\n');
            turn(new Incoming.Text(USER, CHAT, text, now));
        }

        boolean press(String label) {
            Optional<Button> b = last.stream().flatMap(r -> r.buttons().stream()).filter(x -> x.label().equalsIgnoreCase(label)).reduce((a, c) -> c);
            if (b.isEmpty()) {
                return false;
            }
            log.append(now).append(" [").append(label).append("]\n");
            turn(new Incoming.Press(USER, CHAT, b.get().data(), now));
            return true;
        }

        String text() {
            return String.join("\n", last.stream().map(Reply::text).toList());
        }

        /** Moves the clock, delivering each reminder as it falls due, like the console's :wait. */
        void waitFor(Duration d) {
            Instant target = now.plus(d);
            log.append(now).append(" :wait ").append(d).append('\n');
            Set<String> handled = new HashSet<>();
            Instant from = now;
            while (true) {
                // Looking a day ahead at a time keeps long silences cheap.
                Instant horizon = from.plus(Duration.ofDays(1)).isBefore(target) ? from.plus(Duration.ofDays(1)) : target;
                Optional<PlannedReminder> next = CONVERSATION.plannedReminders(state, from, horizon).stream()
                        .filter(r -> !handled.contains(r.id())).findFirst();
                if (next.isEmpty()) {
                    if (horizon.equals(target)) {
                        break;
                    }
                    from = horizon;
                    continue;
                }
                PlannedReminder due = next.get();
                now = due.dueAt();
                List<String> before = state.reminders().delivered();
                turn(new Incoming.Due(USER, CHAT, due.id(), due.dueAt(), now));
                List<String> after = new ArrayList<>(state.reminders().delivered());
                after.removeAll(before);
                boolean skipped = turnReplies.isEmpty() || turnReplies.get(turnReplies.size() - 1).text().startsWith("I was offline");
                for (String id : skipped ? List.<String>of() : after) {
                    assertThat(sent.add(id)).as("reminder %s delivered twice\n%s", id, log).isTrue();
                    Optional<ReminderKind> kind = PlannedReminder.kindOf(id);
                    assertThat(waking(now)).as("reminder %s at %s outside waking hours %s-%s\n%s", id, local(now), wakeFrom, wakeTo, log).isTrue();
                    if (kind.orElseThrow() == ReminderKind.ICE) {
                        iceSentAt.put(PlannedReminder.originalOf(id), now);
                    }
                    if (kind.orElseThrow() == ReminderKind.ICE_OFF) {
                        Instant iceAt = now.minus(Duration.ofMinutes(20));
                        assertThat(iceSentAt.containsValue(iceAt)).as("ice-off %s at %s without its ice 20 minutes before\n%s", id, local(now), log).isTrue();
                    }
                }
                if (Boolean.getBoolean("journeys.trace")) {
                    log.append("  due ").append(due.id()).append(" at ").append(local(now)).append(" sent ").append(after).append(" phase ")
                            .append(state.recovery().map(RecoveryProgress::phaseId).orElse("-")).append('\n');
                }
                handled.add(due.id());
                from = due.dueAt().minusNanos(1);
            }
            now = target;
        }

        LocalDateTime local(Instant t) {
            return t.atZone(zone()).toLocalDateTime();
        }

        ZoneId zone() {
            return ZoneId.of(state.profile().timeZone().orElse("UTC"));
        }

        boolean waking(Instant t) {
            LocalDateTime l = local(t);
            long len = Duration.between(wakeFrom, wakeTo).toMinutes();
            len = len > 0 ? len : len + 1440;
            for (int back = 0; back <= 1; back++) {
                LocalDateTime anchor = LocalDateTime.of(l.toLocalDate().minusDays(back), wakeFrom);
                if (!l.isBefore(anchor) && l.isBefore(anchor.plusMinutes(len))) {
                    return true;
                }
            }
            return false;
        }

        /** The invariants, after every turn. */
        void check() {
            if (state.stage() != Stage.RECOVERY || state.recovery().isEmpty()) {
                return;
            }
            RecoveryProgress p = state.recovery().get();
            if (!state.paused() && state.profile().timeZone().isPresent()
                    && CONVERSATION.plannedReminders(state, now, now.plus(Duration.ofHours(25))).isEmpty()) {
                assertThat(CONVERSATION.plannedReminders(state, now, now.plus(Duration.ofDays(8))))
                        .as("an active plan with no reminder ahead at %s\n%s\n%s", now, log, StateCodec.encode(state)).isNotEmpty();
            }
            for (Protocol.Item item : RULES.currentItems(p, now)) {
                if (item.loadPercent().isEmpty()) {
                    continue;
                }
                assertThat(RULES.loadedWorkAllowed(p, now)).as("loaded %s offered without a steady check-in in 48 h\n%s", item.exercise(), log).isTrue();
                Instant cutoff = now.minus(Duration.ofHours(48));
                Optional<CheckIn> latest = p.checkIns().stream().filter(c -> !c.at().isBefore(cutoff) && !c.at().isAfter(now)).reduce((a, b) -> b);
                assertThat(latest).as("no check-in in the 48 h before loaded work\n%s", log).isPresent();
                assertThat(latest.get().rise()).isLessThan(2);
                Optional<PhaseRules.Load> load = RULES.load(item, p, now);
                if (load.isEmpty() || !load.get().fits()) {
                    continue;
                }
                PhaseRules.Load l = load.get();
                assertThat(l.kg()).as("load above the block's range\n%s", log).isLessThanOrEqualTo(l.rangeMaxKg() + 1e-6);
                if (l.percent().min() < l.percent().max()) {
                    assertThat(l.kg()).as("load below the block's range\n%s", log).isGreaterThanOrEqualTo(l.rangeMinKg() - 1e-6);
                } else {
                    assertThat(l.rangeMaxKg() - l.kg()).isLessThan(PROTOCOL.loading().roundingStepKg());
                }
                String key = p.phaseId() + "|" + RULES.loadBlock(p, now) + "|" + item.exercise() + "|" + p.phaseStartedAt();
                Double previous = loads.put(key, l.kg());
                if (previous != null && l.kg() > previous) {
                    assertThat(l.kg()).as("a rise of more than 5%% (%s -> %s)\n%s", previous, l.kg(), log).isLessThanOrEqualTo(previous * 1.05 + 1e-6);
                }
            }
        }

        void checkIn() {
            send("/checkin");
            press("No");
            int before = random.nextInt(6);
            int after = Math.max(0, Math.min(10, before + random.nextInt(6) - 2 - (random.nextInt(3) == 0 ? 0 : 1)));
            press(String.valueOf(before));
            press(String.valueOf(after));
            press(random.nextInt(8) == 0 ? "Yes" : "No");
            if (random.nextInt(10) == 0) {
                press("Felt back strain");
            } else if (random.nextBoolean()) {
                press("All sets pain-free, good form");
            } else {
                press("No session since last check-in");
            }
        }
    }

    private static void run(long seed) {
        Journey j = new Journey(seed);
        j.send("/start");
        for (int i = 0; i < Triage.CONCERN_QUESTIONS; i++) {
            j.press("No");
        }
        j.press("Yes, no spikes");
        j.press("A day or two later");
        j.press("Dull, even stiffness");
        j.press("Yes, it eases");
        j.press(ONSETS.get(j.random.nextInt(ONSETS.size())));
        j.send(ZONES.get(j.random.nextInt(ZONES.size())));
        j.press(j.random.nextBoolean() ? "kg" : "lb");
        j.send(String.valueOf(j.text().contains("in lb") ? 110 + j.random.nextInt(170) : 50 + j.random.nextInt(80)));
        assertThat(j.state.stage()).as("onboarding ends in recovery\n%s", j.log).isEqualTo(dev.comeback.core.conversation.Stage.RECOVERY);
        String waking = WAKING.get(j.random.nextInt(WAKING.size()));
        if (!waking.isEmpty()) {
            j.send("/settings waking " + waking);
            String[] parts = waking.split("-");
            j.wakeFrom = LocalTime.parse(parts[0]);
            j.wakeTo = parts[1].equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(parts[1]);
        }
        boolean diligent = j.random.nextInt(3) > 0;
        for (int step = 0; step < 45; step++) {
            int action = j.random.nextInt(20);
            if (j.text().contains("one-rep max from before the injury")) {
                j.send(String.valueOf(40 + j.random.nextInt(260)));
            } else if (j.text().contains("Did you pass?")) {
                j.press(j.random.nextInt(5) == 0 ? "Not yet" : "Passed");
            } else if (action < (diligent ? 8 : 3)) {
                j.checkIn();
            } else if (action < 12) {
                j.waitFor(Duration.ofMinutes(30 + j.random.nextInt(60 * 30)));
            } else if (action < 13) {
                j.waitFor(Duration.ofDays(2 + j.random.nextInt(20)));
            } else if (action < 15) {
                if (!j.press("Snooze 20 min") && !j.press("Snooze 1 h")) {
                    j.send("/snooze " + (10 + j.random.nextInt(170)) + "m");
                }
            } else if (action < 16) {
                j.send("/stop");
                j.waitFor(Duration.ofHours(1 + j.random.nextInt(72)));
                j.send("/start");
            } else if (action < 17) {
                // A restart: the state goes through the stored form.
                j.state = StateCodec.decode(StateCodec.encode(j.state));
                j.send("/today");
            } else if (action < 18) {
                j.send("/plan");
            } else {
                j.send("/today");
            }
        }
    }

    @Test
    void aThousandRandomJourneysKeepEveryRuleOfTheProtocol() {
        long seed = Long.getLong("journeys.seed", 20260302L);
        int count = Integer.getInteger("journeys.count", 1000);
        for (int i = 0; i < count; i++) {
            run(seed + i);
        }
    }
}
