package dev.comeback.telegram;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Bot API server that cannot be reached is named by host and port with the cause; the token never shows. */
class TelegramStartupErrorTest {
    private static final String TOKEN = "999:startup-secret";

    private static void start(String url) {
        TelegramBot.start(TelegramConfig.of(TOKEN, url), null, null, Clock.systemUTC());
    }

    @Test
    void aRefusedPortIsNamedAsRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertThatThrownBy(() -> start("http://127.0.0.1:" + port))
                .hasMessageContaining("cannot reach Telegram at start-up: 127.0.0.1:" + port)
                .hasMessageContaining("refused")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void anUnknownHostIsNamedAsUnknown() {
        assertThatThrownBy(() -> start("http://no-such-host.invalid:8081"))
                .hasMessageContaining("no-such-host.invalid:8081")
                .hasMessageContaining("unknown")
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aDroppedConnectionIsNamedAsClosedWithoutAnAnswer() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread dropper = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        s.getInputStream().read(new byte[512]);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            dropper.setDaemon(true);
            dropper.start();
            assertThatThrownBy(() -> start("http://127.0.0.1:" + server.getLocalPort()))
                    .hasMessageContaining("127.0.0.1:" + server.getLocalPort())
                    .hasMessageContaining("closed the connection")
                    .hasMessageNotContaining(TOKEN);
        }
    }
}
