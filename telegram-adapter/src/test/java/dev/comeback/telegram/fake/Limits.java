package dev.comeback.telegram.fake;

import java.time.Duration;

/**
 * Telegram's flood limits for messages a bot sends, each a sliding window.
 *
 * @param allChats    across all chats together
 * @param privateChat per private chat (chat id &gt; 0)
 * @param groupChat   per group, supergroup or channel (chat id &lt; 0)
 */
public record Limits(Window allChats, Window privateChat, Window groupChat) {

    /** 30 messages a second overall, 1 a second per private chat, 20 a minute per group. */
    public static Limits telegram() {
        return new Limits(
                new Window(30, Duration.ofSeconds(1)),
                new Window(1, Duration.ofSeconds(1)),
                new Window(20, Duration.ofMinutes(1)));
    }

    /** At most {@code max} messages in any window of length {@code per}. */
    public record Window(int max, Duration per) {
        public Window {
            if (max < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("window needs max >= 1 and a positive length: " + max + "/" + per);
            }
        }
    }
}
