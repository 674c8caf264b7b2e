package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.delivery.FileRenderer;
import dev.comeback.core.delivery.Messenger;
import dev.comeback.core.message.Attachment;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.time.VirtualClock;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal adapter: one user message per input line; every line of a bot message printed with
 * {@code bot> } in front, its buttons on one line {@code buttons: [Yes] [No]}; typing a button's label
 * presses it; {@code :wait 2h} moves a virtual clock forward.
 */
final class ConsoleChat implements Messenger {
    static final String PLATFORM = "console";
    /** The longest :wait: a year covers the whole protocol and then some; more would only run for minutes. */
    static final Duration MAX_WAIT = Duration.ofDays(366);
    private static final Pattern WAIT = Pattern.compile(":wait\\s+((?:\\d+[dhms]\\s*)+)");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern WAIT_PART = Pattern.compile("(\\d+)([dhms])");

    private final Coach coach;
    private final Clock clock;
    private final UserRef user;
    private final ChatRef chat;
    private final PrintStream out;
    private final PrintStream err;
    private volatile List<Button> shownButtons = List.of();
    private final ConsoleFiles files;

    /**
     * {@code files} makes the files of /progress, /report and /export, written into {@code filesFolder} as
     * {@code <user>-<file name>} (the next one of a kind replaces the last) and printed as {@code file: <path>}.
     */
    ConsoleChat(Coach coach, Clock clock, String userName, PrintStream out, PrintStream err, FileRenderer files,
                Path filesFolder) {
        this.files = new ConsoleFiles(files, filesFolder, err);
        this.coach = coach;
        this.clock = clock;
        this.user = UserRef.of(PLATFORM, userName);
        this.chat = ChatRef.privateChat(PLATFORM, userName);
        this.out = out;
        this.err = err;
    }

    void run(BufferedReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith(":wait")) {
                waitFor(line.strip());
                continue;
            }
            print(coach.handle(toIncoming(line)));
        }
    }

    private Incoming toIncoming(String line) {
        String typed = line.strip();
        // The latest message's button wins when two share a label (two reminders' Done, say).
        for (int i = shownButtons.size() - 1; i >= 0; i--) {
            Button b = shownButtons.get(i);
            if (b.label().equalsIgnoreCase(typed)) {
                return new Incoming.Press(user, chat, b.data(), clock.instant());
            }
        }
        return new Incoming.Text(user, chat, line, clock.instant());
    }

    private void waitFor(String line) {
        Optional<Duration> duration = parseWait(line);
        if (duration.isEmpty()) {
            err.println("console: write :wait with a duration up to " + MAX_WAIT.toDays()
                    + "d, like :wait 2h, :wait 45m or :wait 3d");
            return;
        }
        if (!(clock instanceof VirtualClock virtual)) {
            err.println("console: :wait needs the virtual clock (--clock virtual)");
            return;
        }
        coach.deliverDueUntil(user, chat, virtual, virtual.instant().plus(duration.get()), (reminder, replies) ->
                print(replies, "[" + STAMP.format(reminder.dueAt().atZone(virtual.getZone())) + "] "));
    }

    /** The duration of a {@code :wait} line, empty if it is not one or is longer than {@link #MAX_WAIT}. */
    static Optional<Duration> parseWait(String line) {
        Matcher m = WAIT.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = WAIT_PART.matcher(m.group(1));
        while (part.find()) {
            // Anything over 9 digits is beyond the limit in any unit (and might not fit a long).
            if (part.group(1).length() > 9) {
                return Optional.empty();
            }
            long n = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
            if (total.compareTo(MAX_WAIT) > 0) {
                return Optional.empty();
            }
        }
        return Optional.of(total);
    }

    /** Reminders fired by the real-clock scheduler, printed with the time they went out. */
    @Override
    public void send(UserRef to, List<Reply> replies) {
        print(replies, "[" + STAMP.format(clock.instant().atZone(clock.getZone())) + "] ");
    }

    private void print(List<Reply> replies) {
        print(replies, "");
    }

    /** Every line of a message gets {@code stamp} (a virtual time, for deliveries) and {@code bot> } in front. */
    private synchronized void print(List<Reply> replies, String stamp) {
        if (replies.isEmpty()) {
            return;
        }
        List<Button> buttons = new ArrayList<>();
        for (Reply reply : replies) {
            for (String line : reply.text().split("\n", -1)) {
                out.println(stamp + "bot> " + line);
            }
            reply.attachment().ifPresent(attachment -> out.println(files.line(user, attachment, clock.instant(), stamp)));
            if (reply.hasButtons()) {
                StringBuilder b = new StringBuilder("buttons:");
                reply.buttons().forEach(button -> b.append(" [").append(button.label()).append(']'));
                out.println(b);
                buttons.addAll(reply.buttons());
            }
        }
        out.flush();
        shownButtons = List.copyOf(buttons);
    }

}
