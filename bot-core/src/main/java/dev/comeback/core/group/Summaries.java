package dev.comeback.core.group;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import dev.comeback.core.group.compose.MemberSummary;
import dev.comeback.core.protocol.CheckIn;
import dev.comeback.core.protocol.Protocol;
import dev.comeback.core.protocol.RecoveryProgress;
import dev.comeback.core.storage.ConversationStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that reads a member's personal state for a group: it reduces it to a {@link MemberSummary},
 * keeping phase and pain only for a member who shares their progress and is in the recovery protocol. A
 * member sent to real care (EMERGENCY, URGENT, SEE A CLINICIAN) shows only whether they wrote today.
 */
public final class Summaries {
    /** Check-ins averaged at each end of the pain trend. */
    static final int TREND_CHECK_INS = 3;

    private final Protocol protocol;
    private final ConversationStore people;

    public Summaries(Protocol protocol, ConversationStore people) {
        this.protocol = protocol;
        this.people = people;
    }

    /** The member's summary for {@code today} in {@code zone}, from their stored conversation. */
    public MemberSummary of(Membership member, LocalDate today, ZoneId zone) {
        return of(member, people.load(member.member().key()), today, zone);
    }

    /**
     * Whether the person is following the recovery plan (so a check-in means something to them); false for
     * someone not started, in the quiz, or sent to real care. Only ever used for what to say to them privately.
     */
    public boolean followsPlan(dev.comeback.core.message.UserRef user) {
        return people.load(user.key()).filter(s -> s.stage() == Stage.RECOVERY).isPresent();
    }

    /** Whether the person has a stored conversation (has ever started one). */
    public boolean started(dev.comeback.core.message.UserRef user) {
        return people.load(user.key()).isPresent();
    }

    private MemberSummary of(Membership member, Optional<ConversationState> state, LocalDate today, ZoneId zone) {
        Optional<RecoveryProgress> recovery = state.filter(s -> s.stage() == Stage.RECOVERY).flatMap(ConversationState::recovery);
        Set<LocalDate> days = new HashSet<>();
        if (recovery.isPresent()) {
            recovery.get().checkIns().forEach(c -> days.add(day(c.at(), zone)));
        } else {
            state.flatMap(s -> s.reminders().heardAt()).ifPresent(at -> days.add(day(at, zone)));
        }
        Optional<LocalDate> last = days.stream().filter(d -> !d.isAfter(today)).max(LocalDate::compareTo);
        int streak = 0;
        LocalDate d = days.contains(today) ? today : today.minusDays(1);
        while (days.contains(d)) {
            streak++;
            d = d.minusDays(1);
        }
        OptionalInt adherence = state.map(s -> s.reminders())
                .filter(log -> !log.delivered().isEmpty())
                .map(log -> OptionalInt.of((int) Math.round(100.0 * Math.min(log.done().size(), log.delivered().size()) / log.delivered().size())))
                .orElse(OptionalInt.empty());
        Optional<MemberSummary.Progress> progress = member.sharing() == Sharing.PROGRESS
                ? recovery.map(this::progress) : Optional.empty();
        return new MemberSummary(member.member().key(), member.displayName(), member.handle(), days.contains(today), streak,
                last, day(member.joinedAt(), zone), adherence, progress);
    }

    private MemberSummary.Progress progress(RecoveryProgress r) {
        List<CheckIn> checkIns = r.checkIns();
        OptionalDouble trend = OptionalDouble.empty();
        if (checkIns.size() >= 2) {
            int n = Math.min(TREND_CHECK_INS, checkIns.size() / 2);
            double first = checkIns.subList(0, n).stream().mapToInt(CheckIn::before).average().orElse(0);
            double latest = checkIns.subList(checkIns.size() - n, checkIns.size()).stream().mapToInt(CheckIn::before).average().orElse(0);
            trend = OptionalDouble.of(latest - first);
        }
        OptionalInt lastPain = checkIns.isEmpty() ? OptionalInt.empty() : OptionalInt.of(checkIns.get(checkIns.size() - 1).before());
        String name = protocol.phase(r.phaseId()).map(Protocol.Phase::name).orElse(r.phaseId());
        return new MemberSummary.Progress(protocol.indexOf(r.phaseId()) + 1, name, trend, lastPain);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** Joined names, for messages. */
    static String names(List<MemberSummary> members) {
        return members.stream().map(MemberSummary::name).collect(Collectors.joining(", "));
    }
}
