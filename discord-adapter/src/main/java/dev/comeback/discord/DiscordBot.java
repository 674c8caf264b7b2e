package dev.comeback.discord;

import dev.comeback.core.Coach;
import dev.comeback.core.conversation.Commands;
import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.Dispatcher;
import dev.comeback.core.delivery.FileRenderer;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.group.MemberEvent;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.JdbcOutbox;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.guild.GuildLeaveEvent;
import net.dv8tion.jda.api.events.guild.member.GuildMemberRemoveEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Comeback on Discord, through JDA. Slash commands (registered at start-up from the core's command table) and
 * button presses are acknowledged at once, on JDA's event thread (Discord allows 3 seconds): a command with
 * a deferred reply, ephemeral in a server channel; a press by disabling the pressed message's buttons. The
 * turn then runs on this bot's own thread, one at a time in arrival order, and its replies go through the
 * outbox and the core's {@link Dispatcher} with a {@link DiscordSender}. Free text in DMs is read too (no
 * privileged intent needed for DMs). Each person's events carry Discord ids that only grow (snowflakes): the
 * person's inbound cursor moves with each committed turn, so an event delivered twice (a gateway resume
 * replaying it) is applied once.
 */
public final class DiscordBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);
    public static final String PLATFORM = "discord";
    /** Where a person's DMs are: addressed by their user id; the DM channel's own id is looked up when sending. */
    public static final PrivateChats PRIVATE_CHATS = user -> ChatRef.privateChat(PLATFORM, "u" + user.id());
    static final String DMS_CLOSED =
            "I could not send you a direct message: your DMs with me are closed, so your reminders are paused. "
                    + "Allow direct messages from this server's members (or from apps) and send /start to resume.";
    static final String CUT_OFF =
            "Sorry, I was restarted before I could take in your %s. Nothing you told me before is lost; please send it again.";
    static final String NOT_TAKEN_IN =
            "Sorry, I could not take that in just now. Nothing you told me before is lost; please send it again in a moment.";
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Coach coach;
    private final JdbcOutbox outbox;
    private final Clock clock;
    private final JDA jda;
    private final DiscordSender sender;
    private final Dispatcher dispatcher;
    private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    private final DiscordGroups groups = new DiscordGroups();
    private final ExecutorService turns = Executors.newSingleThreadExecutor(Dispatcher.daemon("discord-turn"));
    private volatile boolean open = true;

    private DiscordBot(DiscordConfig config, Coach coach, JdbcOutbox outbox, Clock clock, DeliveryLimits limits,
                       Optional<FileRenderer> files) throws InterruptedException {
        this.coach = coach;
        this.outbox = outbox;
        this.clock = clock;
        // JDA always asks for the servers and their channels (where coaching groups post). GUILD_MEMBERS
        // (privileged, opt-in): members leaving a server, which ends their coaching-group memberships there.
        List<GatewayIntent> intents = new java.util.ArrayList<>(List.of(GatewayIntent.DIRECT_MESSAGES));
        if (config.memberEvents()) {
            intents.add(GatewayIntent.GUILD_MEMBERS);
        }
        JDABuilder builder = JDABuilder.createLight(config.token(), intents)
                .setCompression(Compression.NONE)
                .setEnableShutdownHook(false)
                // OkHttp would silently resend a request whose connection died, perhaps after Discord took it: a
                // message sent twice. JDA's requester decides about retries.
                .setHttpClientBuilder(new OkHttpClient.Builder().retryOnConnectionFailure(false))
                .addEventListeners(new Listener());
        config.apiUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(url)));
        config.gatewayUrl().ifPresent(url -> builder.setSessionController(new SessionControllerAdapter() {
            @Override
            public String getGateway() {
                return url;
            }
        }));
        this.jda = builder.build();
        try {
            jda.awaitReady();
            coach.groups().ifPresent(desk -> desk.register(PLATFORM, groups));
            this.sender = new DiscordSender(jda, limits, closedDms);
            this.dispatcher = new Dispatcher(outbox, sender, coach::unreachable, clock, 1);
            files.ifPresent(dispatcher::renderFilesWith);
            registerCommands();
            askToRepeatWhatWasCutOff();
            dispatcher.start();
        } catch (RuntimeException | InterruptedException e) {
            jda.shutdownNow();
            throw e;
        }
        log.info("Discord bot {} is connected{}", jda.getSelfUser().getName(),
                config.apiUrl().map(url -> " to " + url).orElse(""));
    }

    /** Connects with the token and starts receiving and sending; throws if Discord refuses the token. */
    public static DiscordBot start(DiscordConfig config, Coach coach, JdbcOutbox outbox, Clock clock) {
        return start(config, coach, outbox, clock, DiscordSender.LIMITS);
    }

    /** As {@link #start(DiscordConfig, Coach, JdbcOutbox, Clock)}, attaching files made by {@code files}. */
    public static DiscordBot start(DiscordConfig config, Coach coach, JdbcOutbox outbox, Clock clock, FileRenderer files) {
        return start(config, coach, outbox, clock, DiscordSender.LIMITS, Optional.of(files));
    }

    public static DiscordBot start(DiscordConfig config, Coach coach, JdbcOutbox outbox, Clock clock, DeliveryLimits limits) {
        return start(config, coach, outbox, clock, limits, Optional.empty());
    }

    public static DiscordBot start(DiscordConfig config, Coach coach, JdbcOutbox outbox, Clock clock, DeliveryLimits limits,
                                   Optional<FileRenderer> files) {
        try {
            return new DiscordBot(config, coach, outbox, clock, limits, files);
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("Discord does not accept the bot token: check DISCORD_BOT_TOKEN, as the developer portal gave it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Discord");
        }
    }

    public String username() {
        return jda.getSelfUser().getName();
    }

    /** The outbox has news (a reminder was queued): send it now rather than at the next idle tick. */
    public void wake() {
        dispatcher.wake();
    }

    public Dispatcher.Stats stats() {
        return dispatcher.stats();
    }

    JDA jda() {
        return jda;
    }

    /**
     * Discord does not deliver an event again after the process died. Each one is noted on arrival and the
     * note forgotten when its turn is committed; a note left from before a crash whose turn was not
     * committed (the person's cursor is not past it) gets a "please send it again" by DM.
     */
    private void askToRepeatWhatWasCutOff() {
        for (JdbcOutbox.Pending cut : outbox.pendingEvents(PLATFORM)) {
            long handled = coach.cursor(PLATFORM + ":" + cut.user().id()).orElse(0);
            if (handled < cut.eventId()) {
                log.info("event {} from {} was cut off by a restart; asking to repeat it", cut.eventId(), cut.user().key());
                coach.tell(cut.user(), PRIVATE_CHATS.of(cut.user()),
                        List.of(dev.comeback.core.message.Reply.text(String.format(CUT_OFF, cut.what()))), clock.instant());
            }
            outbox.handled(PLATFORM, cut.eventId());
        }
    }

    /** The core's command table as slash commands, usable in servers and in DMs with the bot. */
    static List<SlashCommandData> slashCommands() {
        return Commands.ALL.stream().map(c -> {
            SlashCommandData data = net.dv8tion.jda.api.interactions.commands.build.Commands
                    .slash(c.name(), shorten(c.description()))
                    .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                    .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
            for (Commands.Option o : c.options()) {
                OptionData option = new OptionData(o.integer() ? OptionType.INTEGER : OptionType.STRING, o.name(),
                        shorten(o.description()), false);
                if (o.integer()) {
                    option.setRequiredRange(o.min(), o.max());
                }
                data.addOptions(option);
            }
            return data;
        }).toList();
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }

    private void registerCommands() {
        try {
            jda.updateCommands().addCommands(slashCommands()).addCommands(DiscordGroups.slashCommands()).complete();
        } catch (RuntimeException e) {
            // Typed DMs work without them; the next start registers them again.
            log.warn("could not register the slash commands: {}", e.getMessage());
        }
    }

    private final class Listener extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            if (event.isFromGuild() && GroupDesk.GROUP_COMMANDS.contains(event.getName())) {
                groupCommand(event);
                return;
            }
            boolean inServer = event.isFromGuild();
            String userId = event.getUser().getId();
            boolean tellClosed = inServer && closedDms.contains(userId);
            event.deferReply(inServer).queue(hook -> {
                if (tellClosed && closedDms.remove(userId)) {
                    hook.sendMessage(DMS_CLOSED).setEphemeral(true).queue();
                }
            }, failure -> log.warn("could not acknowledge /{}: {}", event.getName(), failure.getMessage()));
            sender.remember(event.getId(), new DiscordSender.Pending(event.getToken(), true, inServer));
            String args = event.getOptions().stream().map(OptionMapping::getAsString).collect(Collectors.joining(" "));
            String text = "/" + event.getName() + (args.isEmpty() ? "" : " " + args);
            UserRef user = UserRef.of(PLATFORM, userId);
            submit(new Incoming.Text(user, ChatRef.privateChat(PLATFORM, "i" + event.getId()), text, clock.instant()),
                    event.getIdLong(), event.getToken(), inServer, "/" + event.getName());
        }

        @Override
        public void onButtonInteraction(ButtonInteractionEvent event) {
            boolean inServer = event.isFromGuild();
            List<ActionRow> rows = event.getMessage().getComponents().stream()
                    .filter(c -> c.getType() == net.dv8tion.jda.api.components.Component.Type.ACTION_ROW)
                    .map(c -> c.asActionRow().asDisabled()).toList();
            event.editComponents(rows).queue(null,
                    failure -> log.warn("could not acknowledge a button press: {}", failure.getMessage()));
            UserRef user = UserRef.of(PLATFORM, event.getUser().getId());
            ChatRef chat;
            if (inServer) {
                sender.remember(event.getId(), new DiscordSender.Pending(event.getToken(), false, true));
                chat = ChatRef.privateChat(PLATFORM, "i" + event.getId());
            } else {
                chat = PRIVATE_CHATS.of(user);
            }
            submit(new Incoming.Press(user, chat, event.getComponentId(), clock.instant(), Optional.of(event.getMessageId())),
                    event.getIdLong(),
                    event.getToken(), inServer, "answer (" + event.getComponent().getLabel() + ")");
        }

        /** A member left the server: they leave every coaching group in its channels. */
        @Override
        public void onGuildMemberRemove(GuildMemberRemoveEvent event) {
            UserRef user = UserRef.of(PLATFORM, event.getUser().getId());
            memberEvents(event.getGuild(), MemberEvent.Kind.LEFT, user);
        }

        /** The bot was removed from the server: its coaching groups there end. */
        @Override
        public void onGuildLeave(GuildLeaveEvent event) {
            memberEvents(event.getGuild(), MemberEvent.Kind.BOT_REMOVED, UserRef.of(PLATFORM, jda.getSelfUser().getId()));
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            if (!event.isFromType(ChannelType.PRIVATE) || event.getAuthor().isBot() || event.isWebhookMessage()) {
                return;
            }
            String text = event.getMessage().getContentRaw();
            if (text.isBlank()) {
                return;
            }
            UserRef user = UserRef.of(PLATFORM, event.getAuthor().getId());
            submit(new Incoming.Text(user, PRIVATE_CHATS.of(user), text, clock.instant()), event.getMessageIdLong(),
                    null, false, "message");
        }
    }

    /**
     * A group command in a server channel: answered in the channel (the deferred reply, public), the group being
     * the channel. The member's permission and names are noted from the interaction for the core to ask.
     */
    private void groupCommand(SlashCommandInteractionEvent event) {
        groups.saw(event);
        event.deferReply(false).queue(null, failure -> log.warn("could not acknowledge /{}: {}", event.getName(), failure.getMessage()));
        ChatRef channel = ChatRef.group(PLATFORM, event.getChannel().getId());
        sender.rememberInGroup(channel.id(), new DiscordSender.Pending(event.getToken(), true, false));
        String args = event.getOptions().stream()
                .map(o -> o.getType() == OptionType.USER ? "<@" + o.getAsString() + ">" : o.getAsString())
                .collect(Collectors.joining(" "));
        String text = "/" + event.getName() + (args.isEmpty() ? "" : " " + args);
        submit(new Incoming.Text(UserRef.of(PLATFORM, event.getUser().getId()), channel, text, clock.instant()),
                event.getIdLong(), event.getToken(), false, "/" + event.getName());
    }

    private void memberEvents(net.dv8tion.jda.api.entities.Guild guild, MemberEvent.Kind kind, UserRef user) {
        List<String> channels = guild.getTextChannels().stream().map(c -> c.getId()).toList();
        turns.execute(() -> {
            for (String channel : channels) {
                try {
                    coach.memberEvent(new MemberEvent(kind, user, ChatRef.group(PLATFORM, channel), clock.instant()), Optional.empty());
                } catch (RuntimeException e) {
                    log.error("could not apply {} in channel {}", kind, channel, e);
                }
            }
        });
    }

    private void submit(Incoming in, long eventId, String token, boolean ephemeral, String what) {
        if (!open) {
            return;
        }
        try {
            outbox.received(new JdbcOutbox.Pending(PLATFORM, eventId, in.user(), what, in.at()));
        } catch (RuntimeException e) {
            // The turn below still runs; only a crash before it commits would go unnoticed.
            log.warn("could not note event {} on arrival: {}", eventId, e.getMessage());
        }
        turns.execute(() -> handle(in, eventId, token, ephemeral));
    }

    /** Runs the turn; a duplicate (the person's cursor is already past this event) changes nothing. */
    private void handle(Incoming in, long eventId, String token, boolean ephemeral) {
        Cursor cursor = new Cursor(PLATFORM + ":" + in.user().id(), eventId);
        long delay = 250;
        while (true) {
            try {
                if (!coach.handleQueued(in, Optional.of(cursor))) {
                    log.info("event {} from {} was already handled; ignored", eventId, in.user().key());
                }
                dispatcher.wake();
                forget(eventId);
                return;
            } catch (RuntimeException e) {
                if (!open || delay > MAX_RETRY.toMillis()) {
                    // Not committed: the person is told to send it again rather than wait for nothing.
                    log.error("event {} from {} could not be stored; asking to repeat it", eventId, in.user().key(), e);
                    tellToRepeat(in, token, ephemeral);
                    forget(eventId);
                    return;
                }
                log.error("cannot store event {}; trying again in {} ms", eventId, delay, e);
                sleep(delay);
                delay *= 2;
            }
        }
    }

    private void forget(long eventId) {
        try {
            outbox.handled(PLATFORM, eventId);
        } catch (RuntimeException e) {
            // The next start finds the turn committed and forgets the note then.
            log.warn("could not forget the note of event {}: {}", eventId, e.getMessage());
        }
    }

    private void tellToRepeat(Incoming in, String token, boolean ephemeral) {
        try {
            if (token != null) {
                net.dv8tion.jda.api.interactions.InteractionHook.from(jda, token).sendMessage(NOT_TAKEN_IN)
                        .setEphemeral(ephemeral).queue();
            } else {
                jda.openPrivateChannelById(in.user().id()).flatMap(c -> c.sendMessage(NOT_TAKEN_IN)).queue();
            }
        } catch (RuntimeException e) {
            log.warn("could not ask {} to repeat: {}", in.user().key(), e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops receiving: events that arrive now are not taken (Discord does not resend them; a person whose
     * command was cut off sees it fail and sends it again), and the turn in progress finishes. Idempotent.
     */
    public void stopReceiving() {
        if (!open) {
            return;
        }
        open = false;
        turns.shutdown();
        try {
            if (!turns.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("a Discord turn was still running when the bot stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops receiving, then sending (the message on the wire is finished and recorded), then JDA. */
    @Override
    public void close() {
        stopReceiving();
        dispatcher.close();
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
