package dev.comeback.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.telegram.telegrambots.meta.TelegramUrl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-process stand-in for api.telegram.org, spoken to by the real TelegramBots client.
 *
 * <p>It answers the methods the adapter uses, hands out updates the test pushes with Telegram's
 * getUpdates semantics, records every call, and can fail calls on demand or enforce Telegram's flood limits.
 * All methods are safe to call from any thread.
 */
public final class FakeBotApi implements AutoCloseable {

    public static final long BOT_ID = 42;
    public static final String BOT_USERNAME = "comeback_test_bot";
    /** A long-polling getUpdates is answered after at most this long, whatever timeout it asked for. */
    public static final Duration MAX_LONG_POLL = Duration.ofSeconds(2);

    /** One HTTP request as it arrived; status 0 means the connection was dropped without an answer. */
    public record Call(String method, JsonNode body, Instant at, int status) {
    }

    /**
     * A file the bot uploaded with sendPhoto or sendDocument ({@code method}, lower case), as it arrived: the
     * multipart field's file name and bytes, and the caption.
     */
    public record SentFile(long chatId, String method, String fileName, byte[] bytes, String caption, long messageId, Instant at) {
    }

    /** A message the bot sent with sendMessage; replyMarkup is a missing node when none was given. */
    public record SentMessage(long chatId, String text, JsonNode replyMarkup, long messageId, Instant at) {
    }

    static {
        // The JDK server flushes response headers and body separately; without TCP_NODELAY, Nagle and the
        // client's delayed ACK stall every answer ~40 ms. Read once when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String token;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final UpdateQueue updates = new UpdateQueue();
    private final FloodControl flood;
    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong callbackIds = new AtomicLong();
    private final Map<Long, ObjectNode> chats = new ConcurrentHashMap<>();
    /** Current state of every message the bot sent, after edits. */
    private final Map<Long, ObjectNode> botMessages = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastBotMessageByChat = new ConcurrentHashMap<>();
    private final Set<String> unansweredCallbacks = ConcurrentHashMap.newKeySet();
    private volatile JsonNode commands = NODES.arrayNode();
    private final Map<Long, List<Long>> admins = new ConcurrentHashMap<>();

    private final Map<String, Queue<Fault>> faults = new ConcurrentHashMap<>();
    private final ConnectionDrops drops = new ConnectionDrops();
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger floodRefusals = new AtomicInteger();
    private volatile boolean enforceLimits;
    private volatile Duration latency = Duration.ZERO;

    private final List<Call> calls = new ArrayList<>(); // guarded by itself
    private final List<SentMessage> sent = new ArrayList<>(); // guarded by itself, notified on every add
    private final List<SentFile> files = new ArrayList<>(); // guarded by sent

    private FakeBotApi(String token, Limits limits) throws IOException {
        this.token = token;
        this.flood = new FloodControl(limits);
        registerHandlers();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "fake-botapi-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a server with Telegram's flood limits (not enforced until {@link #enforceLimits}). */
    public static FakeBotApi start(String token) {
        return start(token, Limits.telegram());
    }

    public static FakeBotApi start(String token, Limits limits) {
        try {
            return new FakeBotApi(token, limits);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Bot API", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where to point {@code OkHttpTelegramClient} and the long-polling application. */
    public TelegramUrl telegramUrl() {
        return new TelegramUrl("http", "127.0.0.1", port(), false);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            updates.close();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- updates the bot will receive

    /** A text message from a user; a leading "/word" gets a bot_command entity like Telegram adds. */
    public long pushText(long chatId, String chatType, long fromUserId, String text) {
        ObjectNode message = userMessage(registerChat(chatId, chatType, fromUserId), fromUserId, text);
        return updates.push(update("message", message));
    }

    /** A user's message replying to the given message of the bot. */
    public long pushReplyToBot(long chatId, long fromUserId, String text, long botMessageId) {
        ObjectNode message = userMessage(chat(chatId), fromUserId, text);
        message.set("reply_to_message", botMessageOrStub(chatId, botMessageId));
        return updates.push(update("message", message));
    }

    /** A user's message replying to the last message the bot sent to that chat. */
    public long pushReplyToBot(long chatId, long fromUserId, String text) {
        Long last = lastBotMessageByChat.get(chatId);
        if (last == null) {
            throw new IllegalStateException("the bot has not sent anything to chat " + chatId + " yet");
        }
        return pushReplyToBot(chatId, fromUserId, text, last);
    }

    /** A tap on an inline button of the given bot message. */
    public long pushCallback(long chatId, long fromUserId, long messageId, String data) {
        String id = Long.toString(8_000_000_000_000_000L + callbackIds.incrementAndGet());
        ObjectNode callback = NODES.objectNode()
                .put("id", id)
                .<ObjectNode>set("from", user(fromUserId))
                .<ObjectNode>set("message", botMessageOrStub(chatId, messageId))
                .put("chat_instance", Long.toString(Math.abs(chatId * 7919 + 17)))
                .put("data", data);
        unansweredCallbacks.add(id);
        return updates.push(update("callback_query", callback));
    }

    /** {@code userIds} are the group's administrators (getChatAdministrators); the first is its creator. */
    public void setAdmins(long chatId, long... userIds) {
        admins.put(chatId, java.util.Arrays.stream(userIds).boxed().toList());
    }

    /** Telegram's chat_member update: {@code userId} left the group (or, with {@code kicked}, was removed). */
    public long pushMemberLeft(long chatId, long userId, boolean kicked) {
        ObjectNode change = memberChange(chatId, kicked ? BOT_ID : userId, user(userId), kicked ? "kicked" : "left");
        return updates.push(update("chat_member", change));
    }

    /** Telegram's my_chat_member update: {@code byUserId} removed the bot from the group. */
    public long pushBotRemoved(long chatId, long byUserId) {
        ObjectNode change = memberChange(chatId, byUserId, botUser(), "kicked");
        return updates.push(update("my_chat_member", change));
    }

    private ObjectNode memberChange(long chatId, long fromUserId, ObjectNode member, String newStatus) {
        ObjectNode from = fromUserId == BOT_ID ? botUser() : user(fromUserId);
        ObjectNode change = NODES.objectNode()
                .<ObjectNode>set("chat", chat(chatId))
                .<ObjectNode>set("from", from)
                .put("date", Instant.now().getEpochSecond());
        change.putObject("old_chat_member").put("status", "member").set("user", member);
        ObjectNode now = change.putObject("new_chat_member").put("status", newStatus);
        now.set("user", member);
        if (newStatus.equals("kicked")) {
            now.put("until_date", 0);
        }
        return change;
    }

    /** Any update; its update_id is assigned here. */
    public long pushRaw(ObjectNode updateWithoutId) {
        String callbackId = updateWithoutId.path("callback_query").path("id").asText("");
        if (!callbackId.isEmpty()) {
            unansweredCallbacks.add(callbackId);
        }
        return updates.push(updateWithoutId);
    }

    /**
     * Puts an already pushed update back, same update_id, so the next getUpdates returns it again even if
     * it was confirmed - what Telegram does when a confirmation is lost.
     */
    public void redeliver(long updateId) {
        updates.redeliver(updateId);
    }

    /** Updates not yet confirmed by a getUpdates offset. */
    public int pendingUpdates() {
        return updates.pendingCount();
    }

    // ---- what the bot did

    /** Every request so far, in the order they were answered; {@code at} is when each arrived. */
    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    public List<Call> calls(String method) {
        String wanted = method.toLowerCase(Locale.ROOT);
        return calls().stream().filter(call -> call.method().equals(wanted)).toList();
    }

    /** Files uploaded with successful sendPhoto and sendDocument calls, in message_id order. */
    public List<SentFile> files() {
        synchronized (sent) {
            return List.copyOf(files);
        }
    }

    /** Waits until at least {@code count} files were uploaded; fails the test if they do not come in time. */
    public List<SentFile> awaitFiles(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sent) {
            while (files.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " uploaded files within " + timeout + ", got " + files.size());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sent, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return List.copyOf(files);
        }
    }

    /** Successful sendMessage calls, in message_id order. */
    public List<SentMessage> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public List<SentMessage> sentTo(long chatId) {
        return sent().stream().filter(message -> message.chatId() == chatId).toList();
    }

    /** The bot message as it is now, after any edits. */
    public Optional<JsonNode> botMessage(long messageId) {
        return Optional.ofNullable(botMessages.get(messageId));
    }

    /** Waits until at least {@code count} messages were sent; fails the test if they do not come in time. */
    public List<SentMessage> awaitSent(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (sent) {
            while (sent.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " sent messages within " + timeout
                            + " but got " + sent.size() + ": " + sent);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(sent, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for sent messages", e);
                }
            }
            return List.copyOf(sent);
        }
    }

    /** 429 answers caused by {@link #enforceLimits}; injected faults are not counted. */
    public int tooManyRequestsAnswered() {
        return floodRefusals.get();
    }

    // ---- misbehaviour on demand

    /** The next call of {@code method} gets {@code fault} instead of its answer; queue several for a streak. */
    public void failNext(String method, Fault fault) {
        faults.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ConcurrentLinkedQueue<>()).add(fault);
    }

    /** Forgets every fault queued by {@link #failNext} and not yet used. */
    public void clearFaults() {
        faults.clear();
    }

    /** Until {@link #unblock}, every message to this chat is refused with 403 like a user who blocked the bot. */
    public void block(long chatId) {
        blocked.add(chatId);
    }

    public void unblock(long chatId) {
        blocked.remove(chatId);
    }

    /**
     * Enforce {@link Limits} on sent messages (sendMessage, sendPhoto); off by default. Edits of a message
     * already sent are not counted: Telegram's documented limits are about sending messages.
     */
    public void enforceLimits(boolean enforce) {
        if (enforce && !enforceLimits) {
            flood.clear();
        }
        enforceLimits = enforce;
    }

    /** Delay before every answer, to make the network slow. */
    public void latency(Duration delay) {
        latency = delay;
    }

    // ---- HTTP

    @FunctionalInterface
    private interface Handler {
        Reply answer(JsonNode body) throws InterruptedException;
    }

    private record Reply(int status, ObjectNode body) {
        static final Reply DROP = new Reply(0, null);

        static Reply ok(JsonNode result) {
            return new Reply(200, NODES.objectNode().put("ok", true).set("result", result));
        }

        static Reply error(int code, String description, Integer retryAfter) {
            ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
            if (retryAfter != null) {
                body.putObject("parameters").put("retry_after", retryAfter);
            }
            return new Reply(code, body);
        }

        static Reply of(Fault fault) {
            return fault.dropsConnection() ? DROP : error(fault.errorCode(), fault.description(), fault.retryAfter());
        }

        static Reply badRequest(String what) {
            return of(Fault.badRequest(what));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant at = Instant.now();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String[] path = exchange.getRequestURI().getPath().split("/");
        String method = path.length > 2 ? path[path.length - 1].toLowerCase(Locale.ROOT) : "";
        JsonNode body = NODES.objectNode();
        Reply reply;
        try {
            pause();
            body = parseBody(exchange, raw);
            reply = answer(path.length > 1 ? path[1] : "", method, body);
        } catch (IOException unparseable) {
            reply = Reply.badRequest("can't parse request: " + unparseable.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.error(500, "Internal Server Error: shutting down", null);
        } catch (RuntimeException e) {
            reply = Reply.error(500, "Internal Server Error: fake failed with " + e, null);
        }
        synchronized (calls) {
            calls.add(new Call(method, body, at, reply.status()));
        }
        if (reply == Reply.DROP) {
            drops.dropping(exchange.getRemoteAddress(), method, body);
            // HttpServer closes the socket when a handler throws before sending headers: the client reads EOF.
            throw new IOException("fault: connection dropped");
        }
        drops.answering(exchange.getRemoteAddress());
        write(exchange, reply);
    }

    private Reply answer(String botSegment, String method, JsonNode body) throws InterruptedException {
        if (!botSegment.equals("bot" + token)) {
            return Reply.error(401, "Unauthorized", null);
        }
        Handler handler = handlers.get(method);
        if (handler == null) {
            return Reply.error(404, "Not Found", null);
        }
        if (drops.isRepeatOfDropped(method, body)) {
            return Reply.DROP;
        }
        Queue<Fault> queued = faults.get(method);
        Fault fault = queued == null ? null : queued.poll();
        return fault != null ? Reply.of(fault) : handler.answer(body);
    }

    private void pause() throws InterruptedException {
        Duration delay = latency;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        }
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(reply.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** JSON, multipart or form fields - all as one JSON object, with JSON-valued fields parsed. */
    private static JsonNode parseBody(HttpExchange exchange, byte[] raw) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (MultipartForm.matches(contentType)) {
            try {
                ObjectNode fields = fieldsToJson(MultipartForm.textFields(contentType, raw));
                // An uploaded file becomes a binary field, its file name beside it: the field that names it with
                // "attach://<part name>" (how TelegramBots uploads), or else the part's own field.
                MultipartForm.files(contentType, raw).forEach((name, file) -> {
                    String field = name;
                    for (var it = fields.fields(); it.hasNext(); ) {
                        var entry = it.next();
                        if (entry.getValue().isTextual() && entry.getValue().asText().equals("attach://" + name)) {
                            field = entry.getKey();
                        }
                    }
                    fields.set(field, NODES.binaryNode(file.bytes()));
                    fields.put(field + "#filename", file.fileName());
                });
                return fields;
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (raw.length == 0) {
            return fieldsToJson(queryFields(exchange.getRequestURI().getRawQuery()));
        }
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            return fieldsToJson(queryFields(new String(raw, StandardCharsets.UTF_8)));
        }
        JsonNode json = JSON.readTree(raw);
        if (!json.isObject()) {
            throw new IOException("body is not a JSON object");
        }
        return json;
    }

    private static Map<String, String> queryFields(String query) {
        Map<String, String> fields = new HashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static ObjectNode fieldsToJson(Map<String, String> fields) {
        ObjectNode json = NODES.objectNode();
        fields.forEach((name, value) -> json.set(name, jsonOrText(value)));
        return json;
    }

    /** Form fields like reply_markup carry JSON; parse them so bodies look the same as JSON requests. */
    private static JsonNode jsonOrText(String value) {
        if (value.startsWith("{") || value.startsWith("[")) {
            try {
                return JSON.readTree(value);
            } catch (IOException notJson) {
                // a caption that merely starts with a bracket
            }
        }
        return NODES.textNode(value);
    }

    // ---- Bot API methods

    private void registerHandlers() {
        Handler alwaysTrue = body -> Reply.ok(NODES.booleanNode(true));
        for (String method : List.of("deletewebhook", "sendchataction", "deletemessage", "setmydescription")) {
            handlers.put(method, alwaysTrue);
        }
        handlers.put("getme", body -> Reply.ok(botUser()));
        handlers.put("getchatadministrators", body -> {
            ArrayNode result = NODES.arrayNode();
            List<Long> ids = admins.getOrDefault(body.path("chat_id").asLong(), List.of());
            for (int i = 0; i < ids.size(); i++) {
                ObjectNode admin = result.addObject().put("status", i == 0 ? "creator" : "administrator").put("is_anonymous", false);
                admin.set("user", user(ids.get(i)));
                if (i > 0) {
                    admin.put("can_be_edited", false).put("can_manage_chat", true).put("can_delete_messages", true)
                            .put("can_restrict_members", true).put("can_promote_members", false).put("can_change_info", true)
                            .put("can_invite_users", true).put("can_manage_video_chats", true);
                }
            }
            return Reply.ok(result);
        });
        handlers.put("getupdates", this::getUpdates);
        handlers.put("sendmessage", this::sendMessage);
        handlers.put("sendphoto", this::sendPhoto);
        handlers.put("senddocument", this::sendDocument);
        handlers.put("editmessagetext", body -> editMessage(body, true));
        handlers.put("editmessagereplymarkup", body -> editMessage(body, false));
        handlers.put("answercallbackquery", this::answerCallbackQuery);
        handlers.put("setmycommands", body -> {
            commands = body.path("commands");
            return Reply.ok(NODES.booleanNode(true));
        });
        handlers.put("getmycommands", body -> Reply.ok(commands));
        handlers.put("deletemycommands", body -> {
            commands = NODES.arrayNode();
            return Reply.ok(NODES.booleanNode(true));
        });
    }

    private Reply getUpdates(JsonNode body) throws InterruptedException {
        long offset = body.path("offset").asLong(0);
        int limit = body.path("limit").asInt(100);
        limit = limit < 1 || limit > 100 ? 100 : limit;
        long timeout = Math.max(0, body.path("timeout").asLong(0));
        long waitNanos = Math.min(TimeUnit.SECONDS.toNanos(timeout), MAX_LONG_POLL.toNanos());
        Set<String> allowed = new HashSet<>();
        body.path("allowed_updates").forEach(type -> allowed.add(type.asText()));
        ArrayNode result = NODES.arrayNode();
        updates.poll(offset, limit, allowed, waitNanos).forEach(result::add);
        return Reply.ok(result);
    }

    private Reply sendMessage(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        String text = body.path("text").asText("");
        if (chatId == 0) {
            return Reply.badRequest("chat not found");
        }
        if (text.isBlank()) {
            return Reply.badRequest("message text is empty");
        }
        Reply refusal = refusal(chatId);
        if (refusal != null) {
            return refusal;
        }
        ObjectNode message;
        synchronized (sent) {
            long messageId = messageIds.incrementAndGet();
            message = botMessage(chatId, messageId).put("text", text);
            setMarkup(message, body.path("reply_markup"));
            remember(message);
            sent.add(new SentMessage(chatId, text, body.path("reply_markup"), messageId, Instant.now()));
            sent.notifyAll();
        }
        return Reply.ok(message);
    }

    private Reply sendPhoto(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        if (chatId == 0) {
            return Reply.badRequest("chat not found");
        }
        if (body.path("photo").asText("").isEmpty()) {
            return Reply.badRequest("there is no photo in the request");
        }
        if (body.path("photo").isBinary() && binary(body.path("photo")).length > MAX_PHOTO_BYTES) {
            return Reply.badRequest("PHOTO_INVALID_DIMENSIONS");
        }
        Reply refusal = refusal(chatId);
        if (refusal != null) {
            return refusal;
        }
        long messageId = messageIds.incrementAndGet();
        ObjectNode message = botMessage(chatId, messageId);
        ArrayNode sizes = message.putArray("photo");
        for (int side : new int[] {90, 320, 800}) {
            sizes.addObject()
                    .put("file_id", "fake-photo-" + messageId + "-" + side)
                    .put("file_unique_id", "fp" + messageId + "x" + side)
                    .put("width", side)
                    .put("height", side)
                    .put("file_size", side * side / 10);
        }
        if (body.hasNonNull("caption")) {
            message.put("caption", body.path("caption").asText());
        }
        setMarkup(message, body.path("reply_markup"));
        remember(message);
        recordFile(chatId, "sendphoto", "photo", body, messageId);
        return Reply.ok(message);
    }

    /** sendDocument: a file up to {@link #MAX_DOCUMENT_BYTES}, as Telegram's Bot API allows. */
    private Reply sendDocument(JsonNode body) {
        long chatId = body.path("chat_id").asLong();
        if (chatId == 0) {
            return Reply.badRequest("chat not found");
        }
        JsonNode document = body.path("document");
        if (document.isMissingNode() || document.asText("").isEmpty()) {
            return Reply.badRequest("there is no document in the request");
        }
        if (document.isBinary() && binary(document).length > MAX_DOCUMENT_BYTES) {
            return Reply.error(413, "Request Entity Too Large", null);
        }
        Reply refusal = refusal(chatId);
        if (refusal != null) {
            return refusal;
        }
        long messageId = messageIds.incrementAndGet();
        ObjectNode message = botMessage(chatId, messageId);
        message.putObject("document")
                .put("file_id", "fake-document-" + messageId)
                .put("file_unique_id", "fd" + messageId)
                .put("file_name", body.path("document#filename").asText("document"))
                .put("file_size", document.isBinary() ? binary(document).length : 0);
        if (body.hasNonNull("caption")) {
            message.put("caption", body.path("caption").asText());
        }
        setMarkup(message, body.path("reply_markup"));
        remember(message);
        recordFile(chatId, "senddocument", "document", body, messageId);
        return Reply.ok(message);
    }

    /** Telegram's limits: "Bots can currently send files of any type of up to 50 MB in size"; photos up to 10 MB. */
    public static final long MAX_DOCUMENT_BYTES = 50L * 1000 * 1000;
    public static final long MAX_PHOTO_BYTES = 10L * 1000 * 1000;

    private void recordFile(long chatId, String method, String field, JsonNode body, long messageId) {
        JsonNode file = body.path(field);
        if (!file.isBinary()) {
            return;
        }
        synchronized (sent) {
            files.add(new SentFile(chatId, method, body.path(field + "#filename").asText(""), binary(file),
                    body.path("caption").asText(""), messageId, Instant.now()));
            sent.notifyAll();
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** editMessageText / editMessageReplyMarkup; like Telegram, leaving reply_markup out removes the keyboard. */
    private Reply editMessage(JsonNode body, boolean newText) {
        if (body.hasNonNull("inline_message_id")) {
            return Reply.ok(NODES.booleanNode(true));
        }
        long chatId = body.path("chat_id").asLong();
        long messageId = body.path("message_id").asLong();
        ObjectNode current = botMessages.get(messageId);
        if (current == null || current.path("chat").path("id").asLong() != chatId) {
            return Reply.badRequest("message to edit not found");
        }
        ObjectNode edited = current.deepCopy();
        if (newText) {
            edited.put("text", body.path("text").asText(""));
        }
        setMarkup(edited, body.path("reply_markup"));
        if (edited.equals(current)) {
            return Reply.badRequest("message is not modified: specified new message content and reply markup"
                    + " are exactly the same as a current content and reply markup of the message");
        }
        Reply refusal = blockedChat(chatId);
        if (refusal != null) {
            return refusal;
        }
        edited.put("edit_date", Instant.now().getEpochSecond());
        botMessages.put(messageId, edited);
        return Reply.ok(edited);
    }

    private Reply answerCallbackQuery(JsonNode body) {
        if (!unansweredCallbacks.remove(body.path("callback_query_id").asText(""))) {
            return Reply.badRequest("query is too old and response timeout expired or query ID is invalid");
        }
        return Reply.ok(NODES.booleanNode(true));
    }

    /** Why a message to this chat must not go out now (block or flood limit), or null to let it through. */
    private Reply refusal(Long chatId) {
        Reply blockedChat = blockedChat(chatId);
        if (blockedChat != null) {
            return blockedChat;
        }
        if (enforceLimits) {
            int retryAfter = flood.admit(chatId, System.nanoTime());
            if (retryAfter > 0) {
                floodRefusals.incrementAndGet();
                return Reply.of(Fault.tooManyRequests(retryAfter));
            }
        }
        return null;
    }

    /** 403 for a chat that blocked the bot; edits are refused this way too, but are not counted as messages. */
    private Reply blockedChat(Long chatId) {
        if (chatId != null && blocked.contains(chatId)) {
            return Reply.of(chatId > 0 ? Fault.forbidden()
                    : new Fault(403, "Forbidden: bot was kicked from the group chat", null));
        }
        return null;
    }

    // ---- Telegram objects

    private static ObjectNode update(String type, ObjectNode payload) {
        return NODES.objectNode().set(type, payload);
    }

    private static ObjectNode botUser() {
        return NODES.objectNode()
                .put("id", BOT_ID)
                .put("is_bot", true)
                .put("first_name", "Comeback")
                .put("username", BOT_USERNAME);
    }

    private static ObjectNode user(long userId) {
        return NODES.objectNode()
                .put("id", userId)
                .put("is_bot", false)
                .put("first_name", "User" + userId)
                .put("username", "user" + userId)
                .put("language_code", "en");
    }

    private ObjectNode registerChat(long chatId, String type, long userId) {
        boolean isPrivate = type.equals("private");
        if (!Set.of("private", "group", "supergroup", "channel").contains(type)) {
            throw new IllegalArgumentException("unknown chat type " + type);
        }
        if (isPrivate != (chatId > 0)) {
            throw new IllegalArgumentException("Telegram gives private chats positive ids and groups negative ones, not "
                    + type + " " + chatId);
        }
        ObjectNode chat = NODES.objectNode().put("id", chatId).put("type", type);
        if (isPrivate) {
            chat.put("first_name", "User" + userId).put("username", "user" + userId);
        } else {
            chat.put("title", "Group " + Math.abs(chatId));
        }
        chats.put(chatId, chat);
        return chat;
    }

    /** The chat as pushed updates described it, or what Telegram would call a chat with that id. */
    private ObjectNode chat(long chatId) {
        ObjectNode known = chats.get(chatId);
        if (known != null) {
            return known;
        }
        if (chatId > 0) {
            return NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", "User" + chatId);
        }
        String type = chatId <= -1_000_000_000_000L ? "supergroup" : "group";
        return NODES.objectNode().put("id", chatId).put("type", type).put("title", "Group " + Math.abs(chatId));
    }

    private ObjectNode userMessage(ObjectNode chat, long fromUserId, String text) {
        ObjectNode message = NODES.objectNode()
                .put("message_id", messageIds.incrementAndGet())
                .<ObjectNode>set("from", user(fromUserId))
                .put("date", Instant.now().getEpochSecond())
                .<ObjectNode>set("chat", chat)
                .put("text", text);
        if (text.startsWith("/")) {
            int end = 0;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            message.putArray("entities").addObject().put("offset", 0).put("length", end).put("type", "bot_command");
        }
        return message;
    }

    private ObjectNode botMessage(long chatId, long messageId) {
        return NODES.objectNode()
                .put("message_id", messageId)
                .<ObjectNode>set("from", botUser())
                .put("date", Instant.now().getEpochSecond())
                .set("chat", chat(chatId));
    }

    /** The bot's message if we sent it to that chat, else a plausible stand-in with empty text. */
    private ObjectNode botMessageOrStub(long chatId, long messageId) {
        ObjectNode known = botMessages.get(messageId);
        if (known != null && known.path("chat").path("id").asLong() == chatId) {
            return known;
        }
        return botMessage(chatId, messageId).put("text", "");
    }

    private void remember(ObjectNode message) {
        long chatId = message.path("chat").path("id").asLong();
        long messageId = message.path("message_id").asLong();
        botMessages.put(messageId, message);
        lastBotMessageByChat.merge(chatId, messageId, Math::max);
    }

    /** Telegram echoes only inline keyboards; an absent or empty one means none. */
    private static void setMarkup(ObjectNode message, JsonNode markup) {
        JsonNode keyboard = markup.path("inline_keyboard");
        if (keyboard.isArray() && !keyboard.isEmpty()) {
            message.set("reply_markup", NODES.objectNode().set("inline_keyboard", keyboard));
        } else {
            message.remove("reply_markup");
        }
    }
}
