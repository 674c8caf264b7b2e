package dev.comeback.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code --user NAME --db PATH --clock virtual --start T --zone Z --config DIR}, and for a
 * group in the console {@code --group NAME --coach NAME} with {@code --user} given once per member.
 */
record Options(String user, Optional<Path> db, boolean virtualClock, Optional<LocalDateTime> start,
               ZoneId zone, Optional<Path> configDir, boolean console, boolean help, List<String> users,
               Optional<String> group, Optional<String> coach) {
    private static final String NAME = "[A-Za-z0-9_.-]{1,64}";

    Options(String user, Optional<Path> db, boolean virtualClock, Optional<LocalDateTime> start,
            ZoneId zone, Optional<Path> configDir, boolean console, boolean help) {
        this(user, db, virtualClock, start, zone, configDir, console, help, List.of(user), Optional.empty(), Optional.empty());
    }

    static final String USAGE = String.join("\n",
            "usage: ./comeback [--user NAME] [--db PATH] [--clock virtual|real] [--start 2026-03-02T08:00]",
            "                  [--zone Europe/Berlin] [--config DIR] [--console] [--group NAME --coach NAME --user NAME ...]",
            "  --user NAME     who is talking in the console chat (default: me); with --group, once per member",
            "  --db PATH       H2 database file to use (default from config: ./data/comeback)",
            "  --clock virtual run on a virtual clock that only :wait moves (default: the real clock)",
            "  --start T       the virtual clock's start, a local date-time in --zone (default: now)",
            "  --zone Z        the console's time zone (default: the system's)",
            "  --config DIR    a folder whose triage.json, red-flags.json, protocol.json, reminders.json or time-zones.json replace the defaults",
            "  --console       the console chat even when TELEGRAM_BOT_TOKEN is set",
            "  --group NAME    play a coaching group NAME: lines 'ann: text' are ann in private, 'ann@NAME: text' in the group",
            "  --coach NAME    the group's admin, who may run /coach (with --group; also one of the people talking)",
            "With TELEGRAM_BOT_TOKEN set, runs the Telegram bot instead of the console until stopped (Ctrl+C).");

    static Options parse(String[] args) {
        String user = "me";
        List<String> users = new ArrayList<>();
        Optional<String> group = Optional.empty();
        Optional<String> coach = Optional.empty();
        Optional<Path> db = Optional.empty();
        boolean virtual = false;
        Optional<LocalDateTime> start = Optional.empty();
        ZoneId zone = ZoneId.systemDefault();
        Optional<Path> configDir = Optional.empty();
        boolean help = false;
        boolean console = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> help = true;
                case "--console" -> console = true;
                case "--user" -> {
                    user = value(args, ++i, flag);
                    if (!user.matches(NAME)) {
                        throw new IllegalArgumentException("--user takes a name of letters, digits, '.', '_' or '-', was '" + user + "'");
                    }
                    if (!users.contains(user)) {
                        users.add(user);
                    }
                }
                case "--group", "--coach" -> {
                    String name = value(args, ++i, flag);
                    if (!name.matches(NAME)) {
                        throw new IllegalArgumentException(flag + " takes a name of letters, digits, '.', '_' or '-', was '" + name + "'");
                    }
                    if (flag.equals("--group")) {
                        group = Optional.of(name);
                    } else {
                        coach = Optional.of(name);
                    }
                }
                case "--db" -> db = Optional.of(Path.of(value(args, ++i, flag)));
                case "--clock" -> {
                    String clock = value(args, ++i, flag);
                    if (!clock.equals("virtual") && !clock.equals("real")) {
                        throw new IllegalArgumentException("--clock takes 'virtual' or 'real', was '" + clock + "'");
                    }
                    virtual = clock.equals("virtual");
                }
                case "--start" -> {
                    String raw = value(args, ++i, flag);
                    try {
                        start = Optional.of(LocalDateTime.parse(raw));
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--start takes a local date-time like 2026-03-02T08:00, was '" + raw + "'");
                    }
                }
                case "--zone" -> {
                    String raw = value(args, ++i, flag);
                    try {
                        zone = ZoneId.of(raw);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("--zone takes a time zone like Europe/Berlin, was '" + raw + "'");
                    }
                }
                case "--config" -> configDir = Optional.of(folder(value(args, ++i, flag)));
                default -> throw new IllegalArgumentException("unknown argument '" + flag + "'");
            }
        }
        if (start.isPresent() && !virtual) {
            throw new IllegalArgumentException("--start needs --clock virtual");
        }
        if (group.isEmpty() && (coach.isPresent() || users.size() > 1)) {
            throw new IllegalArgumentException(coach.isPresent() ? "--coach needs --group" : "several --user names need --group");
        }
        if (group.isPresent() && (users.contains(group.get()) || coach.filter(group.get()::equals).isPresent())) {
            throw new IllegalArgumentException("--group needs a name of its own, not one of the people's");
        }
        if (coach.isPresent() && !users.contains(coach.get())) {
            users.add(coach.get());
        }
        if (users.isEmpty()) {
            users.add(user);
        }
        return new Options(users.get(0), db, virtual, start, zone, configDir, console, help, List.copyOf(users), group, coach);
    }

    private static Path folder(String raw) {
        Path path = Path.of(raw);
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("--config takes a folder, and " + raw + " does not exist");
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--config takes a folder, and " + raw + " is not a folder (it is a file)");
        }
        return path;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }
}
