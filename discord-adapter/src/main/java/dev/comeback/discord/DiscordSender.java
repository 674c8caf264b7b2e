package dev.comeback.discord;

import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Outcome;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.delivery.Part;
import dev.comeback.core.delivery.PlatformSender;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's side of delivery. Where a message goes is in its chat id: {@code u<user id>} is the person's DM
 * channel (looked up, or opened, when sending: a DM channel has its own id), {@code i<interaction id>} the
 * answer to a slash command or button press, through the interaction's webhook (ephemeral in a server). An
 * interaction whose token is gone (after a restart, or 15 minutes on) is answered by DM instead.
 *
 * <p>Every call goes through JDA's own rate limiter, which waits out a 429 itself. Discord's answers map to:
 * the message made, sent (with its id, unique on Discord, so that presses on its buttons are taken); 50007 (cannot send to this user: DMs closed, or blocked) unreachable; a server error or no answer
 * transient; any other refusal rejected.
 */
final class DiscordSender implements PlatformSender {
    private static final Logger log = LoggerFactory.getLogger(DiscordSender.class);
    /**
     * Discord's documented limits less a margin: 50 requests a second globally (JDA reacts to a global 429
     * but does not pace for it), 5 messages per 5 seconds per channel (JDA paces its per-route buckets too).
     * A reminder to someone whose DM channel is not yet known costs two requests (open the DM, send), so
     * proactive messages draw at 22 a second; replies may use the rest.
     */
    static final Pacer.Limits PACING = new Pacer.Limits(45, 22, Duration.ofMillis(5200), 5, Duration.ofMillis(5200), 5);
    /**
     * Files: a message's content (a file's caption) holds up to 2,000 characters, and a bot outside boosted
     * servers may upload 10 MiB per message (JDA's {@code Message.MAX_FILE_SIZE}; Discord raised the limit to
     * 25 MB in 2023, discord-api-docs issue 6058, and set it back to 10 MiB in 2024). Images show inline, so
     * photos and documents share the limit.
     */
    static final DeliveryLimits LIMITS = new DeliveryLimits(PACING, Render.MAX_TEXT)
            .withFiles(Render.MAX_TEXT, Message.MAX_FILE_SIZE, Message.MAX_FILE_SIZE);

    /** An interaction still to be answered: its webhook token (memory only), and how. */
    record Pending(String token, boolean deferredReply, boolean ephemeral, long receivedNanos) {
        Pending(String token, boolean deferredReply, boolean ephemeral) {
            this(token, deferredReply, ephemeral, System.nanoTime());
        }
    }

    /** Discord accepts follow-ups with an interaction's token for 15 minutes. */
    private static final long TOKEN_LIFETIME_NANOS = Duration.ofMinutes(15).toNanos();

    private final JDA jda;
    private final DeliveryLimits limits;
    private final Map<String, Pending> interactions = new ConcurrentHashMap<>();
    private final Map<String, java.util.Deque<Pending>> groupInteractions = new ConcurrentHashMap<>();
    private final Set<String> closedDms;
    /** DM channels opened so far, by user id: a second message to a person needs no second request to open it. */
    private final Map<String, PrivateChannel> dmChannels = new ConcurrentHashMap<>();

    DiscordSender(JDA jda, DeliveryLimits limits, Set<String> closedDms) {
        this.jda = jda;
        this.limits = limits;
        this.closedDms = closedDms;
    }

    /**
     * A group command's deferred reply, in its channel: the next message the outbox has for that channel
     * answers it (the channel's messages go out one at a time, in order); any other goes to the channel.
     */
    void rememberInGroup(String channelId, Pending pending) {
        groupInteractions.computeIfAbsent(channelId, c -> new java.util.concurrent.ConcurrentLinkedDeque<>()).addLast(pending);
    }

    void remember(String interactionId, Pending pending) {
        long now = System.nanoTime();
        interactions.values().removeIf(p -> now - p.receivedNanos() > TOKEN_LIFETIME_NANOS);
        interactions.put(interactionId, pending);
    }

    @Override
    public String platform() {
        return DiscordBot.PLATFORM;
    }

    @Override
    public DeliveryLimits limits() {
        return limits;
    }

    @Override
    public String escape(String text) {
        return Render.escape(text);
    }

    @Override
    public Outcome send(OutboxMessage message, Part part, int index) {
        String chat = message.chat().id();
        String bot = jda.getSelfUser().getId();
        try {
            if (message.chat().isGroup()) {
                return toChannel(chat, part, index, bot);
            }
            if (chat.startsWith("i")) {
                Optional<Pending> pending = Optional.ofNullable(interactions.get(chat.substring(1)));
                if (pending.isPresent()) {
                    try {
                        InteractionHook hook = InteractionHook.from(jda, pending.get().token());
                        Message sent;
                        if (pending.get().deferredReply() && index == 0) {
                            sent = hook.editOriginal(Render.edit(part, bot)).complete();
                        } else {
                            sent = hook.sendMessage(Render.create(part, bot)).setEphemeral(pending.get().ephemeral()).complete();
                        }
                        if (index == 0 && pending.get().deferredReply()) {
                            interactions.put(chat.substring(1), new Pending(pending.get().token(), false, pending.get().ephemeral(), pending.get().receivedNanos()));
                        }
                        return sent(sent);
                    } catch (ErrorResponseException e) {
                        if (!expired(e)) {
                            throw e;
                        }
                        interactions.remove(chat.substring(1));
                        log.info("interaction {} can no longer be answered ({}); answering by DM", chat.substring(1), e.getErrorCode());
                    }
                }
                // The interaction's token is gone: the answer goes to the person's DMs.
                return dm(message.user().id(), part, bot);
            }
            return dm(chat.startsWith("u") ? chat.substring(1) : chat, part, bot);
        } catch (ErrorResponseException e) {
            return outcome(e, message);
        } catch (RuntimeException e) {
            return new Outcome.Transient("no answer from Discord: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private Outcome toChannel(String channelId, Part part, int index, String bot) {
        java.util.Deque<Pending> waiting = groupInteractions.getOrDefault(channelId, new java.util.ArrayDeque<>());
        long now = System.nanoTime();
        waiting.removeIf(p -> now - p.receivedNanos() > TOKEN_LIFETIME_NANOS);
        Pending pending = index == 0 ? waiting.pollFirst() : null;
        if (pending != null) {
            try {
                return sent(InteractionHook.from(jda, pending.token()).editOriginal(Render.edit(part, bot)).complete());
            } catch (ErrorResponseException e) {
                if (!expired(e)) {
                    throw e;
                }
            }
        }
        net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel channel =
                jda.getChannelById(net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel.class, channelId);
        if (channel == null) {
            return new Outcome.Rejected("channel " + channelId + " is not one the bot can see");
        }
        try {
            return sent(channel.sendMessage(Render.create(part, bot)).complete());
        } catch (net.dv8tion.jda.api.exceptions.InsufficientPermissionException e) {
            // Trying again will not help until someone changes the channel's permissions.
            return new Outcome.Rejected("no permission in channel " + channelId + ": " + e.getPermission().getName());
        }
    }

    private Outcome dm(String userId, Part part, String bot) {
        PrivateChannel channel = dmChannels.get(userId);
        if (channel == null) {
            channel = jda.openPrivateChannelById(userId).complete();
            dmChannels.put(userId, channel);
        }
        Message sent = channel.sendMessage(Render.create(part, bot)).complete();
        closedDms.remove(userId);
        return sent(sent);
    }

    /** Sent as {@code message}: Discord's message ids are unique, so its id is the one recorded. */
    private static Outcome sent(Message message) {
        return message == null ? new Outcome.Sent() : Outcome.sent(message.getId());
    }

    private static boolean expired(ErrorResponseException e) {
        return e.getErrorResponse() == ErrorResponse.UNKNOWN_INTERACTION
                || e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK
                || e.getErrorResponse() == ErrorResponse.INVALID_WEBHOOK_TOKEN;
    }

    private Outcome outcome(ErrorResponseException e, OutboxMessage message) {
        if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
            closedDms.add(message.user().id());
            return new Outcome.Unreachable("Discord " + e.getErrorCode() + ": cannot send messages to this user");
        }
        if (e.isServerError() || e.getErrorCode() == -1) {
            return new Outcome.Transient("Discord answered " + e.getErrorCode() + " " + e.getMeaning());
        }
        return new Outcome.Rejected("Discord answered " + e.getErrorCode() + " " + e.getMeaning());
    }
}
