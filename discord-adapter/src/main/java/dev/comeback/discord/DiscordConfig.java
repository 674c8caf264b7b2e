package dev.comeback.discord;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Discord: the bot token (from the environment only; never logged, {@link #toString()} hides it),
 * and, for a proxy or a test server, the REST base URL ({@code http://host:port/api/v10/}) and the gateway
 * WebSocket URL ({@code ws://host:port}). Empty means Discord's own.
 */
public record DiscordConfig(String token, Optional<String> apiUrl, Optional<String> gatewayUrl, boolean memberEvents) {
    public DiscordConfig(String token, Optional<String> apiUrl, Optional<String> gatewayUrl) {
        this(token, apiUrl, gatewayUrl, false);
    }

    public DiscordConfig {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the Discord bot token is empty");
        }
        apiUrl = apiUrl.map(String::strip).filter(s -> !s.isEmpty()).map(DiscordConfig::withSlash);
        gatewayUrl = gatewayUrl.map(String::strip).filter(s -> !s.isEmpty());
        apiUrl.ifPresent(url -> {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException("the Discord API URL must look like https://host/api/v10/, was " + url);
            }
        });
        gatewayUrl.ifPresent(url -> {
            if (!url.startsWith("ws://") && !url.startsWith("wss://")) {
                throw new IllegalArgumentException("the Discord gateway URL must look like wss://host, was " + url);
            }
        });
    }

    public static DiscordConfig of(String token, String apiUrl, String gatewayUrl) {
        return new DiscordConfig(token, Optional.ofNullable(apiUrl), Optional.ofNullable(gatewayUrl));
    }

    /**
     * With {@code on}, asks Discord for member events (the privileged Server Members intent, which must be
     * switched on in the developer portal), so a member leaving the server leaves its coaching groups.
     */
    public DiscordConfig withMemberEvents(boolean on) {
        return new DiscordConfig(token, apiUrl, gatewayUrl, on);
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public String toString() {
        return "DiscordConfig[token=<hidden>, apiUrl=" + apiUrl.orElse("Discord's") + ", gatewayUrl="
                + gatewayUrl.orElse("Discord's") + "]";
    }
}
