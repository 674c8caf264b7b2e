package dev.comeback.telegram;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.comeback.telegram.fake.FakeBotApi;
import dev.comeback.telegram.fake.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The token is in every request path, and nowhere else: not in logs at any level, not in errors. */
class TokenSecrecyTest {
    private static final String SECRET_PART = "TEST-token-never-to-be-logged";

    @TempDir
    Path dir;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Logger root;
    private Level level;

    @BeforeEach
    void captureEverything() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level = root.getLevel();
        root.setLevel(Level.ALL);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void restore() {
        root.detachAppender(logs);
        root.setLevel(level);
    }

    @Test
    void failuresOfEveryKindLogNoToken() {
        try (FakeBotApi api = FakeBotApi.start(BotHarness.TOKEN);
             BotHarness bot = new BotHarness(api, dir.resolve("secrecy"), BotHarness.FAST)) {
            api.failNext("getupdates", Fault.serverError());
            api.failNext("getupdates", Fault.dropConnection());
            api.failNext("sendmessage", Fault.dropConnection());
            api.failNext("sendmessage", Fault.serverError());
            api.failNext("sendmessage", Fault.badRequest("can't parse entities"));
            api.pushText(7, "private", 7, "/start");
            api.pushText(7, "private", 7, "/help");
            await().atMost(Duration.ofSeconds(15)).until(() -> api.sentTo(7).size() == 1);
            bot.settle();
        }
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent event : logs.list) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(text).doesNotContain(SECRET_PART);
        }
    }

    @Test
    void aRefusedTokenIsReportedWithoutIt() {
        try (FakeBotApi api = FakeBotApi.start("999:the-real-one")) {
            TelegramConfig config = TelegramConfig.of(BotHarness.TOKEN, "http://127.0.0.1:" + api.port());
            assertThatThrownBy(() -> new BotHarness(api, dir.resolve("refused"), BotHarness.FAST))
                    .hasMessageContaining("TELEGRAM_BOT_TOKEN")
                    .hasMessageNotContaining(SECRET_PART);
            assertThat(config.toString()).doesNotContain(SECRET_PART);
        }
    }
}
