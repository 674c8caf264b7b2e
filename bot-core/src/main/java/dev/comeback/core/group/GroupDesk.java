package dev.comeback.core.group;

import dev.comeback.core.content.Content;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.group.compose.Digest;
import dev.comeback.core.group.compose.MemberSummary;
import dev.comeback.core.group.compose.Roster;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.ReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.AlreadyRecordedException;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.DeliveryMark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coaching groups: the group commands ({@code /coach}, {@code /join}, {@code /leave}, {@code /roster},
 * {@code /nudge}, {@code /warmup}, {@code /digest}), joining by a link's token in the private chat, the
 * sharing choices, platform events about members, and the daily digests and warm-ups that fall due. A group
 * turn has the group as its subject (its key, its lock, its rows); each message it sends names its
 * destination (the group, or a member's private chat). Digests and rosters are composed from
 * {@link MemberSummary} records only, so nothing personal reaches a group unless its member chose to share it.
 */
public final class GroupDesk {
    private static final Logger log = LoggerFactory.getLogger(GroupDesk.class);
    /** Button data of the sharing questions: {@code grp:share:<group key>:PROGRESS}, {@code grp:tell:<group key>:y}. */
    public static final String PRESS = "grp";
    /** The commands a group chat hands to this desk; anything else in a group gets the core's pointer reply. */
    public static final List<String> GROUP_COMMANDS = GroupCommands.ALL.stream().map(GroupCommands.Command::name).toList();
    /** A digest posted up to this late (after downtime) still describes its day; later it is skipped. */
    public static final Duration DIGEST_STALE_AFTER = Duration.ofHours(3);
    /** A warm-up reminder later than this is past its use. */
    public static final Duration WARM_UP_STALE_AFTER = Duration.ofMinutes(20);
    static final String DIGEST = "digest:";
    static final String WARM_UP = "warmup:";
    private static final Pattern COMMAND = Pattern.compile("/([A-Za-z0-9_]{1,64})(?:@\\w+)?(?:\\s+(.*))?", Pattern.DOTALL);
    private static final Pattern START_TOKEN = Pattern.compile("/start(?:@\\w+)?\\s+(j[A-Za-z0-9]{8,40})");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.h]([0-5]\\d)");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final String OUR_FAULT =
            "Sorry, something went wrong on my side and I could not take that in. Please send it again in a moment.";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Summaries summaries;
    private final ConversationStore people;
    private final GroupStore store;
    private final PrivateChats privateChats;
    private final Supplier<String> tokens;
    private final Map<String, GroupDirectory> directories = new ConcurrentHashMap<>();
    private volatile Optional<ReminderScheduler> scheduler = Optional.empty();
    private final ReentrantLock[] locks = new ReentrantLock[64];

    public GroupDesk(Content content, ConversationStore people, GroupStore store, PrivateChats privateChats) {
        this(content, people, store, privateChats, randomTokens());
    }

    GroupDesk(Content content, ConversationStore people, GroupStore store, PrivateChats privateChats, Supplier<String> tokens) {
        this.summaries = new Summaries(content.protocol(), people);
        this.people = people;
        this.store = store;
        this.privateChats = privateChats;
        this.tokens = tokens;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The platform's answers about its group chats (admins, names); one per platform, set by its adapter's wiring. */
    public void register(String platform, GroupDirectory directory) {
        directories.put(platform, directory);
    }

    /** The real-clock scheduler digests and warm-ups are planned on; without one (virtual clock) nothing is planned. */
    public void useScheduler(ReminderScheduler next) {
        scheduler = Optional.of(next);
    }

    /** Whether {@code in} is this desk's to handle rather than the person's own conversation's. */
    public boolean claims(Incoming in) {
        if (in instanceof Incoming.Due) {
            return false;
        }
        if (in instanceof Incoming.Press press) {
            return press.data().startsWith(PRESS + ":");
        }
        Incoming.Text text = (Incoming.Text) in;
        if (in.chat().isGroup()) {
            return text.addressed() && command(text.text()).map(c -> GROUP_COMMANDS.contains(c.name())).orElse(false);
        }
        String typed = text.text().strip();
        return START_TOKEN.matcher(typed).matches()
                || (typed.equalsIgnoreCase("/leave") && !store.memberships(in.user().key()).isEmpty());
    }

    /**
     * Runs one group turn: decides, then commits the group's rows, the messages (into the outbox, with
     * {@code queue}) and the inbound {@code cursor} in one transaction. Returns the messages, each with its
     * destination, or nothing when the stream was already past {@code cursor}. Throws if it cannot be stored.
     */
    public Optional<List<Outgoing>> turn(Incoming in, boolean queue, Optional<Cursor> cursor) {
        String subject = in.chat().isGroup() ? new Subject.Group(in.chat()).key() : in.user().key();
        return underLock(subject, () -> {
            if (cursor.isPresent() && alreadyPast(cursor.get())) {
                return Optional.empty();
            }
            GroupCommit commit;
            try {
                commit = decide(in);
            } catch (RuntimeException e) {
                log.error("group turn failed for {} in {}", in.user().key(), in.chat().key(), e);
                commit = GroupCommit.NOTHING.sending(reply(in, OUR_FAULT));
            }
            commit = commit.withCursor(cursor);
            store.commit(queue ? commit : commit.withoutOutgoing());
            afterCommit(commit, in.at());
            return Optional.of(commit.outgoing());
        });
    }

    /** A member left the group chat, or the bot was removed from it: handled as {@code /leave}, or the group's end. */
    public List<Outgoing> event(MemberEvent event, Optional<Cursor> cursor) {
        String subject = new Subject.Group(event.group()).key();
        return underLock(subject, () -> {
            if (cursor.isPresent() && alreadyPast(cursor.get())) {
                return List.<Outgoing>of();
            }
            GroupCommit commit = GroupCommit.NOTHING;
            if (event.kind() == MemberEvent.Kind.BOT_REMOVED) {
                if (store.group(subject).isPresent()) {
                    commit = commit.removing(subject);
                }
            } else {
                Optional<Membership> member = membership(subject, event.user());
                if (member.isPresent()) {
                    commit = commit.withLeaving(member.get());
                }
            }
            commit = commit.withCursor(cursor);
            store.commit(commit);
            afterCommit(commit, event.at());
            return List.<Outgoing>of();
        });
    }

    /**
     * A digest or warm-up of group {@code groupKey} fell due at {@code dueAt} (UTC) and is handled at {@code at}:
     * composed and committed with its record in the delivery log under the group's key. Returns its messages,
     * or nothing if it was recorded before (a second hand-off after a crash). A removed group gets nothing.
     */
    public Optional<List<Outgoing>> due(String groupKey, String jobId, Instant dueAt, Instant at, boolean queue) {
        return underLock(groupKey, () -> {
            Optional<CoachingGroup> group = store.group(groupKey);
            if (group.isEmpty()) {
                return Optional.of(List.<Outgoing>of());
            }
            LocalDate day = dueAt.atZone(group.get().zone()).toLocalDate();
            GroupCommit commit = jobId.startsWith(DIGEST) ? digest(group.get(), day, Urgency.PROACTIVE, true, at)
                    : GroupCommit.NOTHING.sending(new Outgoing(group.get().coach(), group.get().chat(), Urgency.PROACTIVE,
                            List.of(Reply.text(GroupTexts.warmUp(group.get()))), at));
            commit = commit.withDelivery(new DeliveryMark(groupKey, jobId, dueAt, at));
            try {
                store.commit(queue ? commit : commit.withoutOutgoing());
            } catch (AlreadyRecordedException e) {
                return Optional.empty();
            }
            plan(group.get(), at);
            return Optional.of(commit.outgoing());
        });
    }

    /**
     * The scheduler's hand-off: group keys to {@link #due}, everything else to {@code personal}. With
     * {@code queue} the group's messages go into the outbox; without, to {@code direct} (the console).
     */
    public DueReminderHandler routing(DueReminderHandler personal, boolean queue, Consumer<List<Outgoing>> direct) {
        return new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                if (Subject.isGroupKey(reminder.userKey())) {
                    due(reminder.userKey(), reminder.reminderId(), reminder.due(), firedAt, queue)
                            .filter(out -> !queue && !out.isEmpty()).ifPresent(direct);
                } else {
                    personal.onDue(reminder, firedAt);
                }
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
                if (Subject.isGroupKey(userKey)) {
                    // A digest hours late would describe a day gone by: it is skipped (recorded) and the next planned.
                    store.group(userKey).ifPresent(g -> plan(g, firedAt));
                } else {
                    personal.onStale(userKey, skipped, firedAt);
                }
            }
        };
    }

    /** The group's next digest and next warm-up after {@code now}, as scheduler jobs under the group's key. */
    public static List<ScheduledReminder> jobs(CoachingGroup group, Instant now) {
        List<ScheduledReminder> jobs = new ArrayList<>();
        ZonedDateTime local = now.atZone(group.zone());
        ZonedDateTime digest = ZonedDateTime.of(local.toLocalDate(), group.digestAt(), group.zone());
        if (!digest.toInstant().isAfter(now)) {
            digest = ZonedDateTime.of(local.toLocalDate().plusDays(1), group.digestAt(), group.zone());
        }
        jobs.add(ScheduledReminder.of(group.key(), DIGEST + digest.toInstant(), digest.toInstant(), DIGEST_STALE_AFTER));
        if (!group.trainingDays().isEmpty()) {
            for (int d = 0; d <= 7; d++) {
                LocalDate day = local.toLocalDate().plusDays(d);
                Instant at = ZonedDateTime.of(day, group.trainingAt(), group.zone())
                        .minusMinutes(CoachingGroup.WARM_UP_LEAD_MINUTES).toInstant();
                if (group.trainingDays().contains(day.getDayOfWeek()) && at.isAfter(now)) {
                    jobs.add(ScheduledReminder.of(group.key(), WARM_UP + at, at, WARM_UP_STALE_AFTER));
                    break;
                }
            }
        }
        return jobs;
    }

    /**
     * At start-up: hands the scheduler every group's next jobs, except for groups with a job already past due
     * (it fires now, late or skipped, and plans the next itself). Returns how many groups were planned.
     */
    public int planAll(Clock clock) {
        int planned = 0;
        for (CoachingGroup group : store.groups()) {
            Instant now = clock.instant();
            boolean missed = scheduler.map(s -> s.planned(group.key()).stream().anyMatch(j -> !j.due().isAfter(now))).orElse(false);
            if (!missed) {
                plan(group, now);
                planned++;
            }
        }
        return planned;
    }

    /** Every coaching group (the console walks them on its virtual clock). */
    public List<CoachingGroup> groups() {
        return store.groups();
    }

    private void plan(CoachingGroup group, Instant now) {
        scheduler.ifPresent(s -> s.schedule(group.key(), jobs(group, now)));
    }

    private void afterCommit(GroupCommit commit, Instant now) {
        try {
            commit.group().ifPresent(g -> plan(g, now));
            commit.removeGroup().ifPresent(key -> scheduler.ifPresent(s -> s.cancelAll(key)));
        } catch (RuntimeException e) {
            log.error("cannot plan the digests of a group", e);
        }
    }

    private GroupCommit decide(Incoming in) {
        if (in instanceof Incoming.Press press) {
            return pressed(in, press.data());
        }
        String text = ((Incoming.Text) in).text().strip();
        if (!in.chat().isGroup()) {
            Matcher start = START_TOKEN.matcher(text);
            if (start.matches()) {
                return joinByToken(in, start.group(1));
            }
            return leaveAll(in);
        }
        Command command = command(text).orElseThrow();
        String groupKey = new Subject.Group(in.chat()).key();
        Optional<CoachingGroup> group = store.group(groupKey);
        if (command.name().equals("coach")) {
            return coach(in, group, command.args());
        }
        if (group.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.NOT_A_GROUP));
        }
        CoachingGroup g = group.get();
        return switch (command.name()) {
            case "join" -> join(in, g);
            case "leave" -> leave(in, g);
            default -> isCoach(in.user(), g) ? coachCommand(in, g, command)
                    : GroupCommit.NOTHING.sending(reply(in, GroupTexts.onlyCoach(command.name())));
        };
    }

    private GroupCommit coach(Incoming in, Optional<CoachingGroup> existing, String args) {
        GroupDirectory directory = directory(in.chat());
        boolean allowed = existing.map(g -> isCoach(in.user(), g)).orElseGet(() -> directory.isAdmin(in.user(), in.chat()));
        if (!allowed) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.ONLY_ADMIN));
        }
        LocalTime at = existing.map(CoachingGroup::digestAt).orElse(CoachingGroup.DEFAULT_DIGEST_AT);
        ZoneId zone = existing.map(CoachingGroup::zone).orElse(ZoneId.of("UTC"));
        for (String word : args.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            Matcher time = TIME.matcher(word);
            if (time.matches()) {
                at = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
                continue;
            }
            try {
                zone = ZoneId.of(word);
            } catch (RuntimeException e) {
                return GroupCommit.NOTHING.sending(reply(in, GroupTexts.coachUsage(word)));
            }
        }
        CoachingGroup group = existing.map(g -> g).orElseGet(() -> new CoachingGroup(in.chat(), directory.titleOf(in.chat()),
                in.user(), CoachingGroup.DEFAULT_DIGEST_AT, ZoneId.of("UTC"), Set.of(), LocalTime.of(18, 0), tokens.get(), in.at()))
                .withDigest(at, zone);
        String coachName = directory.nameOf(group.coach(), in.chat()).display();
        // Under the welcome, the way to join: a link into the private chat with the token, or (where the bot may
        // write first) a button that joins at once.
        Reply welcome = existing.isPresent()
                ? Reply.text(GroupTexts.digestMoved(group))
                : directory.mayWriteFirst()
                        ? Reply.choices(GroupTexts.welcome(group, coachName), List.of(new Button(GroupTexts.JOIN_BUTTON,
                                PRESS + ":join:" + group.key() + ":y")))
                        : Reply.text(GroupTexts.welcome(group, coachName)).withPrivatePointer(group.joinToken());
        return GroupCommit.NOTHING.withGroup(group).sending(reply(in, welcome));
    }

    private GroupCommit join(Incoming in, CoachingGroup group) {
        GroupDirectory directory = directory(group.chat());
        GroupDirectory.Name name = directory.nameOf(in.user(), group.chat());
        if (membership(group.key(), in.user()).isPresent()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.alreadyIn(name.display())));
        }
        if (!directory.mayWriteFirst()) {
            return GroupCommit.NOTHING.sending(reply(in,
                    Reply.text(GroupTexts.joinByLink(name.display())).withPrivatePointer(group.joinToken())));
        }
        Membership member = new Membership(group.key(), in.user(), name.display(), name.handle(), Sharing.CHECK_INS, false,
                Optional.empty(), in.at());
        return GroupCommit.NOTHING.withMember(member)
                .sending(reply(in, GroupTexts.joinedWrittenTo(name.display())))
                .sending(new Outgoing(in.user(), privateChats.of(in.user()), Urgency.REPLY, List.of(shareQuestion(group)), in.at()));
    }

    private GroupCommit joinByToken(Incoming in, String token) {
        Optional<CoachingGroup> group = store.byJoinToken(token);
        if (group.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.UNKNOWN_LINK));
        }
        if (membership(group.get().key(), in.user()).isPresent()) {
            return GroupCommit.NOTHING.sending(reply(in, shareQuestion(group.get())));
        }
        GroupDirectory.Name name = directory(group.get().chat()).nameOf(in.user(), group.get().chat());
        Membership member = new Membership(group.get().key(), in.user(), name.display(), name.handle(), Sharing.CHECK_INS,
                false, Optional.empty(), in.at());
        return GroupCommit.NOTHING.withMember(member).sending(reply(in, shareQuestion(group.get())));
    }

    private static Reply shareQuestion(CoachingGroup group) {
        return Reply.choices(GroupTexts.shareQuestion(group), List.of(
                new Button(GroupTexts.SHARE_CHECK_INS, PRESS + ":share:" + group.key() + ":" + Sharing.CHECK_INS.name()),
                new Button(GroupTexts.SHARE_PROGRESS, PRESS + ":share:" + group.key() + ":" + Sharing.PROGRESS.name())));
    }

    private GroupCommit pressed(Incoming in, String data) {
        String[] parts = data.split(":", 3);
        int last = parts.length == 3 ? parts[2].lastIndexOf(':') : -1;
        if (last <= 0) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.OLD_BUTTON));
        }
        String groupKey = parts[2].substring(0, last);
        String value = parts[2].substring(last + 1);
        Optional<CoachingGroup> group = store.group(groupKey);
        if (parts[1].equals("join") && group.isPresent()) {
            return join(in, group.get());
        }
        Optional<Membership> member = membership(groupKey, in.user());
        if (group.isEmpty() || member.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.NOT_A_MEMBER_ANY_MORE));
        }
        if (parts[1].equals("share") && (value.equals(Sharing.CHECK_INS.name()) || value.equals(Sharing.PROGRESS.name()))) {
            Sharing sharing = Sharing.valueOf(value);
            return GroupCommit.NOTHING.withMember(member.get().sharing(sharing)).sending(reply(in, Reply.choices(
                    GroupTexts.shared(sharing) + "\n\n" + GroupTexts.TELL_COACH_QUESTION, List.of(
                            new Button(GroupTexts.TELL_YES, PRESS + ":tell:" + groupKey + ":y"),
                            new Button(GroupTexts.TELL_NO, PRESS + ":tell:" + groupKey + ":n")))));
        }
        if (parts[1].equals("tell") && (value.equals("y") || value.equals("n"))) {
            boolean tell = value.equals("y");
            boolean fresh = !summaries.started(in.user());
            Reply done = fresh
                    ? Reply.choices(GroupTexts.told(tell) + "\n\n" + GroupTexts.START_NOW, List.of(new Button(GroupTexts.START_BUTTON, "cmd:start")))
                    : Reply.text(GroupTexts.told(tell) + "\n\n" + GroupTexts.GOES_ON);
            return GroupCommit.NOTHING.withMember(member.get().tellingCoach(tell)).sending(reply(in, done));
        }
        return GroupCommit.NOTHING.sending(reply(in, GroupTexts.OLD_BUTTON));
    }

    private GroupCommit leave(Incoming in, CoachingGroup group) {
        Optional<Membership> member = membership(group.key(), in.user());
        if (member.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.NOT_A_MEMBER));
        }
        return GroupCommit.NOTHING.withLeaving(member.get()).sending(reply(in, GroupTexts.left(member.get().displayName())));
    }

    private GroupCommit leaveAll(Incoming in) {
        GroupCommit commit = GroupCommit.NOTHING;
        List<String> titles = new ArrayList<>();
        for (Membership m : store.memberships(in.user().key())) {
            commit = commit.withLeaving(m);
            store.group(m.groupKey()).ifPresent(g -> titles.add(g.title()));
        }
        return commit.sending(reply(in, GroupTexts.leftAll(titles)));
    }

    private GroupCommit coachCommand(Incoming in, CoachingGroup group, Command command) {
        return switch (command.name()) {
            case "roster" -> {
                Instant now = in.at();
                String roster = Roster.compose(group.title(), summaries(group, now.atZone(group.zone()).toLocalDate()));
                yield GroupCommit.NOTHING
                        .sending(new Outgoing(in.user(), privateChats.of(in.user()), Urgency.REPLY, List.of(Reply.text(roster)), now))
                        .sending(reply(in, GroupTexts.ROSTER_SENT));
            }
            case "nudge" -> nudge(in, group, command.args());
            case "warmup" -> warmUp(in, group, command.args());
            case "digest" -> digest(group, in.at().atZone(group.zone()).toLocalDate(), Urgency.REPLY, false, in.at());
            default -> throw new IllegalStateException("not a coach command: " + command.name());
        };
    }

    private GroupCommit nudge(Incoming in, CoachingGroup group, String args) {
        String wanted = args.strip();
        if (wanted.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.NUDGE_USAGE));
        }
        String bare = wanted.replaceFirst("^<@!?(\\d+)>$", "$1").replaceFirst("^@", "");
        Optional<Membership> member = store.members(group.key()).stream()
                .filter(m -> m.member().id().equals(bare) || m.handle().equalsIgnoreCase(bare) || m.displayName().equalsIgnoreCase(bare))
                .findFirst();
        if (member.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.noSuchMember(wanted)));
        }
        String coachName = directory(group.chat()).nameOf(in.user(), group.chat()).display();
        // Someone not on the plan (sent to a doctor, say) gets a plain hello: a check-in button would mean nothing to them.
        Reply nudge = summaries.followsPlan(member.get().member())
                ? Reply.choices(GroupTexts.nudge(coachName, group.title()), List.of(new Button(GroupTexts.CHECK_IN_NOW, "cmd:checkin")))
                : Reply.text(GroupTexts.hello(coachName, group.title()));
        return GroupCommit.NOTHING
                .sending(new Outgoing(member.get().member(), privateChats.of(member.get().member()), Urgency.PROACTIVE, List.of(nudge), in.at()))
                .sending(reply(in, GroupTexts.nudged(member.get().displayName())));
    }

    private GroupCommit warmUp(Incoming in, CoachingGroup group, String args) {
        String words = args.strip().toLowerCase(Locale.ROOT);
        if (words.equals("off")) {
            CoachingGroup next = group.withTraining(Set.of(), group.trainingAt());
            return GroupCommit.NOTHING.withGroup(next).sending(reply(in, GroupTexts.WARM_UP_OFF));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Optional<LocalTime> at = Optional.empty();
        for (String word : words.split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            Matcher time = TIME.matcher(word);
            Optional<DayOfWeek> day = dayOf(word);
            if (time.matches()) {
                at = Optional.of(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))));
            } else if (day.isPresent()) {
                days.add(day.get());
            } else {
                return GroupCommit.NOTHING.sending(reply(in, GroupTexts.WARM_UP_USAGE));
            }
        }
        if (days.isEmpty() || at.isEmpty()) {
            return GroupCommit.NOTHING.sending(reply(in, GroupTexts.WARM_UP_USAGE));
        }
        CoachingGroup next = group.withTraining(days, at.get());
        return GroupCommit.NOTHING.withGroup(next).sending(reply(in, GroupTexts.warmUpSet(next)));
    }

    private static Optional<DayOfWeek> dayOf(String word) {
        if (word.length() < 2) {
            return Optional.empty();
        }
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /**
     * The digest of {@code day} in the group, and, with {@code notes}, a private note to the coach about each
     * member who allowed it and has now missed two check-ins in a row (once per run of missed days).
     */
    private GroupCommit digest(CoachingGroup group, LocalDate day, Urgency urgency, boolean notes, Instant at) {
        List<Membership> members = store.members(group.key());
        List<MemberSummary> summaries = summaries(group, members, day);
        GroupCommit commit = GroupCommit.NOTHING.sending(new Outgoing(group.coach(), group.chat(), urgency,
                List.of(Reply.text(Digest.compose(group.title(), day, summaries))), at));
        if (!notes) {
            return commit;
        }
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Membership m = members.get(i);
            MemberSummary s = summaries.get(i);
            LocalDate lastDay = s.lastCheckIn().filter(d -> !d.isBefore(s.joinedOn())).orElse(s.joinedOn());
            if (m.tellCoach() && !s.checkedInToday() && ChronoUnit.DAYS.between(lastDay, day) >= 2
                    && !m.missedNotedFor().equals(Optional.of(lastDay))) {
                missed.add(GroupTexts.missed(s.name(), s.handle(), s.lastCheckIn()));
                commit = commit.withMember(m.notedFor(lastDay));
            }
        }
        if (!missed.isEmpty()) {
            commit = commit.sending(new Outgoing(group.coach(), privateChats.of(group.coach()), Urgency.PROACTIVE,
                    List.of(Reply.text(String.join("\n", missed))), at));
        }
        return commit;
    }

    private List<MemberSummary> summaries(CoachingGroup group, LocalDate day) {
        return summaries(group, store.members(group.key()), day);
    }

    private List<MemberSummary> summaries(CoachingGroup group, List<Membership> members, LocalDate day) {
        return members.stream().map(m -> summaries.of(m, day, group.zone())).toList();
    }

    private boolean isCoach(UserRef user, CoachingGroup group) {
        return group.coach().equals(user) || directory(group.chat()).isAdmin(user, group.chat());
    }

    private Optional<Membership> membership(String groupKey, UserRef user) {
        return store.memberships(user.key()).stream().filter(m -> m.groupKey().equals(groupKey)).findFirst();
    }

    private GroupDirectory directory(ChatRef chat) {
        GroupDirectory directory = directories.get(chat.platform());
        if (directory == null) {
            throw new IllegalStateException("no group directory for " + chat.platform());
        }
        return directory;
    }

    private static Outgoing reply(Incoming in, String text) {
        return reply(in, Reply.text(text));
    }

    private static Outgoing reply(Incoming in, Reply reply) {
        return new Outgoing(in.user(), in.chat(), Urgency.REPLY, List.of(reply), in.at());
    }

    private boolean alreadyPast(Cursor cursor) {
        OptionalLong handled = people.cursor(cursor.name());
        return handled.isPresent() && handled.getAsLong() >= cursor.position();
    }

    private <T> T underLock(String subjectKey, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(subjectKey.hashCode(), locks.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    record Command(String name, String args) {
    }

    static Optional<Command> command(String text) {
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Command(m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2).strip()));
    }

    static String hhmm(LocalTime time) {
        return HHMM.format(time);
    }

    private static Supplier<String> randomTokens() {
        SecureRandom random = new SecureRandom();
        return () -> {
            StringBuilder b = new StringBuilder("j");
            for (int i = 0; i < 20; i++) {
                b.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
            return b.toString();
        };
    }
}
