package dev.comeback.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.group.Sharing;
import dev.comeback.core.testkit.Triage;
import dev.comeback.telegram.fake.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coaching group on Telegram end to end: the real adapter against the fake Bot API over loopback HTTP,
 * admins read with getChatAdministrators, joining by a t.me deep link, members leaving on the platform.
 */
class TelegramGroupTest {
    private static final long GROUP = -1001234;
    private static final long ANN = 501;
    private static final long BOB = 502;
    private static final long CAT = 503;
    private static final long DAN = 504;
    private static final String GROUP_KEY = "group:telegram:" + GROUP;
    private static final String AT_BOT = "@" + FakeBotApi.BOT_USERNAME;

    @TempDir
    Path dir;
    private FakeBotApi api;
    private BotHarness bot;

    @BeforeEach
    void start() {
        api = FakeBotApi.start(BotHarness.TOKEN);
        api.setAdmins(GROUP, ANN);
        bot = new BotHarness(api, dir.resolve("telegram"), BotHarness.FAST);
    }

    @AfterEach
    void stop() {
        bot.close();
        api.close();
    }

    private FakeBotApi.SentMessage inGroup(long user, String text) {
        int before = api.sentTo(GROUP).size();
        api.pushText(GROUP, "supergroup", user, text);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sentTo(GROUP).size() > before);
        bot.settle();
        return bot.last(GROUP);
    }

    private static String linkOf(FakeBotApi.SentMessage message) {
        JsonNode button = message.replyMarkup().path("inline_keyboard").path(0).path(0);
        assertThat(button.path("text").asText()).isEqualTo("Join the group");
        return button.path("url").asText();
    }

    private String setUp() {
        bot.say(ANN, "/start");
        FakeBotApi.SentMessage welcome = inGroup(ANN, "/coach" + AT_BOT + " 19:00 Europe/Berlin");
        assertThat(welcome.text()).contains("coaching group, run by User501");
        return linkOf(welcome);
    }

    /** /join in the group, the link opened (its /start in private), then the two sharing answers. */
    private void join(long user, String share, String tell) {
        String link = linkOf(inGroup(user, "/join" + AT_BOT));
        String token = link.substring(link.indexOf("?start=") + "?start=".length());
        assertThat(bot.say(user, "/start " + token).text()).contains("You are joining the coaching group Group 1001234");
        bot.press(user, share);
        bot.press(user, tell);
    }

    private void checkIn(long user, int before, int after) {
        bot.say(user, "/checkin");
        bot.press(user, "No");
        bot.press(user, String.valueOf(before));
        bot.press(user, String.valueOf(after));
        bot.press(user, "No");
    }

    private List<String> groupTexts() {
        return api.sentTo(GROUP).stream().map(FakeBotApi.SentMessage::text).toList();
    }

    @Test
    void anAdminSetsUpTheGroupAndAnyoneElseIsRefused() {
        assertThat(inGroup(CAT, "/coach" + AT_BOT + " 19:00 Europe/Berlin").text())
                .isEqualTo("Only an admin of this group can make it a coaching group. Ask one of them to send /coach.");
        assertThat(bot.groups.group(GROUP_KEY)).isEmpty();
        assertThat(api.calls("getchatadministrators")).isNotEmpty();

        String link = setUp();
        assertThat(link).startsWith("https://t.me/" + FakeBotApi.BOT_USERNAME + "?start=j");
        assertThat(bot.groups.group(GROUP_KEY)).hasValueSatisfying(g -> {
            assertThat(g.title()).isEqualTo("Group 1001234");
            assertThat(g.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        });
        assertThat(inGroup(CAT, "/roster" + AT_BOT).text()).contains("Only the coach or a group admin");
    }

    @Test
    void membersJoinByDeepLinkAndTheDigestShowsProgressOnlyOfThoseSharing() {
        setUp();
        join(BOB, "Also phase and pain trend", "No");
        join(CAT, "Only check-ins", "Yes, tell my coach");
        assertThat(bot.groups.members(GROUP_KEY)).extracting(m -> m.sharing()).containsExactly(Sharing.PROGRESS, Sharing.CHECK_INS);
        TelegramBotTestFlows.toRecovery(bot, BOB);
        TelegramBotTestFlows.toRecovery(bot, CAT);
        checkIn(BOB, 4, 4);
        checkIn(CAT, 7, 7);

        String digest = inGroup(ANN, "/digest" + AT_BOT).text();
        assertThat(digest).contains("Checked in today (2 of 2): User502, User503")
                .contains("Phases (1 member shares theirs): phase 1 ")
                .doesNotContain("7");

        FakeBotApi.SentMessage rosterNote = inGroup(ANN, "/roster" + AT_BOT);
        assertThat(rosterNote.text()).isEqualTo("I have sent you the roster in our private chat.");
        assertThat(bot.last(ANN).text()).contains("- User502: last check-in").contains("pain 4/10")
                .contains("- User503: last check-in").contains("(no phase or pain to show)").doesNotContain("7/10");

        assertThat(inGroup(ANN, "/nudge" + AT_BOT + " @user503").text()).isEqualTo("I have sent User503 a friendly word in private.");
        assertThat(bot.last(CAT).text()).contains("Your coach User501 (Group 1001234) says hi");

        // Two days without a check-in: cat allowed her coach to be told, privately, once.
        Instant due = ZonedDateTime.of(java.time.LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2), LocalTime.of(19, 0),
                ZoneId.of("Europe/Berlin")).toInstant();
        int annBefore = api.sentTo(ANN).size();
        assertThat(bot.desk.due(GROUP_KEY, "digest:" + due, due, bot.clock.instant(), true)).isPresent();
        bot.bot.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.sentTo(ANN).size() > annBefore);
        bot.settle();
        assertThat(bot.last(ANN).text()).contains("User503 has missed two check-ins in a row").doesNotContain("User502");
        assertThat(groupTexts()).noneMatch(t -> t.contains("missed"));
    }

    @Test
    void leavingByCommandOrOnThePlatformAndTheBotsRemovalEndDigests() {
        setUp();
        join(BOB, "Only check-ins", "No");
        join(CAT, "Only check-ins", "No");
        assertThat(inGroup(CAT, "/leave" + AT_BOT).text()).isEqualTo("User503 has left this group's digests.");

        api.pushMemberLeft(GROUP, BOB, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.groups.members(GROUP_KEY).isEmpty());
        assertThat(inGroup(ANN, "/digest" + AT_BOT).text()).contains("No members yet");

        api.pushBotRemoved(GROUP, ANN);
        await().atMost(Duration.ofSeconds(20)).until(() -> bot.groups.group(GROUP_KEY).isEmpty());
        Instant due = Instant.now().plusSeconds(60);
        int before = api.sentTo(GROUP).size();
        assertThat(bot.desk.due(GROUP_KEY, "digest:" + due, due, due, true)).contains(List.<Outgoing>of());
        bot.settle();
        assertThat(api.sentTo(GROUP)).hasSize(before);
    }

    @Test
    void noMessageToTheGroupMentionsAnEmergencyTriageOrARegression() {
        setUp();
        join(DAN, "Also phase and pain trend", "Yes, tell my coach");
        join(BOB, "Only check-ins", "No");
        bot.say(DAN, "/start");
        assertThat(bot.press(DAN, "Yes").text()).contains("EMERGENCY");
        TelegramBotTestFlows.toRecovery(bot, BOB);
        bot.clock.shiftTo(bot.clock.instant().plus(Duration.ofHours(73)));
        bot.say(BOB, "/today");
        checkIn(BOB, 3, 5);
        assertThat(api.sentTo(BOB).stream().map(FakeBotApi.SentMessage::text)).anyMatch(t -> t.contains("back in Active recovery"));
        bot.say(DAN, "I can't feel my saddle area and I wet myself");

        inGroup(ANN, "/digest" + AT_BOT);
        inGroup(ANN, "/roster" + AT_BOT);
        inGroup(BOB, "/join" + AT_BOT);

        List<String> all = groupTexts();
        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        for (String text : all) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertThat(lower).doesNotContain("emergency").doesNotContain("urgent").doesNotContain("clinician")
                    .doesNotContain("regress").doesNotContain("active recovery").doesNotContain("back in")
                    .doesNotContain("saddle").doesNotContain("+2").doesNotContain("/10").doesNotContain("phases (");
        }
        assertThat(Triage.QUIZ_PRESSES).isNotEmpty();
    }
}
