package dev.comeback.discord;

import dev.comeback.core.testkit.Triage;
import dev.comeback.discord.fake.FakeDiscord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real JDA against a fake Discord on loopback: commands, buttons, DMs, servers. */
class DiscordBotTest {
    static final String ANN = "500000000000000001";
    static final String BOB = "500000000000000002";

    @TempDir
    Path dir;
    FakeDiscord discord;
    DiscordHarness bot;

    @BeforeEach
    void start() {
        discord = FakeDiscord.start();
        bot = new DiscordHarness(discord, dir.resolve("discord"), DiscordHarness.FAST, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        discord.close();
    }

    static void quizToRecovery(DiscordHarness bot, String user) {
        bot.slash(user, "start");
        quizRest(bot, user);
    }

    static void toRecovery(DiscordHarness bot, String user) {
        quizToRecovery(bot, user);
        Triage.PROFILE.forEach(text -> bot.dm(user, text));
    }

    @Test
    void slashCommandsAreRegisteredFromTheCommandTableWithTypedOptions() {
        assertThat(discord.commands()).hasSize(dev.comeback.core.conversation.Commands.ALL.size()
                + dev.comeback.core.group.GroupDesk.GROUP_COMMANDS.size());
        var checkin = java.util.stream.StreamSupport.stream(discord.commands().spliterator(), false)
                .filter(c -> c.path("name").asText().equals("checkin")).findFirst().orElseThrow();
        assertThat(checkin.path("description").asText()).contains("check-in");
        var pain = checkin.path("options").get(0);
        assertThat(pain.path("name").asText()).isEqualTo("pain");
        assertThat(pain.path("type").asInt()).isEqualTo(4);
        assertThat(pain.path("min_value").asInt()).isZero();
        assertThat(pain.path("max_value").asInt()).isEqualTo(10);
    }

    @Test
    void theTriageQuizWithButtonsInDms() {
        FakeDiscord.Sent first = bot.slash(ANN, "start");
        assertThat(first.via()).isEqualTo("original");
        assertThat(first.content()).contains("Question 1");
        assertThat(first.buttonLabels()).contains("Yes", "No");
        quizRest(bot, ANN);
        assertThat(bot.last(ANN).content()).containsIgnoringCase("time zone");
        // Every interaction was acknowledged within Discord's 3 seconds; pressed buttons were disabled.
        assertThat(discord.pressedUpdates).isNotEmpty().allSatisfy(u -> u.components().forEach(row ->
                row.path("components").forEach(b -> assertThat(b.path("disabled").asBoolean()).isTrue())));
    }

    /** Every quiz answer after /start, and when the pain started. */
    private static void quizRest(DiscordHarness bot, String user) {
        Triage.QUIZ_PRESSES.forEach(label -> bot.press(user, label));
        bot.press(user, Triage.PAIN_STARTED);
    }

    @Test
    void aPressOnAnOldMessageIsAnsweredWithTheCurrentQuestion() {
        FakeDiscord.Sent first = bot.slash(ANN, "start");
        bot.press(ANN, "No");
        int before = discord.sentTo(ANN).size();
        // A stale client can still send a press on the first question, whose buttons are disabled by now.
        discord.press(first, "No");
        org.awaitility.Awaitility.await().until(() -> discord.sentTo(ANN).size() > before);
        bot.settle();
        assertThat(bot.last(ANN).content()).contains("earlier question").contains("Question 2");
    }

    @Test
    void aPressFromAMessageTheBotNeverSentIsNoLongerValidAndChangesNothing() {
        FakeDiscord.Sent first = bot.slash(ANN, "start");
        var before = bot.store.load("discord:" + ANN).orElseThrow();
        // Today's question's buttons under a message id the bot never sent (a forged press).
        FakeDiscord.Sent forged = new FakeDiscord.Sent("600000000000000099", first.channelId(), first.userId(), first.via(),
                first.content(), first.components(), first.ephemeral(), first.at());

        int sent = discord.sentTo(ANN).size();
        discord.press(forged, "No");
        org.awaitility.Awaitility.await().until(() -> discord.sentTo(ANN).size() > sent);
        bot.settle();

        assertThat(discord.sentTo(ANN)).hasSize(sent + 1);
        assertThat(bot.last(ANN).content()).startsWith("That button is no longer valid").contains("Question 1 of");
        assertThat(bot.last(ANN).buttonLabels()).contains("Yes", "No");
        assertThat(bot.store.load("discord:" + ANN)).contains(before);

        // The press on the message the bot really sent is the answer.
        int now = discord.sentTo(ANN).size();
        discord.press(first, "No");
        org.awaitility.Awaitility.await().until(() -> discord.sentTo(ANN).size() > now);
        bot.settle();
        assertThat(bot.last(ANN).content()).contains("Question 2");
        assertThat(bot.store.load("discord:" + ANN).orElseThrow().triageAnswers()).hasSize(1);
    }

    @Test
    void aRefusedTokenStopsTheStartWithoutShowingIt() {
        bot.close();
        bot = null;
        discord.refuseToken();
        try (var db = dev.comeback.core.storage.Database.open(dev.comeback.core.storage.Database.h2FileUrl(dir.resolve("refused")), "sa", "", 2)) {
            var coach = new dev.comeback.core.Coach(new dev.comeback.core.conversation.Conversation(
                    dev.comeback.core.testkit.ChatDriver.CONTENT), new dev.comeback.core.storage.JdbcConversationStore(db.dataSource()));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscordBot.start(
                    DiscordConfig.of(DiscordHarness.TOKEN, discord.apiUrl(), discord.gatewayUrl()), coach,
                    new dev.comeback.core.storage.JdbcOutbox(db.dataSource()), Clock.systemUTC()))
                    .hasMessageContaining("DISCORD_BOT_TOKEN")
                    .satisfies(e -> assertThat(String.valueOf(e) + e.getCause()).doesNotContain(DiscordHarness.TOKEN));
        }
        assertThat(DiscordConfig.of(DiscordHarness.TOKEN, null, null).toString()).doesNotContain(DiscordHarness.TOKEN);
    }
}
