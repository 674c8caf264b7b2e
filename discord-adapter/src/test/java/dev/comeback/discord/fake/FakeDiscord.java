package dev.comeback.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake Discord on loopback for real JDA: the REST endpoints JDA calls (current user, application commands,
 * interaction callbacks, webhook follow-ups and edits, DM channel creation, channel messages and edits) over
 * plain HTTP, and a gateway WebSocket speaking JSON without compression (HELLO, IDENTIFY, READY, heartbeats
 * and their ACKs, RESUME with replay, dispatching GUILD_CREATE, INTERACTION_CREATE, MESSAGE_CREATE).
 * Faults on demand: a 429 with {@code Retry-After} (and {@code Via}, so JDA sees a route limit, not
 * Cloudflare's), 50007 for a person whose DMs are closed, 500, and closing the gateway connection.
 */
public final class FakeDiscord implements AutoCloseable {
    public static final String BOT_ID = "900000000000000001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API = Pattern.compile("/api/v10/(.*)");

    /** A message the bot made visible to someone: in a DM channel, or through an interaction's webhook. */
    public record Sent(String id, String channelId, String userId, String via, String content, JsonNode components,
                       boolean ephemeral, Instant at) {
        public List<String> buttonLabels() {
            List<String> labels = new ArrayList<>();
            components.forEach(row -> row.path("components").forEach(b -> labels.add(b.path("label").asText())));
            return labels;
        }

        public Optional<String> customId(String label) {
            for (JsonNode row : components) {
                for (JsonNode b : row.path("components")) {
                    if (b.path("label").asText().equals(label) && b.hasNonNull("custom_id")) {
                        return Optional.of(b.path("custom_id").asText());
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** A file the bot attached to a message (multipart {@code files[n]}), as it arrived, with the message's text. */
    public record SentFile(String messageId, String userId, String via, String fileName, byte[] bytes, String content, Instant at) {
    }

    /** Discord's upload limit for a bot outside boosted servers, as JDA has it ({@code Message.MAX_FILE_SIZE}). */
    public static final int MAX_FILE_BYTES = 10 << 20;

    /** Files attached to the bot's messages, in order. */
    public final List<SentFile> files = new CopyOnWriteArrayList<>();

    /** One REST call as the fake saw it: method, path, status it answered, when. */
    public record Call(String method, String path, int status, Instant at) {
    }

    /** An interaction the fake dispatched, and when it was acknowledged (callback), if it was. */
    public static final class Interaction {
        public final String id;
        public final String token;
        public final String userId;
        public final String channelId;
        public final Instant dispatched;
        public volatile Instant acknowledged;
        public volatile int callbackType;
        public volatile boolean ephemeral;

        Interaction(String id, String token, String userId, String channelId) {
            this.id = id;
            this.token = token;
            this.userId = userId;
            this.channelId = channelId;
            this.dispatched = Instant.now();
        }
    }

    private final HttpServer http;
    private final Gateway gateway;
    private final AtomicLong ids = new AtomicLong(1_300_000_000_000_000_000L);
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Interaction> interactions = new ConcurrentHashMap<>();
    private final Map<String, String> dmChannelOf = new ConcurrentHashMap<>();
    private final Map<String, String> userOfChannel = new ConcurrentHashMap<>();
    private final Set<String> closedDms = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Integer>> faults = new ConcurrentHashMap<>();
    private final Map<String, Integer> retryAfterSeconds = new ConcurrentHashMap<>();
    private volatile JsonNode commands = JSON.createArrayNode();
    private final AtomicInteger identifies = new AtomicInteger();
    private volatile boolean refuseToken;
    private volatile boolean enforceLimits;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final Map<String, Deque<Long>> perChannel = new ConcurrentHashMap<>();
    private final AtomicInteger limitedByUs = new AtomicInteger();
    private final AtomicInteger resumes = new AtomicInteger();

    private FakeDiscord() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::serve);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        gateway = new Gateway();
        gateway.setReuseAddr(true);
        gateway.setDaemon(true);
        gateway.start();
        try {
            gateway.started.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static FakeDiscord start() {
        try {
            return new FakeDiscord();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    public String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort();
    }

    // ---- what tests look at ------------------------------------------------------------------------

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Everything the bot made visible to this person, in order: their DMs and their interactions' replies. */
    public List<Sent> sentTo(String userId) {
        return sent.stream().filter(s -> s.userId().equals(userId)).toList();
    }

    public Optional<Sent> lastTo(String userId) {
        List<Sent> mine = sentTo(userId);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public Interaction interaction(String id) {
        return interactions.get(id);
    }

    public List<Interaction> interactions() {
        return List.copyOf(interactions.values());
    }

    public JsonNode commands() {
        return commands;
    }

    public int identifies() {
        return identifies.get();
    }

    public int resumes() {
        return resumes.get();
    }

    public boolean connected() {
        return gateway.current != null && gateway.current.isOpen() && gateway.ready;
    }

    // ---- faults ------------------------------------------------------------------------------------

    /** The next call whose "METHOD path" contains {@code route} is answered with {@code status} (429 or 500). */
    public void failNext(String route, int status) {
        faults.computeIfAbsent(route, r -> new ArrayDeque<>()).addLast(status);
    }

    public void rateLimitNext(String route, int retryAfter) {
        retryAfterSeconds.put(route, retryAfter);
        failNext(route, 429);
    }

    /**
     * Discord's limits, enforced: 50 requests in any second globally, 5 messages per 5 seconds per channel;
     * beyond them a 429 (global or per route), counted in {@link #tooManyRequestsAnswered()}.
     */
    public void enforceLimits(boolean on) {
        enforceLimits = on;
    }

    /** 429s the fake answered because its enforced limits were exceeded (not the injected ones). */
    public int tooManyRequestsAnswered() {
        return limitedByUs.get();
    }

    /** Every call answers 401, as Discord does for a wrong token. */
    public void refuseToken() {
        refuseToken = true;
    }

    /** This person's DMs are closed: sending to their DM channel answers 50007. */
    public void closeDms(String userId) {
        closedDms.add(userId);
    }

    public void openDms(String userId) {
        closedDms.remove(userId);
    }

    /** Sends the last event of {@code type} again, as Discord may after a resume: the bot must apply it once. */
    public void redeliverLast(String type) {
        ObjectNode last = null;
        for (ObjectNode event : gateway.log) {
            if (event.path("t").asText().equals(type)) {
                last = event;
            }
        }
        if (last == null) {
            throw new AssertionError("no " + type + " was dispatched");
        }
        gateway.dispatch(type, (ObjectNode) last.path("d").deepCopy());
    }

    /** Drops the gateway connection as a network failure would; JDA reconnects and resumes. */
    public void dropGateway() {
        WebSocket c = gateway.current;
        if (c != null) {
            gateway.ready = false;
            c.close(4000, "test: connection dropped");
        }
    }

    // ---- people acting ------------------------------------------------------------------------------

    static ObjectNode user(String id) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", id).put("username", "user" + id.substring(Math.max(0, id.length() - 4))).put("discriminator", "0")
                .putNull("global_name").putNull("avatar").put("bot", false).put("public_flags", 0);
        return u;
    }

    private static ObjectNode botUser() {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", BOT_ID).put("username", "comeback_test").put("discriminator", "0").putNull("global_name")
                .putNull("avatar").put("bot", true).put("verified", true).put("mfa_enabled", false)
                .put("flags", 0).put("public_flags", 0);
        return u;
    }

    public String dmChannel(String userId) {
        return dmChannelOf.computeIfAbsent(userId, u -> {
            String id = nextId();
            userOfChannel.put(id, u);
            return id;
        });
    }

    private ObjectNode dmChannelJson(String userId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", dmChannel(userId)).put("type", 1).putNull("last_message_id").put("flags", 0);
        c.putArray("recipients").add(user(userId));
        return c;
    }

    /** A slash command, in the person's DMs ({@code guildId} null) or in a server's text channel; returns its id. */
    public String slash(String userId, String guildId, String name, Map<String, Object> options) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", commandId(name)).put("name", name).put("type", 1);
        ArrayNode opts = data.putArray("options");
        options.forEach((k, v) -> {
            ObjectNode o = opts.addObject().put("name", k);
            if (v instanceof Integer i) {
                o.put("type", 4).put("value", i);
            } else {
                o.put("type", 3).put("value", String.valueOf(v));
            }
        });
        return interact(userId, guildId, 2, data, null);
    }

    /** {@code userId} presses the button labelled {@code label} on {@code message} (a channel's message anyone sees). */
    public String press(Sent message, String label, String userId) {
        String customId = message.customId(label).orElseThrow(() -> new AssertionError("no button " + label + " on " + message));
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        String guild = message.via().equals("dm") ? null : "800000000000000001";
        Sent as = new Sent(message.id(), message.channelId(), userId, message.via(), message.content(), message.components(),
                message.ephemeral(), message.at());
        return interact(userId, guild, 3, data, as);
    }

    /** Presses the button labelled {@code label} on {@code message}; returns the interaction id. */
    public String press(Sent message, String label) {
        String customId = message.customId(label).orElseThrow(() -> new AssertionError("no button " + label + " on " + message));
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        String guild = message.via().equals("dm") ? null : "800000000000000001";
        return interact(message.userId(), guild, 3, data, message);
    }

    /** The person types in their DMs with the bot. */
    public String dm(String userId, String text) {
        ObjectNode m = messageJson(nextId(), dmChannel(userId), user(userId), text, JSON.createArrayNode(), 0);
        gateway.dispatch("MESSAGE_CREATE", m);
        return m.path("id").asText();
    }

    /** A server the bot is in, as the gateway announces it after READY. */
    public void guildCreate(String guildId) {
        guildCreate(guildId, "1");
    }

    /** A member left the server (or was removed): GUILD_MEMBER_REMOVE. */
    public void memberRemove(String guildId, String userId) {
        ObjectNode d = JSON.createObjectNode().put("guild_id", guildId);
        d.set("user", user(userId));
        gateway.dispatch("GUILD_MEMBER_REMOVE", d);
    }

    /** The bot was removed from the server: GUILD_DELETE without "unavailable". */
    public void guildDelete(String guildId) {
        gateway.dispatch("GUILD_DELETE", JSON.createObjectNode().put("id", guildId));
    }

    /** The id of the server's one text channel, where its slash commands are run. */
    public static String textChannelId() {
        return "810000000000000001";
    }

    /** A server the bot is in, owned by {@code ownerId} (who has every permission, Manage Server included). */
    public void guildCreate(String guildId, String ownerId) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", guildId).put("name", "Gym").putNull("icon").put("owner_id", ownerId).put("afk_timeout", 300)
                .put("verification_level", 0).put("default_message_notifications", 0).put("explicit_content_filter", 0)
                .put("mfa_level", 0).put("premium_tier", 0).put("preferred_locale", "en-US").put("nsfw_level", 0)
                .put("member_count", 2).put("large", false).put("unavailable", false)
                .put("joined_at", "2026-01-01T00:00:00.000000+00:00").putNull("system_channel_id");
        g.putArray("features");
        g.putArray("roles").addObject().put("id", guildId).put("name", "@everyone").put("permissions", "3072")
                .put("position", 0).put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false)
                .put("flags", 0).putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        g.putArray("emojis");
        g.putArray("stickers");
        ObjectNode self = g.putArray("members").addObject();
        self.set("user", botUser());
        self.putArray("roles");
        self.put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0)
                .put("pending", false);
        g.putArray("presences");
        g.putArray("voice_states");
        g.putArray("threads");
        g.putArray("stage_instances");
        g.putArray("guild_scheduled_events");
        g.putArray("soundboard_sounds");
        g.putArray("channels").add(textChannel(guildId));
        gateway.dispatch("GUILD_CREATE", g);
    }

    private static ObjectNode textChannel(String guildId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", "810000000000000001").put("type", 0).put("guild_id", guildId).put("name", "general")
                .put("position", 0).put("nsfw", false).putNull("parent_id").putNull("topic")
                .put("rate_limit_per_user", 0).put("flags", 0).putNull("last_message_id");
        c.putArray("permission_overwrites");
        return c;
    }

    private String interact(String userId, String guildId, int type, ObjectNode data, Sent message) {
        String id = nextId();
        String token = "itoken-" + id;
        ObjectNode in = JSON.createObjectNode();
        in.put("id", id).put("application_id", BOT_ID).put("type", type).put("token", token).put("version", 1)
                .put("locale", "en-US").put("app_permissions", "2248473465835073");
        in.set("data", data);
        in.putArray("entitlements");
        if (guildId == null) {
            in.put("channel_id", dmChannel(userId));
            in.set("channel", dmChannelJson(userId));
            in.set("user", user(userId));
            in.put("context", 1);
            in.putObject("authorizing_integration_owners").put("0", "800000000000000001");
        } else {
            in.put("guild_id", guildId).put("guild_locale", "en-US").put("context", 0);
            in.putObject("guild").put("id", guildId).put("locale", "en-US").putArray("features");
            ObjectNode channel = textChannel(guildId);
            channel.put("permissions", "2248473465835073");
            in.put("channel_id", channel.path("id").asText());
            in.set("channel", channel);
            ObjectNode member = in.putObject("member");
            member.set("user", user(userId));
            member.putArray("roles");
            member.put("joined_at", "2026-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                    .put("flags", 0).put("pending", false).put("permissions", "2248473465835073").putNull("nick")
                    .putNull("avatar");
            in.putObject("authorizing_integration_owners").put("0", guildId);
        }
        if (message != null) {
            in.set("message", messageJson(message.id(), in.path("channel_id").asText(), botUser(), message.content(),
                    message.components(), message.ephemeral() ? 64 : 0));
        }
        interactions.put(id, new Interaction(id, token, userId, in.path("channel_id").asText()));
        gateway.dispatch("INTERACTION_CREATE", in);
        return id;
    }

    private String commandId(String name) {
        for (JsonNode c : commands) {
            if (c.path("name").asText().equals(name)) {
                return c.path("id").asText();
            }
        }
        return "700000000000000001";
    }

    /** A snowflake of now (JDA reads an interaction's age from its id), unique and increasing. */
    private String nextId() {
        long now = (System.currentTimeMillis() - 1420070400000L) << 22;
        return String.valueOf(ids.updateAndGet(last -> Math.max(last + 1, now)));
    }

    private static ObjectNode messageJson(String id, String channelId, ObjectNode author, String content,
                                          JsonNode components, int flags) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("channel_id", channelId).put("type", 0).put("content", content)
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("flags", flags);
        m.set("author", author);
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.set("components", components == null ? JSON.createArrayNode() : components);
        return m;
    }

    // ---- REST --------------------------------------------------------------------------------------

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher m = API.matcher(exchange.getRequestURI().getPath());
        String path = m.matches() ? m.group(1) : exchange.getRequestURI().getPath();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        JsonNode body = parse(raw, exchange.getRequestHeaders().getFirst("Content-Type"));
        String key = method + " " + path;
        if (refuseToken) {
            calls.add(new Call(method, path, 401, Instant.now()));
            reply(exchange, 401, JSON.createObjectNode().put("message", "401: Unauthorized").put("code", 0));
            return;
        }
        for (Map.Entry<String, Deque<Integer>> fault : faults.entrySet()) {
            if (key.contains(fault.getKey()) || key.matches(fault.getKey())) {
                Integer status;
                synchronized (fault.getValue()) {
                    status = fault.getValue().pollFirst();
                }
                if (status != null) {
                    calls.add(new Call(method, path, status, Instant.now()));
                    if (status == 429) {
                        int after = retryAfterSeconds.getOrDefault(fault.getKey(), 1);
                        exchange.getResponseHeaders().add("Retry-After", String.valueOf(after));
                        exchange.getResponseHeaders().add("Via", "1.1 google");
                        exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
                        reply(exchange, 429, JSON.createObjectNode().put("message", "You are being rate limited.")
                                .put("retry_after", after).put("global", false));
                    } else {
                        reply(exchange, status, JSON.createObjectNode().put("message", "Internal Server Error").put("code", 0));
                    }
                    return;
                }
            }
        }
        if (enforceLimits && overLimit(exchange, method, path)) {
            return;
        }
        int status = 200;
        JsonNode answer;
        try {
            answer = route(method, path, body);
        } catch (Refusal r) {
            status = r.status;
            answer = r.body;
        }
        calls.add(new Call(method, path, status, Instant.now()));
        if (answer == null) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            reply(exchange, status, answer);
        }
    }

    /** Records the request against the limits; answers 429 and returns true when it is over one. */
    private boolean overLimit(HttpExchange exchange, String method, String path) throws IOException {
        long now = System.nanoTime();
        boolean global;
        boolean channel = false;
        synchronized (lastSecond) {
            while (!lastSecond.isEmpty() && now - lastSecond.peekFirst() >= 1_000_000_000L) {
                lastSecond.pollFirst();
            }
            global = lastSecond.size() >= 50;
            if (!global) {
                lastSecond.addLast(now);
            }
        }
        String[] p = path.split("/");
        if (!global && method.equals("POST") && p.length == 3 && p[0].equals("channels") && p[2].equals("messages")) {
            Deque<Long> sentHere = perChannel.computeIfAbsent(p[1], k -> new ArrayDeque<>());
            synchronized (sentHere) {
                while (!sentHere.isEmpty() && now - sentHere.peekFirst() >= 5_000_000_000L) {
                    sentHere.pollFirst();
                }
                channel = sentHere.size() >= 5;
                if (!channel) {
                    sentHere.addLast(now);
                }
            }
        }
        if (!global && !channel) {
            return false;
        }
        limitedByUs.incrementAndGet();
        calls.add(new Call(method, path, 429, Instant.now()));
        exchange.getResponseHeaders().add("Retry-After", "1");
        exchange.getResponseHeaders().add("Via", "1.1 google");
        if (global) {
            exchange.getResponseHeaders().add("X-RateLimit-Global", "true");
            exchange.getResponseHeaders().add("X-RateLimit-Scope", "global");
        } else {
            exchange.getResponseHeaders().add("X-RateLimit-Scope", "user");
        }
        reply(exchange, 429, JSON.createObjectNode().put("message", "You are being rate limited.")
                .put("retry_after", 1.0).put("global", global));
        return true;
    }

    private static final class Refusal extends RuntimeException {
        final int status;
        final JsonNode body;

        Refusal(int status, int code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.body = JSON.createObjectNode().put("message", message).put("code", code);
        }
    }

    private JsonNode route(String method, String path, JsonNode body) {
        String[] p = path.split("/");
        if (method.equals("GET") && path.equals("users/@me")) {
            return botUser();
        }
        if (method.equals("PUT") && p[0].equals("applications") && p.length == 3 && p[2].equals("commands")) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode c : body) {
                ObjectNode copy = ((ObjectNode) c).deepCopy();
                copy.put("id", nextId()).put("application_id", BOT_ID).put("version", "1");
                if (!copy.has("type")) {
                    copy.put("type", 1);
                }
                out.add(copy);
            }
            commands = out;
            return out;
        }
        if (method.equals("POST") && p[0].equals("interactions") && p.length == 4) {
            Interaction in = interactions.get(p[1]);
            if (in == null || !in.token.equals(p[2])) {
                throw new Refusal(404, 10062, "Unknown interaction");
            }
            in.acknowledged = Instant.now();
            in.callbackType = body.path("type").asInt();
            in.ephemeral = (body.path("data").path("flags").asInt() & 64) != 0;
            if (in.callbackType == 7) {
                // The pressed message, with its new (disabled) buttons.
                pressedUpdates.add(new Sent("", in.channelId, in.userId, "update", "",
                        body.path("data").path("components"), false, Instant.now()));
            }
            if (in.callbackType == 4) {
                addSent(in.userId, in.channelId, "reply", body.path("data"), in.ephemeral);
            }
            return null;
        }
        if (p[0].equals("webhooks") && p.length >= 3) {
            Interaction in = byToken(p[2]);
            if (in == null) {
                throw new Refusal(404, 10015, "Unknown Webhook");
            }
            if (method.equals("PATCH") && p.length == 5 && p[4].equals("@original")) {
                return messageJson(addSent(in.userId, in.channelId, "original", body, in.ephemeral).id(), in.channelId, botUser(),
                        body.path("content").asText(), body.path("components"), in.ephemeral ? 64 : 0)
                        .put("webhook_id", BOT_ID);
            }
            if (method.equals("POST") && p.length == 3) {
                boolean eph = (body.path("flags").asInt() & 64) != 0;
                return messageJson(addSent(in.userId, in.channelId, "followup", body, eph).id(), in.channelId, botUser(),
                        body.path("content").asText(), body.path("components"), eph ? 64 : 0).put("webhook_id", BOT_ID);
            }
        }
        if (method.equals("POST") && path.equals("users/@me/channels")) {
            return dmChannelJson(body.path("recipient_id").asText());
        }
        if (p[0].equals("channels") && p.length >= 3 && p[2].equals("messages")) {
            String userId = userOfChannel.get(p[1]);
            if (method.equals("POST") && p.length == 3) {
                if (userId != null && closedDms.contains(userId)) {
                    throw new Refusal(403, 50007, "Cannot send messages to this user");
                }
                Sent s = addSent(userId == null ? "" : userId, p[1], "dm", body, false);
                return messageJson(s.id(), p[1], botUser(), s.content(), s.components(), 0);
            }
            if (method.equals("PATCH") && p.length == 4) {
                return messageJson(p[3], p[1], botUser(), body.path("content").asText(""), body.path("components"), 0);
            }
        }
        throw new Refusal(404, 0, "404: Not Found (" + method + " " + path + ")");
    }

    /** The component updates of pressed messages (callback type 7), in order. */
    public final List<Sent> pressedUpdates = new CopyOnWriteArrayList<>();

    private Interaction byToken(String token) {
        return interactions.values().stream().filter(i -> i.token.equals(token)).findFirst().orElse(null);
    }

    private Sent addSent(String userId, String channelId, String via, JsonNode body, boolean ephemeral) {
        for (JsonNode file : body.path(FILES)) {
            if (binary(file.path("bytes")).length > MAX_FILE_BYTES) {
                throw new Refusal(413, 40005, "Request entity too large");
            }
        }
        JsonNode comps = body.path("components");
        Sent s = new Sent(nextId(), channelId, userId, via, body.path("content").asText(""),
                comps.isMissingNode() ? JSON.createArrayNode() : comps, ephemeral, Instant.now());
        sent.add(s);
        for (JsonNode file : body.path(FILES)) {
            files.add(new SentFile(s.id(), userId, via, file.path("filename").asText(), binary(file.path("bytes")), s.content(), s.at()));
        }
        return s;
    }

    /** Where {@link #parse} puts a multipart request's file parts: name, filename, bytes. */
    private static final String FILES = "#files";

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file parts of a multipart body (parts with a filename), as {name, filename, bytes} objects. */
    private static com.fasterxml.jackson.databind.node.ArrayNode fileParts(byte[] raw, String contentType) {
        com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
        java.util.regex.Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundary.find()) {
            return out;
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        for (String part : text.split("--" + Pattern.quote(boundary.group(1)))) {
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headersEnd);
            java.util.regex.Matcher name = Pattern.compile("[; ]name=\"([^\"]*)\"").matcher(headers);
            java.util.regex.Matcher fileName = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
            if (!name.find() || !fileName.find()) {
                continue;
            }
            String value = part.substring(headersEnd + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            out.addObject().put("name", name.group(1)).put("filename", fileName.group(1))
                    .put("bytes", value.getBytes(StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static JsonNode parse(byte[] raw, String contentType) throws IOException {
        if (raw.length == 0) {
            return JSON.createObjectNode();
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith("multipart/")) {
            int at = text.indexOf("name=\"payload_json\"");
            com.fasterxml.jackson.databind.node.ObjectNode payload = JSON.createObjectNode();
            if (at >= 0) {
                int start = text.indexOf("\r\n\r\n", at) + 4;
                int end = text.indexOf("\r\n--", start);
                payload = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text.substring(start, end));
            }
            payload.set(FILES, fileParts(raw, contentType));
            return payload;
        }
        return JSON.readTree(text);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- gateway -----------------------------------------------------------------------------------

    private final class Gateway extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        volatile WebSocket current;
        volatile boolean ready;
        final String sessionId = "session-" + System.nanoTime();
        final List<ObjectNode> log = new CopyOnWriteArrayList<>();
        final AtomicInteger seq = new AtomicInteger();

        Gateway() {
            super(new InetSocketAddress("127.0.0.1", 0));
        }

        synchronized void dispatch(String type, ObjectNode data) {
            ObjectNode event = JSON.createObjectNode().put("op", 0).put("t", type).put("s", seq.incrementAndGet());
            event.set("d", data);
            log.add(event);
            WebSocket c = current;
            if (c != null && c.isOpen() && ready) {
                c.send(event.toString());
            }
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            current = conn;
            conn.send("{\"op\":10,\"d\":{\"heartbeat_interval\":2000},\"s\":null,\"t\":null}");
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            JsonNode in;
            try {
                in = JSON.readTree(message);
            } catch (IOException e) {
                return;
            }
            switch (in.path("op").asInt()) {
                case 1 -> conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                case 2 -> identify(conn);
                case 6 -> resume(conn, in.path("d").path("seq").asInt());
                default -> { }
            }
        }

        private synchronized void identify(WebSocket conn) {
            identifies.incrementAndGet();
            ObjectNode d = JSON.createObjectNode();
            d.put("v", 10).put("session_id", sessionId).put("resume_gateway_url", gatewayUrl());
            d.set("user", botUser());
            d.putArray("guilds");
            d.putArray("private_channels");
            d.putObject("application").put("id", BOT_ID).put("flags", 0);
            ObjectNode ready = JSON.createObjectNode().put("op", 0).put("t", "READY").put("s", seq.incrementAndGet());
            ready.set("d", d);
            conn.send(ready.toString());
            this.ready = true;
        }

        private synchronized void resume(WebSocket conn, int from) {
            resumes.incrementAndGet();
            for (ObjectNode event : log) {
                if (event.path("s").asInt() > from) {
                    conn.send(event.toString());
                }
            }
            conn.send(JSON.createObjectNode().put("op", 0).put("t", "RESUMED").put("s", seq.incrementAndGet())
                    .putNull("d").toString());
            this.ready = true;
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            if (conn == current) {
                ready = false;
            }
        }

        @Override
        public void onMessage(WebSocket conn, java.nio.ByteBuffer message) {
            onMessage(conn, StandardCharsets.UTF_8.decode(message).toString());
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        try {
            gateway.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
