package dev.comeback.core.group;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What coaching groups say. Nothing here names a person's health. */
final class GroupTexts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    static final String ONLY_ADMIN =
            "Only an admin of this group can make it a coaching group. Ask one of them to send /coach.";
    static final String NOT_A_GROUP =
            "This is not a coaching group yet: a group admin can make it one with /coach.";
    static final String NOT_A_MEMBER = "You are not a member of this coaching group: /join to take part.";
    static final String NOT_A_MEMBER_ANY_MORE = "You are no longer in that coaching group; nothing was changed.";
    static final String OLD_BUTTON = "That button belongs to an earlier question; nothing was changed.";
    static final String UNKNOWN_LINK = "That join link is not valid (any more). Ask your coach to send /coach again for a fresh one.";
    static final String SHARE_CHECK_INS = "Only check-ins";
    static final String SHARE_PROGRESS = "Also phase and pain trend";
    static final String TELL_COACH_QUESTION =
            "May I tell your coach privately when you miss two check-ins in a row? Never the group, only the coach.";
    static final String TELL_YES = "Yes, tell my coach";
    static final String TELL_NO = "No";
    static final String START_NOW = "Now let's look at your back: a short quiz first, to rule out anything that needs a doctor.";
    static final String START_BUTTON = "Start";
    static final String GOES_ON = "Your coaching goes on here in private as before (/today, /checkin).";
    static final String JOIN_BUTTON = "Join";
    static final String ROSTER_SENT = "I have sent you the roster in our private chat.";
    static final String NUDGE_USAGE = "Whom should I nudge? Write /nudge @name.";
    static final String CHECK_IN_NOW = "Check in now";
    static final String WARM_UP_OFF = "Group warm-up reminders are off.";
    static final String WARM_UP_USAGE =
            "Write the training days and start time, like /warmup mon wed fri 18:30 (or /warmup off).";

    private GroupTexts() {
    }

    static String onlyCoach(String command) {
        return "Only the coach or a group admin can use /" + command + " here.";
    }

    static String coachUsage(String word) {
        return "I could not read '" + word + "' as a time or a time zone. Write it like /coach 19:00 Europe/Berlin.";
    }

    static String welcome(CoachingGroup group, String coachName) {
        return "This is now a coaching group, run by " + coachName + ", for getting back to lifting after deadlift back pain.\n"
                + "Every day at " + GroupDesk.hhmm(group.digestAt()) + " (" + group.zone().getId() + ") I post a digest: who "
                + "checked in, streaks and reminders done. Phase and pain trend appear only for members who choose to "
                + "share them; nothing else personal is ever posted here.\n"
                + "To join, send /join or tap the button below; your own coaching happens in private with me.";
    }

    static String digestMoved(CoachingGroup group) {
        return "The daily digest is now posted at " + GroupDesk.hhmm(group.digestAt()) + " (" + group.zone().getId() + ").";
    }

    static String alreadyIn(String name) {
        return name + ", you are already a member. /leave leaves the group's digests.";
    }

    static String joinByLink(String name) {
        return name + ", tap the button to join in a private chat with me.";
    }

    static String joinedWrittenTo(String name) {
        return "Welcome, " + name + "! I have written to you privately.";
    }

    static String shareQuestion(CoachingGroup group) {
        return "You are joining the coaching group " + group.title() + ".\n"
                + "What may the group see? Only whether you checked in today (with your streak and reminders done), "
                + "or also your phase and pain trend? Nothing else about your back is ever shown there.";
    }

    static String shared(Sharing sharing) {
        return sharing == Sharing.PROGRESS
                ? "Saved: the group sees your check-ins, your phase and your pain trend."
                : "Saved: the group sees only whether you checked in, your streak and reminders done.";
    }

    static String told(boolean tell) {
        return tell ? "Saved: your coach hears from me privately after two missed check-ins in a row."
                : "Saved: your coach is not told about missed check-ins.";
    }

    static String left(String name) {
        return name + " has left this group's digests.";
    }

    static String leftAll(List<String> titles) {
        return titles.isEmpty() ? "You are not in any coaching group."
                : "You have left " + String.join(", ", titles) + ". Your own coaching here goes on.";
    }

    static String noSuchMember(String wanted) {
        return "No member " + wanted + " in this group. /roster lists them.";
    }

    static String hello(String coachName, String title) {
        return "Your coach " + coachName + " (" + title + ") says hi and hopes you are doing all right. Write to me any time.";
    }

    static String nudge(String coachName, String title) {
        return "Your coach " + coachName + " (" + title + ") says hi: how is your back today? A quick check-in keeps your plan on track.";
    }

    static String nudged(String name) {
        return "I have sent " + name + " a friendly word in private.";
    }

    static String warmUpSet(CoachingGroup group) {
        return "Group warm-up reminder set: " + days(group) + ", " + CoachingGroup.WARM_UP_LEAD_MINUTES
                + " minutes before training at " + GroupDesk.hhmm(group.trainingAt()) + " (" + group.zone().getId() + ").";
    }

    static String warmUp(CoachingGroup group) {
        return "Training at " + GroupDesk.hhmm(group.trainingAt()) + ": warm up first. Walk 5 minutes, then cat-camel, "
                + "bird dogs and glute bridges, slowly. Anyone still early in recovery: follow your own plan for today "
                + "(/today in our private chat), not the group session.";
    }

    static String missed(String name, String handle, Optional<LocalDate> last) {
        return name + " has missed two check-ins in a row" + last.map(d -> " (last one " + DAY.format(d) + ")").orElse("")
                + ". A friendly word might help: /nudge @" + handle + " in the group.";
    }

    private static String days(CoachingGroup group) {
        return group.trainingDays().stream().sorted()
                .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(" "));
    }

}
