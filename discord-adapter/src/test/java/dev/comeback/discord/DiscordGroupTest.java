package dev.comeback.discord;

import dev.comeback.core.group.Sharing;
import dev.comeback.core.time.ShiftableClock;
import dev.comeback.discord.fake.FakeDiscord;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coaching group on Discord end to end: real JDA against the fake Discord. A server channel is the group;
 * the server's owner has Manage Server; /join continues in DMs; members leaving the server and the bot's
 * removal end memberships and digests.
 */
class DiscordGroupTest {
    private static final String ANN = "500000000000000001";
    private static final String BOB = "500000000000000002";
    private static final String CAT = "500000000000000003";
    private static final String DAN = "500000000000000004";
    private static final String GUILD = DiscordHarness.GUILD;
    private static final String CHANNEL = FakeDiscord.textChannelId();
    private static final String GROUP_KEY = "group:discord:" + CHANNEL;

    @TempDir
    Path dir;
    FakeDiscord discord;
    DiscordHarness bot;
    private final ShiftableClock clock = new ShiftableClock();

    @BeforeEach
    void start() {
        discord = FakeDiscord.start();
        bot = new DiscordHarness(discord, dir.resolve("discord"), DiscordHarness.FAST, clock);
        discord.guildCreate(GUILD, ANN);
        await().atMost(Duration.ofSeconds(10)).until(() -> bot.bot.jda().getGuildById(GUILD) != null);
    }

    @AfterEach
    void stop() {
        bot.close();
        discord.close();
    }

    /** What everyone in the channel sees: its messages, not the answers only one person sees (ephemeral). */
    private List<FakeDiscord.Sent> inChannel() {
        return discord.sent().stream().filter(s -> s.channelId().equals(CHANNEL) && !s.ephemeral()).toList();
    }

    /** The latest message in the person's DMs with the bot. */
    private String lastDm(String user) {
        List<FakeDiscord.Sent> dms = discord.sentTo(user).stream().filter(s -> s.channelId().equals(discord.dmChannel(user))).toList();
        return dms.isEmpty() ? "" : dms.get(dms.size() - 1).content();
    }

    private String groupSlash(String user, String name, Map<String, Object> options) {
        int before = inChannel().size();
        discord.slash(user, GUILD, name, options);
        await().atMost(Duration.ofSeconds(20)).until(() -> inChannel().size() > before);
        bot.settle();
        List<FakeDiscord.Sent> all = inChannel();
        return all.get(all.size() - 1).content();
    }

    private String groupSlash(String user, String name) {
        return groupSlash(user, name, Map.of());
    }

    private void setUp() {
        bot.slash(ANN, "start");
        assertThat(groupSlash(ANN, "coach", Map.of("time", "19:00", "zone", "Europe/Berlin")))
                .contains("coaching group, run by user0001");
    }

    private void join(String user, String share, String tell) {
        int dms = discord.sentTo(user).size();
        assertThat(groupSlash(user, "join")).contains("I have written to you privately");
        await().atMost(Duration.ofSeconds(20)).until(() -> discord.sentTo(user).size() > dms);
        assertThat(lastDm(user)).contains("You are joining the coaching group");
        bot.press(user, share);
        bot.press(user, tell);
    }

    private void checkIn(String user, int before, int after) {
        bot.slash(user, "checkin");
        bot.press(user, "No");
        bot.press(user, String.valueOf(before));
        bot.press(user, String.valueOf(after));
        bot.press(user, "No");
    }

    @Test
    void theServersManagerSetsUpTheChannelAndAnyoneElseIsRefused() {
        assertThat(groupSlash(BOB, "coach", Map.of("time", "19:00"))).contains("Only an admin of this group");
        assertThat(bot.groups.group(GROUP_KEY)).isEmpty();
        setUp();
        assertThat(bot.groups.group(GROUP_KEY)).hasValueSatisfying(g -> assertThat(g.title()).contains("Gym"));
        assertThat(groupSlash(BOB, "roster")).contains("Only the coach or a group admin");

        // The button under the welcome joins too, and the member continues in DMs.
        FakeDiscord.Sent welcome = inChannel().stream().filter(m -> m.content().contains("coaching group, run by")).findFirst().orElseThrow();
        discord.press(welcome, "Join", CAT);
        await().atMost(Duration.ofSeconds(20)).until(() -> lastDm(CAT).contains("You are joining the coaching group"));
        assertThat(bot.groups.members(GROUP_KEY)).extracting(m -> m.member().id()).containsExactly(CAT);
    }

    @Test
    void membersJoinInDmsAndTheDigestRosterNudgeAndMissedNoteKeepToWhatEachShares() {
        setUp();
        join(BOB, "Also phase and pain trend", "No");
        join(CAT, "Only check-ins", "Yes, tell my coach");
        assertThat(bot.groups.members(GROUP_KEY)).extracting(m -> m.sharing()).containsExactly(Sharing.PROGRESS, Sharing.CHECK_INS);
        DiscordBotTest.toRecovery(bot, BOB);
        DiscordBotTest.toRecovery(bot, CAT);
        checkIn(BOB, 4, 4);
        checkIn(CAT, 7, 7);

        String digest = groupSlash(ANN, "digest");
        assertThat(digest).contains("Checked in today (2 of 2): user0002, user0003").contains("phase 1 ").doesNotContain("7");

        assertThat(groupSlash(ANN, "roster")).contains("I have sent you the roster");
        await().atMost(Duration.ofSeconds(10)).until(() -> lastDm(ANN).contains("Roster of"));
        assertThat(lastDm(ANN)).contains("user0002: last check-in").contains("pain 4/10")
                .contains("user0003: last check-in").contains("(no phase or pain to show)").doesNotContain("7/10");

        assertThat(groupSlash(ANN, "nudge", Map.of("member", CAT))).contains("I have sent user0003 a friendly word in private");
        await().atMost(Duration.ofSeconds(10)).until(() -> lastDm(CAT).contains("says hi"));

        Instant due = ZonedDateTime.of(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2), LocalTime.of(19, 0),
                ZoneId.of("Europe/Berlin")).toInstant();
        long notesBefore = discord.sentTo(ANN).stream().filter(m -> m.content().contains("missed")).count();
        assertThat(bot.desk.due(GROUP_KEY, "digest:" + due, due, Instant.now(), true)).isPresent();
        bot.bot.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> lastDm(ANN).contains("missed"));
        assertThat(notesBefore).isZero();
        assertThat(lastDm(ANN)).contains("user0003 has missed two check-ins in a row").doesNotContain("user0002");
        await().atMost(Duration.ofSeconds(20)).until(() -> inChannel().stream().filter(s -> s.content().contains("Daily digest")).count() == 2);
        assertThat(inChannel()).noneMatch(s -> s.content().contains("missed"));
    }

    @Test
    void leavingTheGroupOrTheServerAndTheBotsRemovalEndDigests() {
        setUp();
        join(BOB, "Only check-ins", "No");
        join(CAT, "Only check-ins", "No");
        assertThat(groupSlash(CAT, "leave")).contains("user0003 has left this group");
        discord.memberRemove(GUILD, BOB);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.groups.members(GROUP_KEY).isEmpty());
        assertThat(groupSlash(ANN, "digest")).contains("No members yet");

        discord.guildDelete(GUILD);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.groups.group(GROUP_KEY).isEmpty());
        int before = inChannel().size();
        Instant due = Instant.now().plusSeconds(60);
        assertThat(bot.desk.due(GROUP_KEY, "digest:" + due, due, Instant.now(), true)).contains(List.of());
        bot.settle();
        assertThat(inChannel()).hasSize(before);
    }

    @Test
    void noMessageToTheChannelMentionsAnEmergencyTriageOrARegression() {
        setUp();
        join(DAN, "Also phase and pain trend", "Yes, tell my coach");
        join(BOB, "Only check-ins", "No");
        bot.slash(DAN, "start");
        assertThat(bot.press(DAN, "Yes").content()).contains("EMERGENCY");
        bot.dm(DAN, "I can't feel my saddle area and I wet myself");
        DiscordBotTest.toRecovery(bot, BOB);
        clock.shiftTo(clock.instant().plus(Duration.ofHours(73)));
        bot.slash(BOB, "today");
        checkIn(BOB, 3, 5);
        assertThat(discord.sentTo(BOB)).anyMatch(m -> m.content().contains("back in Active recovery"));
        groupSlash(ANN, "digest");
        groupSlash(ANN, "roster");
        groupSlash(DAN, "join");
        assertThat(inChannel()).hasSizeGreaterThanOrEqualTo(5);
        for (FakeDiscord.Sent sent : inChannel()) {
            String lower = sent.content().toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("emergency").doesNotContain("urgent").doesNotContain("clinician")
                    .doesNotContain("saddle").doesNotContain("/10").doesNotContain("phases (")
                    .doesNotContain("regress").doesNotContain("active recovery").doesNotContain("back in").doesNotContain("+2");
        }
    }
}
