package dev.comeback.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comeback.core.Coach;
import dev.comeback.core.group.GroupCommands;
import dev.comeback.core.group.MemberEvent;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import dev.comeback.core.conversation.Commands;
import dev.comeback.core.delivery.Dispatcher;
import dev.comeback.core.delivery.FileRenderer;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.storage.Cursor;
import dev.comeback.core.storage.JdbcOutbox;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Comeback on Telegram. Receives with TelegramBots' long polling, but asks for updates from its own stored
 * cursor: TelegramBots confirms a batch to Telegram on its next poll whether or not it was handled, so a
 * crash could lose updates; here the next poll's offset only moves once an update's turn is committed
 * (with the cursor, in the turn's transaction), and an update seen again is recognised by its id. Sends
 * through the outbox (the core's {@link Dispatcher}, with a {@link TelegramSender}).
 */
public final class TelegramBot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
    static final String CURSOR = "telegram";
    /**
     * One message on the wire at a time: a crash can leave the message in flight unconfirmed (Telegram cannot
     * say whether it arrived), and it is sent again after the restart; with one sender that is at most one
     * message per crash. Each extra sender would add one. At Telegram's 28 messages a second overall, one
     * sender keeps up while a send takes under 35 ms.
     */
    private static final int SENDER_THREADS = 1;
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Coach coach;
    private final Clock clock;
    private final TelegramClient client;
    private final UpdateReader reader;
    private final TelegramGroups groups;
    private final Dispatcher dispatcher;
    private final TelegramBotsLongPollingApplication polling;
    private final ScheduledExecutorService pollThread = Executors.newSingleThreadScheduledExecutor(Dispatcher.daemon("telegram-poll"));
    private final AtomicLong handledUpTo;
    private final String username;
    private final Duration pollTimeout;
    private volatile boolean open = true;

    private TelegramBot(TelegramConfig config, Coach coach, JdbcOutbox outbox, Clock clock, Pacer.Limits limits,
                        Optional<FileRenderer> files) throws TelegramApiException {
        this.coach = coach;
        this.clock = clock;
        this.pollTimeout = config.pollTimeout();
        TelegramUrl url = new TelegramUrl(config.apiUrl().getScheme(), config.apiUrl().getHost(), config.port(), false);
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(config.pollTimeout().plusSeconds(15))
                .writeTimeout(Duration.ofSeconds(30))
                // OkHttp would silently resend a request whose connection died, perhaps after Telegram took it:
                // a message sent twice. Every retry is the outbox's, counted and paced.
                .retryOnConnectionFailure(false)
                .build();
        this.client = new OkHttpTelegramClient(http, config.token(), url);
        this.username = whoAmI(client).getUserName();
        this.reader = new UpdateReader(username);
        this.groups = new TelegramGroups(client);
        coach.groups().ifPresent(desk -> desk.register(UpdateReader.PLATFORM, groups));
        publishCommands();
        this.handledUpTo = new AtomicLong(coach.cursor(CURSOR).orElse(0));
        this.dispatcher = new Dispatcher(outbox, new TelegramSender(client, new MessageWriter(username),
                MessageWriter.LIMITS.withPacing(limits), clock), coach::unreachable, clock, SENDER_THREADS);
        files.ifPresent(dispatcher::renderFilesWith);
        dispatcher.start();
        this.polling = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http, () -> pollThread);
        int timeout = (int) config.pollTimeout().toSeconds();
        polling.registerBot(config.token(), () -> url, ignoredInMemoryOffset -> GetUpdates.builder()
                .offset((int) (handledUpTo.get() + 1))
                .limit(100)
                .timeout(timeout)
                .allowedUpdates(List.of("message", "callback_query", "chat_member", "my_chat_member"))
                .build(), (LongPollingUpdateConsumer) this::consume);
        log.info("Telegram bot @{} is polling {} from update {}", username, config.apiUrl(), handledUpTo.get() + 1);
    }

    /** Connects with the token and starts receiving and sending; throws if Telegram refuses the token. */
    public static TelegramBot start(TelegramConfig config, Coach coach, JdbcOutbox outbox, Clock clock) {
        return start(config, coach, outbox, clock, MessageWriter.PACING, Optional.empty());
    }

    /** As {@link #start(TelegramConfig, Coach, JdbcOutbox, Clock)}, sending files (photos, documents) made by {@code files}. */
    public static TelegramBot start(TelegramConfig config, Coach coach, JdbcOutbox outbox, Clock clock, FileRenderer files) {
        return start(config, coach, outbox, clock, MessageWriter.PACING, Optional.of(files));
    }

    static TelegramBot start(TelegramConfig config, Coach coach, JdbcOutbox outbox, Clock clock, Pacer.Limits limits) {
        return start(config, coach, outbox, clock, limits, Optional.empty());
    }

    static TelegramBot start(TelegramConfig config, Coach coach, JdbcOutbox outbox, Clock clock, Pacer.Limits limits,
                             Optional<FileRenderer> files) {
        try {
            return new TelegramBot(config, coach, outbox, clock, limits, files);
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() != null && (e.getErrorCode() == 401 || e.getErrorCode() == 404)) {
                throw new IllegalStateException("Telegram does not accept the bot token (" + e.getErrorCode()
                        + "): check TELEGRAM_BOT_TOKEN, as @BotFather gave it");
            }
            throw new IllegalStateException("cannot start the Telegram bot: " + e.getMessage(), e);
        } catch (TelegramApiException e) {
            throw new IllegalStateException("cannot reach Telegram at start-up: " + unreachable(config, e), e);
        }
    }

    /**
     * Why the Bot API server at {@code config}'s host cannot be reached, named by host and port (never the
     * full URL: it holds the token) and the cause: refused, unknown host, timed out or dropped.
     */
    static String unreachable(TelegramConfig config, Throwable e) {
        String where = config.apiUrl().getHost() + ":" + config.port();
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String why;
        if (cause instanceof java.net.ConnectException) {
            why = "the connection was refused (nothing listens there, or a firewall says no)";
        } else if (cause instanceof java.net.UnknownHostException) {
            why = "the host name is unknown (check TELEGRAM_API_URL and DNS)";
        } else if (cause instanceof java.net.SocketTimeoutException || cause instanceof java.io.InterruptedIOException) {
            why = "no answer in time (a network problem, or a firewall dropping the packets)";
        } else if (cause instanceof java.io.EOFException || String.valueOf(cause.getMessage()).contains("unexpected end of stream")) {
            why = "the server closed the connection without an answer";
        } else if (cause instanceof javax.net.ssl.SSLException) {
            why = "the secure connection failed (" + cause.getClass().getSimpleName() + ")";
        } else {
            why = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return where + ": " + why;
    }

    public String username() {
        return username;
    }

    /** The outbox has news (a reminder was queued): send it now rather than at the next idle tick. */
    public void wake() {
        dispatcher.wake();
    }

    Dispatcher.Stats stats() {
        return dispatcher.stats();
    }

    private static User whoAmI(TelegramClient client) throws TelegramApiException {
        return client.execute(new GetMe());
    }

    private void publishCommands() {
        List<BotCommand> commands = Commands.ALL.stream()
                .map(c -> new BotCommand(c.name(), c.description()))
                .toList();
        // In groups: help, and the coaching-group commands.
        List<BotCommand> inGroups = new java.util.ArrayList<>(commands.stream().filter(c -> c.getCommand().equals("help")).toList());
        GroupCommands.ALL.forEach(c -> inGroups.add(new BotCommand(c.name(), c.description())));
        try {
            client.execute(SetMyCommands.builder().commands(commands).build());
            client.execute(SetMyCommands.builder().commands(inGroups).scope(new BotCommandScopeAllGroupChats()).build());
        } catch (TelegramApiException e) {
            // The menu is a convenience; typed commands work without it.
            log.warn("could not publish the command menu: {}", e.getMessage());
        }
    }

    /** Called on the polling thread with each batch, in update order, before the next poll is made. */
    private void consume(List<Update> updates) {
        updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).forEach(update -> {
            if (open && update.getUpdateId() > handledUpTo.get()) {
                handle(update);
            }
        });
        dispatcher.wake();
    }

    private void handle(Update update) {
        if (update.hasCallbackQuery()) {
            settle(update.getCallbackQuery());
        }
        groups.saw(update);
        Optional<MemberEvent> event = reader.event(update, clock.instant());
        Optional<Incoming> incoming = event.isPresent() ? Optional.empty() : reader.read(update, clock.instant());
        Cursor cursor = new Cursor(CURSOR, update.getUpdateId());
        long delay = 250;
        while (open) {
            try {
                if (event.isPresent()) {
                    coach.memberEvent(event.get(), Optional.of(cursor));
                } else if (incoming.isPresent()) {
                    coach.handleQueued(incoming.get(), Optional.of(cursor));
                } else {
                    coach.skip(cursor);
                }
                handledUpTo.set(update.getUpdateId());
                return;
            } catch (RuntimeException e) {
                if (!open) {
                    // Stopping: not committed, so not confirmed either; Telegram sends it again after the restart.
                    log.info("update {} is left for after the restart: {}", update.getUpdateId(), e.getMessage());
                    return;
                }
                // Not committed, so not confirmed to Telegram either: try again rather than lose it.
                log.error("cannot store update {}; trying again in {} ms", update.getUpdateId(), delay, e);
                sleep(delay);
                delay = Math.min(delay * 2, MAX_RETRY.toMillis());
            }
        }
    }

    /** Answers the button press (so the client stops its spinner) and takes the keyboard away. */
    private void settle(CallbackQuery query) {
        try {
            client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build());
            if (query.getMessage() != null) {
                client.execute(EditMessageReplyMarkup.builder()
                        .chatId(query.getMessage().getChatId())
                        .messageId(query.getMessage().getMessageId())
                        .build());
            }
        } catch (TelegramApiRequestException e) {
            // An old keyboard left in place is harmless: the core answers a stale press with the current question.
            // "Not modified" is the usual case: a keyboard already taken away, pressed again before it vanished.
            if (e.getApiResponse() == null || !e.getApiResponse().contains("not modified")) {
                log.warn("could not settle a button press: {}", e.getMessage());
            }
        } catch (TelegramApiException e) {
            log.warn("could not settle a button press: {}", e.getMessage());
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
     * Stops receiving: no new poll, and the update being handled finishes its turn (or, cut short, is not
     * confirmed and comes again after a restart). Idempotent. Sending goes on until {@link #close}.
     */
    public void stopReceiving() {
        if (!open) {
            return;
        }
        open = false;
        try {
            polling.close();
        } catch (Exception e) {
            log.info("stopping Telegram polling: {}", e.getMessage());
        }
        // The poll in progress returns within its timeout (updates it brings are left unconfirmed for after
        // the restart); only if it does not is it cut, which TelegramBots logs as an error.
        pollThread.shutdown();
        try {
            if (!pollThread.awaitTermination(pollTimeout.plusSeconds(2).toMillis(), TimeUnit.MILLISECONDS)) {
                pollThread.shutdownNow();
                pollThread.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops receiving, then sending: the message on the wire is finished and recorded. */
    @Override
    public void close() {
        stopReceiving();
        dispatcher.close();
    }
}
