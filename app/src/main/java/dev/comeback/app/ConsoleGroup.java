package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.group.CoachingGroup;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.group.GroupDirectory;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.reminders.PlannedReminder;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.time.VirtualClock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console playing a coaching group ({@code --group NAME}): several people ({@code --user}, once each) over
 * one database, one of them the group's admin ({@code --coach}). A line {@code ann: text} is ann writing in
 * her private chat with the bot, {@code ann@NAME: text} ann writing in the group; a line without a prefix is
 * the first {@code --user} in private. Every line of a bot message is printed with the chat it went to in
 * front: {@code [NAME] bot> } for the group, {@code [ann] bot> } for ann's private chat; buttons follow as
 * {@code [ann] buttons: [Yes] [No]}, and typing a label in that chat presses it.
 */
final class ConsoleGroup implements Messenger {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern PREFIX = Pattern.compile("([A-Za-z0-9_.-]{1,64})(@([A-Za-z0-9_.-]{1,64}))?:\\s?(.*)", Pattern.DOTALL);

    private final Coach coach;
    private final GroupDesk desk;
    private final Clock clock;
    private final List<String> users;
    private final String groupName;
    private final ChatRef group;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<ChatRef, List<Button>> shownButtons = new ConcurrentHashMap<>();
    private final ConsoleFiles files;

    ConsoleGroup(Coach coach, GroupDesk desk, Clock clock, List<String> users, String groupName, String coachName,
                 PrintStream out, PrintStream err, ConsoleFiles files) {
        this.files = files;
        this.coach = coach;
        this.desk = desk;
        this.clock = clock;
        this.users = List.copyOf(users);
        this.groupName = groupName;
        this.group = ChatRef.group(ConsoleChat.PLATFORM, groupName);
        this.out = out;
        this.err = err;
        desk.register(ConsoleChat.PLATFORM, new GroupDirectory() {
            @Override
            public boolean isAdmin(UserRef user, ChatRef chat) {
                return user.id().equals(coachName);
            }

            @Override
            public Name nameOf(UserRef user, ChatRef chat) {
                return new Name(user.id(), user.id());
            }

            @Override
            public String titleOf(ChatRef chat) {
                return chat.id();
            }

            @Override
            public boolean mayWriteFirst() {
                return true;
            }
        });
    }

    void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(":wait")) {
                waitFor(line.strip());
                continue;
            }
            Optional<Incoming> incoming = toIncoming(line);
            incoming.ifPresent(i -> print(coach.handleRouted(i), ""));
        }
    }

    private Optional<Incoming> toIncoming(String line) {
        String who = users.get(0);
        ChatRef chat = ChatRef.privateChat(ConsoleChat.PLATFORM, who);
        String text = line;
        Matcher m = PREFIX.matcher(line);
        if (m.matches() && users.contains(m.group(1))) {
            who = m.group(1);
            if (m.group(2) != null) {
                if (!m.group(3).equals(groupName)) {
                    err.println("console: there is no group '" + m.group(3) + "' here; the group is " + groupName);
                    return Optional.empty();
                }
                chat = group;
            } else {
                chat = ChatRef.privateChat(ConsoleChat.PLATFORM, who);
            }
            text = m.group(4);
        }
        UserRef user = UserRef.of(ConsoleChat.PLATFORM, who);
        String typed = text.strip();
        List<Button> buttons = shownButtons.getOrDefault(chat, List.of());
        for (int i = buttons.size() - 1; i >= 0; i--) {
            if (buttons.get(i).label().equalsIgnoreCase(typed)) {
                return Optional.of(new Incoming.Press(user, chat, buttons.get(i).data(), clock.instant()));
            }
        }
        return Optional.of(new Incoming.Text(user, chat, text, clock.instant()));
    }

    /** Moves the virtual clock, delivering everyone's reminders and the group's digests and warm-ups in time order. */
    private void waitFor(String line) {
        Optional<Duration> duration = ConsoleChat.parseWait(line);
        if (duration.isEmpty()) {
            err.println("console: write :wait with a duration up to " + ConsoleChat.MAX_WAIT.toDays()
                    + "d, like :wait 2h, :wait 45m or :wait 3d");
            return;
        }
        if (!(clock instanceof VirtualClock virtual)) {
            err.println("console: :wait needs the virtual clock (--clock virtual)");
            return;
        }
        Instant start = virtual.instant();
        Instant target = start.plus(duration.get());
        Map<String, Instant> from = new HashMap<>();
        Set<String> handled = new HashSet<>();
        while (true) {
            Optional<Due> next = Optional.empty();
            for (String name : users) {
                UserRef user = UserRef.of(ConsoleChat.PLATFORM, name);
                Optional<Due> due = coach.plannedReminders(user, from.getOrDefault(user.key(), start), target).stream()
                        .filter(r -> !handled.contains(user.key() + " " + r.id())).findFirst()
                        .map(r -> new Due(user.key(), r.id(), r.dueAt(), Optional.of(r), user));
                next = earlier(next, due);
            }
            for (CoachingGroup g : desk.groups()) {
                Optional<Due> due = GroupDesk.jobs(g, from.getOrDefault(g.key(), start)).stream()
                        .filter(j -> !j.due().isAfter(target) && !handled.contains(g.key() + " " + j.reminderId()))
                        .min(Comparator.comparing(ScheduledReminder::due))
                        .map(j -> new Due(g.key(), j.reminderId(), j.due(), Optional.empty(), null));
                next = earlier(next, due);
            }
            if (next.isEmpty()) {
                break;
            }
            Due due = next.get();
            virtual.advanceTo(due.at());
            String stamp = "[" + STAMP.format(due.at().atZone(virtual.getZone())) + "] ";
            if (due.reminder().isPresent()) {
                UserRef user = due.user();
                ChatRef chat = ChatRef.privateChat(ConsoleChat.PLATFORM, user.id());
                print(coach.handleRouted(new Incoming.Due(user, chat, due.id(), due.at(), virtual.instant())), stamp);
                from.put(due.subject(), due.at().minusNanos(1));
            } else {
                desk.due(due.subject(), due.id(), due.at(), virtual.instant(), false).ifPresent(o -> print(o, stamp));
                from.put(due.subject(), due.at());
            }
            handled.add(due.subject() + " " + due.id());
        }
        virtual.advanceTo(target);
    }

    private record Due(String subject, String id, Instant at, Optional<PlannedReminder> reminder, UserRef user) {
    }

    private static Optional<Due> earlier(Optional<Due> a, Optional<Due> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return b.get().at().isBefore(a.get().at()) ? b : a;
    }

    /** Reminders fired by the real-clock scheduler, printed with the time they went out. */
    @Override
    public void send(UserRef to, List<Reply> replies) {
        print(List.of(new Outgoing(to, ChatRef.privateChat(ConsoleChat.PLATFORM, to.id()),
                dev.comeback.core.delivery.Urgency.PROACTIVE, replies, clock.instant())), stamp());
    }

    /** Group messages fired by the real-clock scheduler (digests, warm-ups, notes to the coach). */
    void sendRouted(List<Outgoing> messages) {
        print(messages, stamp());
    }

    private String stamp() {
        return "[" + STAMP.format(clock.instant().atZone(clock.getZone())) + "] ";
    }

    private synchronized void print(List<Outgoing> messages, String stamp) {
        for (Outgoing message : messages) {
            String where = "[" + message.chat().id() + "] ";
            List<Button> buttons = new java.util.ArrayList<>();
            for (Reply reply : message.replies()) {
                for (String line : reply.text().split("\n", -1)) {
                    out.println(stamp + where + "bot> " + line);
                }
                reply.attachment().ifPresent(a -> out.println(files.line(message.user(), a, clock.instant(), stamp + where)));
                if (reply.hasButtons()) {
                    StringBuilder b = new StringBuilder(where + "buttons:");
                    reply.buttons().forEach(button -> b.append(" [").append(button.label()).append(']'));
                    out.println(b);
                    buttons.addAll(reply.buttons());
                }
            }
            if (!buttons.isEmpty()) {
                shownButtons.put(message.chat(), List.copyOf(buttons));
            }
        }
        out.flush();
    }
}
