package dev.comeback.telegram;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Telegram: the bot token (from the environment only; never logged, {@link #toString()} hides
 * it), the Bot API base URL (Telegram's, a self-hosted Bot API server, or a test server) and how long one
 * getUpdates call may wait for news.
 */
public record TelegramConfig(String token, URI apiUrl, Duration pollTimeout) {
    public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");
    /**
     * How long one getUpdates waits for news. Short enough that an orderly stop, which lets the poll in
     * progress return rather than cut it (TelegramBots logs a cut poll as an ERROR), ends within seconds;
     * long enough that an idle bot asks only every few seconds.
     */
    public static final Duration DEFAULT_POLL = Duration.ofSeconds(4);

    public TelegramConfig {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Telegram bot token is empty");
        }
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null
                || !(apiUrl.getScheme().equals("http") || apiUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the Telegram API URL must look like https://host[:port], was " + apiUrl);
        }
        if (apiUrl.getPath() != null && !apiUrl.getPath().isEmpty() && !apiUrl.getPath().equals("/")) {
            throw new IllegalArgumentException("the Telegram API URL cannot have a path (TelegramBots adds /bot<token>/): " + apiUrl);
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
    }

    public static TelegramConfig of(String token, String apiUrl) {
        return new TelegramConfig(token, URI.create(apiUrl == null || apiUrl.isBlank() ? TELEGRAM_API.toString() : apiUrl.strip()), DEFAULT_POLL);
    }

    public TelegramConfig withPollTimeout(Duration timeout) {
        return new TelegramConfig(token, apiUrl, timeout);
    }

    int port() {
        return apiUrl.getPort() != -1 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return "TelegramConfig[token=<hidden>, apiUrl=" + apiUrl + ", pollTimeout=" + pollTimeout + "]";
    }
}
