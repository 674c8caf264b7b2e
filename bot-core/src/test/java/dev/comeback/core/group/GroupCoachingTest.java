package dev.comeback.core.group;

import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.core.testkit.GroupDriver;
import dev.comeback.core.testkit.Recovery;
import dev.comeback.core.testkit.Triage;
import dev.comeback.core.time.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Coaching groups through the real core on a real H2 file: setup, joining, digests, roster, nudges, leaving. */
class GroupCoachingTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    private Database db;
    private JdbcGroupStore groups;
    private GroupDriver g;
    // Monday 2 March 2026, 09:00 in Berlin.
    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-03-02T08:00:00Z"), BERLIN);

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir.resolve("comeback")), "sa", "", 4);
        groups = new JdbcGroupStore(db.dataSource());
        g = new GroupDriver(new JdbcConversationStore(db.dataSource()), groups, clock, "-1001", Set.of("ann"), false);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String groupKey() {
        return new Subject.Group(g.group()).key();
    }

    private static ChatRef privateChat(String who) {
        return ChatRef.privateChat(GroupDriver.PLATFORM, who);
    }

    private void setUp() {
        g.inGroup("ann", "/coach 19:00 Europe/Berlin");
    }

    private static String token(List<Outgoing> out) {
        return out.stream().flatMap(o -> o.replies().stream()).map(Reply::pointerStart).filter(s -> !s.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("no join link in " + out));
    }

    /** /join in the group, the link's /start in private, then the two sharing answers. */
    private void join(String who, String share, String tell) {
        String token = token(g.inGroup(who, "/join"));
        g.inPrivate(who, "/start " + token);
        g.pressInPrivate(who, share);
        g.pressInPrivate(who, tell);
    }

    /** The digest due today at 19:00 Berlin, handed over at the clock's time. */
    private String digest() {
        Instant due = ZonedDateTime.of(LocalDate.ofInstant(clock.instant(), BERLIN), LocalTime.of(19, 0), BERLIN).toInstant();
        List<Outgoing> out = g.record(g.desk().due(groupKey(), "digest:" + due, due, clock.instant(), false).orElseThrow());
        return GroupDriver.textTo(out, g.group());
    }

    /** /forget by the coach leaves no row with their key: the group they run closes, with its memberships. */
    @Test
    void aCoachWhoIsForgottenTakesTheGroupTheyRunWithThem() throws Exception {
        setUp();
        join("bob", "Only check-ins", "No");
        g.inPrivate("ann", "/start");
        g.inPrivate("ann", "/forget");
        g.pressInPrivate("ann", "Yes, delete everything");
        assertThat(groups.group(groupKey())).isEmpty();
        assertThat(groups.members(groupKey())).isEmpty();
        try (java.sql.Connection c = db.dataSource().getConnection()) {
            for (String table : dev.comeback.core.privacy.PersonalRows.tables(c).keySet()) {
                assertThat(dev.comeback.core.privacy.PersonalRows.rows(c, "test:ann").getOrDefault(table.toLowerCase(java.util.Locale.ROOT), List.of()))
                        .as(table).isEmpty();
            }
        }
    }

    @Test
    void onlyAnAdminMakesTheGroupACoachingGroupAndTheWelcomeCarriesTheJoinLink() {
        List<Outgoing> refused = g.inGroup("cat", "/coach 19:00 Europe/Berlin");
        assertThat(GroupDriver.textTo(refused, g.group())).contains("Only an admin of this group");
        assertThat(groups.group(groupKey())).isEmpty();

        List<Outgoing> welcome = g.inGroup("ann", "/coach 19:00 Europe/Berlin");
        assertThat(GroupDriver.textTo(welcome, g.group())).contains("coaching group, run by ann").contains("19:00 (Europe/Berlin)");
        CoachingGroup group = groups.group(groupKey()).orElseThrow();
        assertThat(token(welcome)).isEqualTo(group.joinToken());
        assertThat(group.coach()).isEqualTo(UserRef.of(GroupDriver.PLATFORM, "ann"));
        assertThat(group.digestAt()).isEqualTo(LocalTime.of(19, 0));

        assertThat(GroupDriver.textTo(g.inGroup("cat", "/roster"), g.group())).contains("Only the coach or a group admin");
        assertThat(GroupDriver.textTo(g.inGroup("cat", "/coach 07:00"), g.group())).contains("Only an admin");
        assertThat(groups.group(groupKey()).orElseThrow().digestAt()).isEqualTo(LocalTime.of(19, 0));
    }

    @Test
    void aMemberJoinsByTheLinkInPrivateAndChoosesWhatTheGroupSees() {
        setUp();
        assertThat(GroupDriver.textTo(g.inGroup("bob", "/join"), g.group())).contains("bob, tap the button to join");
        assertThat(groups.members(groupKey())).as("the link joins, not /join on Telegram").isEmpty();

        String token = groups.group(groupKey()).orElseThrow().joinToken();
        List<Outgoing> welcome = g.inPrivate("bob", "/start " + token);
        assertThat(GroupDriver.textTo(welcome, privateChat("bob"))).contains("joining the coaching group Barbell Club");
        assertThat(groups.members(groupKey())).singleElement().satisfies(m -> {
            assertThat(m.sharing()).as("the default").isEqualTo(Sharing.CHECK_INS);
            assertThat(m.tellCoach()).isFalse();
        });

        g.pressInPrivate("bob", "Also phase and pain trend");
        List<Outgoing> last = g.pressInPrivate("bob", "Yes, tell my coach");
        assertThat(last.get(0).replies().get(0).buttons()).extracting(b -> b.label()).containsExactly("Start");
        Membership bob = groups.members(groupKey()).get(0);
        assertThat(bob.sharing()).isEqualTo(Sharing.PROGRESS);
        assertThat(bob.tellCoach()).isTrue();

        // The Start button begins the person's own triage in private.
        List<Outgoing> started = g.coach().handleRouted(new dev.comeback.core.message.Incoming.Press(
                UserRef.of(GroupDriver.PLATFORM, "bob"), privateChat("bob"), "cmd:start", clock.instant()));
        assertThat(GroupDriver.textTo(started, privateChat("bob"))).contains("not a medical diagnosis");

        assertThat(GroupDriver.textTo(g.inPrivate("bob", "/start jNoSuchToken123"), privateChat("bob"))).contains("not valid");
    }

    @Test
    void theDigestShowsPhaseAndPainTrendOnlyOfMembersWhoShareThem() {
        setUp();
        join("bob", "Also phase and pain trend", "No");
        join("cat", "Only check-ins", "No");
        ChatDriver bob = Triage.toRecovery(g.person("bob"));
        ChatDriver cat = Triage.toRecovery(g.person("cat"));
        Recovery.checkIn(bob, 6, 6, "");
        Recovery.checkIn(cat, 7, 7, "");
        clock.advance(Duration.ofDays(1));
        Recovery.checkIn(bob, 4, 4, "");
        Recovery.checkIn(cat, 5, 5, "");
        clock.advance(Duration.ofHours(1));

        String digest = digest();
        assertThat(digest).contains("Daily digest for Barbell Club, Tue 3 Mar")
                .contains("Checked in today (2 of 2): bob, cat")
                .contains("Streaks: bob 2 days, cat 2 days")
                .contains("Phases (1 member shares theirs): phase 1 ")
                .contains("Average pain trend of those sharing: down 2.0 points");
        // cat shares check-ins only: the average is bob's alone, and no score of cat's appears.
        assertThat(digest).doesNotContain("7").doesNotContain("/10");
    }

    @Test
    void theRosterGoesToTheCoachPrivatelyWithScoresOnlyOfThoseSharing() {
        setUp();
        join("bob", "Also phase and pain trend", "No");
        join("cat", "Only check-ins", "No");
        Recovery.checkIn(Triage.toRecovery(g.person("bob")), 3, 3, "");
        Recovery.checkIn(Triage.toRecovery(g.person("cat")), 8, 8, "");

        List<Outgoing> out = g.inGroup("ann", "/roster");
        assertThat(GroupDriver.textTo(out, g.group())).isEqualTo("I have sent you the roster in our private chat.");
        String roster = GroupDriver.textTo(out, privateChat("ann"));
        assertThat(roster).contains("Roster of Barbell Club (2 members)")
                .contains("- bob: last check-in Mon 2 Mar, streak 1 day; phase 1 (").contains("pain 3/10")
                .contains("- cat: last check-in Mon 2 Mar, streak 1 day (no phase or pain to show)")
                .doesNotContain("8/10");
    }

    @Test
    void aNudgeIsAFriendlyPrivateMessageAndOnlyTheCoachMaySendOne() {
        setUp();
        join("bob", "Only check-ins", "No");
        assertThat(GroupDriver.textTo(g.inGroup("cat", "/nudge @bob"), g.group())).contains("Only the coach");
        assertThat(g.privateTexts("bob")).noneMatch(t -> t.contains("says hi"));

        List<Outgoing> before = g.inGroup("ann", "/nudge @bob");
        Outgoing hello = before.stream().filter(o -> o.chat().equals(privateChat("bob"))).findFirst().orElseThrow();
        assertThat(hello.replies().get(0).text()).as("not on the plan yet: a plain hello").contains("says hi");
        assertThat(hello.replies().get(0).buttons()).isEmpty();

        Triage.toRecovery(g.person("bob"));
        List<Outgoing> out = g.inGroup("ann", "/nudge @bob");
        assertThat(GroupDriver.textTo(out, g.group())).isEqualTo("I have sent bob a friendly word in private.");
        Outgoing nudge = out.stream().filter(o -> o.chat().equals(privateChat("bob"))).findFirst().orElseThrow();
        assertThat(nudge.replies().get(0).text()).contains("Your coach ann (Barbell Club) says hi");
        assertThat(nudge.replies().get(0).buttons()).extracting(b -> b.data()).containsExactly("cmd:checkin");

        assertThat(GroupDriver.textTo(g.inGroup("ann", "/nudge @nobody"), g.group())).contains("No member @nobody");
    }

    @Test
    void theCoachIsToldPrivatelyOnceWhenAMemberWhoAllowedItMissesTwoCheckInsInARow() {
        setUp();
        join("bob", "Only check-ins", "Yes, tell my coach");
        join("cat", "Only check-ins", "No");
        ChatDriver bob = Triage.toRecovery(g.person("bob"));
        Triage.toRecovery(g.person("cat"));
        Recovery.checkIn(bob, 2, 2, "");
        clock.advance(Duration.ofHours(10));
        digest();
        clock.advance(Duration.ofDays(1));
        digest();
        assertThat(g.privateTexts("ann")).as("one day missed").noneMatch(t -> t.contains("missed"));

        clock.advance(Duration.ofDays(1));
        digest();
        assertThat(g.privateTexts("ann")).filteredOn(t -> t.contains("missed")).singleElement().asString()
                .contains("bob has missed two check-ins in a row (last one Mon 2 Mar)").doesNotContain("cat");
        assertThat(g.groupTexts()).noneMatch(t -> t.contains("missed"));

        clock.advance(Duration.ofDays(1));
        digest();
        assertThat(g.privateTexts("ann")).as("told once per run of missed days").filteredOn(t -> t.contains("missed")).hasSize(1);
    }

    @Test
    void leavingAndLeavingTheChatOnThePlatformTakeAMemberOutOfDigestsAtOnce() {
        setUp();
        join("bob", "Only check-ins", "No");
        join("cat", "Only check-ins", "No");
        join("dan", "Only check-ins", "No");
        assertThat(digest()).contains("(0 of 3)");

        assertThat(GroupDriver.textTo(g.inGroup("cat", "/leave"), g.group())).isEqualTo("cat has left this group's digests.");
        clock.advance(Duration.ofDays(1));
        assertThat(digest()).contains("Not yet: bob, dan").doesNotContain("cat");

        g.coach().memberEvent(new MemberEvent(MemberEvent.Kind.LEFT, UserRef.of(GroupDriver.PLATFORM, "dan"), g.group(),
                clock.instant()), java.util.Optional.empty());
        clock.advance(Duration.ofDays(1));
        assertThat(digest()).contains("(0 of 1)").contains("Not yet: bob").doesNotContain("dan");
        assertThat(GroupDriver.textTo(g.inGroup("dan", "/leave"), g.group())).contains("not a member");
    }

    @Test
    void theCoachSetsTrainingDaysAndTheWarmUpIsPlannedHalfAnHourBeforeInTheGroupsZone() {
        setUp();
        assertThat(GroupDriver.textTo(g.inGroup("bob", "/warmup mon wed 18:30"), g.group())).contains("Only the coach");
        assertThat(GroupDriver.textTo(g.inGroup("ann", "/warmup someday"), g.group())).contains("/warmup mon wed fri 18:30");
        assertThat(GroupDriver.textTo(g.inGroup("ann", "/warmup mon wed 18:30"), g.group()))
                .isEqualTo("Group warm-up reminder set: Mon Wed, 30 minutes before training at 18:30 (Europe/Berlin).");
        CoachingGroup group = groups.group(groupKey()).orElseThrow();
        // Monday 2 March, 09:00 Berlin: today's session at 18:30 gets its warm-up at 18:00 Berlin (17:00 UTC).
        assertThat(GroupDesk.jobs(group, clock.instant())).extracting(j -> j.reminderId()).containsExactly(
                "digest:2026-03-02T18:00:00Z", "warmup:2026-03-02T17:00:00Z");
        // After Monday's session the next is Wednesday's; after the clocks change (29 March) 18:00 Berlin is 16:00 UTC.
        assertThat(GroupDesk.jobs(group, Instant.parse("2026-03-02T17:30:00Z"))).extracting(j -> j.reminderId())
                .contains("warmup:2026-03-04T17:00:00Z");
        assertThat(GroupDesk.jobs(group, Instant.parse("2026-03-30T12:00:00Z"))).extracting(j -> j.reminderId())
                .containsExactly("digest:2026-03-30T17:00:00Z", "warmup:2026-03-30T16:00:00Z");

        Instant at = Instant.parse("2026-03-02T17:00:00Z");
        List<Outgoing> warmUp = g.record(g.desk().due(groupKey(), "warmup:" + at, at, at, false).orElseThrow());
        assertThat(GroupDriver.textTo(warmUp, g.group())).startsWith("Training at 18:30: warm up first.");

        assertThat(GroupDriver.textTo(g.inGroup("ann", "/warmup off"), g.group())).isEqualTo("Group warm-up reminders are off.");
        assertThat(GroupDesk.jobs(groups.group(groupKey()).orElseThrow(), clock.instant())).hasSize(1);
    }

    @Test
    void whereTheBotMayWriteFirstTheWelcomesJoinButtonAndJoinJoinAtOnceAndTheSharingQuestionComesPrivately() {
        GroupDriver dm = new GroupDriver(new JdbcConversationStore(db.dataSource()), groups, clock, "-2002", Set.of("ann"), true);
        List<Outgoing> welcome = dm.inGroup("ann", "/coach");
        Reply post = welcome.get(0).replies().get(0);
        assertThat(post.pointerStart()).isEmpty();
        assertThat(post.buttons()).extracting(b -> b.label()).containsExactly("Join");
        String key = new Subject.Group(dm.group()).key();

        List<Outgoing> pressed = dm.record(dm.coach().handleRouted(new dev.comeback.core.message.Incoming.Press(
                UserRef.of(GroupDriver.PLATFORM, "bob"), privateChat("i77"), post.buttons().get(0).data(), clock.instant())));
        assertThat(GroupDriver.textTo(pressed, privateChat("i77"))).isEqualTo("Welcome, bob! I have written to you privately.");
        assertThat(GroupDriver.textTo(pressed, privateChat("bob"))).contains("You are joining the coaching group Barbell Club");
        assertThat(GroupDriver.textTo(dm.inGroup("cat", "/join"), privateChat("cat"))).contains("What may the group see?");
        assertThat(groups.members(key)).extracting(m -> m.member().id()).containsExactly("bob", "cat");
        assertThat(GroupDriver.textTo(dm.inGroup("cat", "/join"), dm.group())).contains("already a member");
    }

    @Test
    void aDigestHandedOverTwiceIsPostedOnce() {
        setUp();
        join("bob", "Only check-ins", "No");
        digest();
        Instant due = ZonedDateTime.of(LocalDate.ofInstant(clock.instant(), BERLIN), LocalTime.of(19, 0), BERLIN).toInstant();
        assertThat(g.desk().due(groupKey(), "digest:" + due, due, clock.instant(), false)).isEmpty();
        assertThat(g.groupTexts()).filteredOn(t -> t.startsWith("Daily digest")).hasSize(1);
    }

    @Test
    void aGroupTheBotWasRemovedFromGetsNoDigestAndForgetsItsMembers() {
        setUp();
        join("bob", "Only check-ins", "No");
        g.coach().memberEvent(new MemberEvent(MemberEvent.Kind.BOT_REMOVED, UserRef.of(GroupDriver.PLATFORM, "ann"),
                g.group(), clock.instant()), java.util.Optional.empty());
        assertThat(groups.group(groupKey())).isEmpty();
        assertThat(groups.memberships("test:bob")).isEmpty();
        Instant due = clock.instant().plus(Duration.ofHours(9));
        assertThat(g.desk().due(groupKey(), "digest:" + due, due, due, false)).contains(List.of());
    }

    @Test
    void noGroupMessageMentionsAnEmergencyTriageOrARegressionEvenOfMembersWhoShare() {
        setUp();
        join("dan", "Also phase and pain trend", "Yes, tell my coach");
        join("eve", "Only check-ins", "No");
        ChatDriver dan = g.person("dan");
        dan.send("/start").press("Yes");
        assertThat(dan.lastText()).contains("EMERGENCY");
        ChatDriver eve = Triage.toRecovery(g.person("eve"));
        eve.advance(Duration.ofHours(73)).send("/today");
        Recovery.checkIn(eve, 3, 5, "");
        assertThat(eve.lastText()).contains("(+2)").contains("back in Active recovery");
        dan.send("my legs are both numb and I can't pee");

        g.inGroup("ann", "/digest");
        g.inGroup("ann", "/roster");
        digest();
        clock.advance(Duration.ofDays(3));
        digest();

        List<String> toGroup = g.groupTexts();
        assertThat(toGroup).hasSizeGreaterThanOrEqualTo(4);
        for (String text : toGroup) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("emergency").doesNotContain("urgent").doesNotContain("clinician")
                    .doesNotContain("regress").doesNotContain("back in").doesNotContain("active recovery")
                    .doesNotContain("numb").doesNotContain("pee").doesNotContain("+2").doesNotContain("/10")
                    .doesNotContain("phases (");
        }
        // Neither is on the coach's roster either: dan is not in recovery, eve shares check-ins only.
        String roster = String.join("\n", g.privateTexts("ann")).toLowerCase(Locale.ROOT);
        assertThat(roster).doesNotContain("emergency").doesNotContain("active recovery").doesNotContain("/10");
    }
}
