package dev.comeback.core.delivery;

import dev.comeback.core.message.ChatRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final Pacer pacer = new Pacer(new Pacer.Limits(28, 27.5, Duration.ofMillis(1050), 1, Duration.ofSeconds(61), 20));
    private final ChatRef ann = ChatRef.privateChat("telegram", "1");
    private final ChatRef bob = ChatRef.privateChat("telegram", "2");
    private final ChatRef group = ChatRef.group("telegram", "-100");

    @Test
    void aPrivateChatGetsOneMessageASecondWithAMargin() {
        pacer.sent(ann, Urgency.REPLY, T0);
        assertThat(pacer.earliest(ann, Urgency.REPLY, T0.plusMillis(10))).isEqualTo(T0.plusMillis(1050));
        assertThat(pacer.earliest(bob, Urgency.REPLY, T0.plusMillis(10))).isEqualTo(T0.plusMillis(10));
    }

    @Test
    void aGroupGetsTwentyAMinute() {
        for (int i = 0; i < 20; i++) {
            Instant at = T0.plusMillis(100L * i);
            assertThat(pacer.earliest(group, Urgency.REPLY, at)).isEqualTo(at);
            pacer.sent(group, Urgency.REPLY, at);
        }
        assertThat(pacer.earliest(group, Urgency.REPLY, T0.plusSeconds(5))).isEqualTo(T0.plusSeconds(61));
    }

    @Test
    void remindersComeEvenlyAtTheBulkRateButAReplyIsNotHeldBehindThem() {
        Instant now = T0;
        int sent = 0;
        while (now.isBefore(T0.plusSeconds(10))) {
            ChatRef chat = ChatRef.privateChat("telegram", String.valueOf(sent));
            Instant at = pacer.earliest(chat, Urgency.PROACTIVE, now);
            if (at.isAfter(now)) {
                assertThat(pacer.earliest(ChatRef.privateChat("telegram", "someone-writing"), Urgency.REPLY, now)).isBeforeOrEqualTo(now.plusMillis(60));
                // The dispatcher looks again a little late each time; the rate must not drop for it.
                now = at.plusMillis(4);
                continue;
            }
            pacer.sent(chat, Urgency.PROACTIVE, now);
            sent++;
        }
        assertThat(sent).isBetween(272, 278);
    }

    @Test
    void noMoreThanTheOverallRateInAnySecondWhateverTheMix() {
        int sent = 0;
        Instant now = T0;
        Instant end = T0.plusSeconds(10);
        while (now.isBefore(end)) {
            ChatRef chat = ChatRef.privateChat("telegram", String.valueOf(sent));
            Urgency urgency = sent % 3 == 0 ? Urgency.REPLY : Urgency.PROACTIVE;
            Instant at = pacer.earliest(chat, urgency, now);
            if (!at.isAfter(now)) {
                pacer.sent(chat, urgency, now);
                sent++;
            } else {
                now = at;
            }
        }
        assertThat(sent).isBetween(270, 290);
    }

    @Test
    void aMessageThatLeftLateCountsFromWhenItLeft() {
        pacer.sent(ann, Urgency.REPLY, T0);
        pacer.departed(ann, T0, T0.plusMillis(300));
        assertThat(pacer.earliest(ann, Urgency.REPLY, T0.plusMillis(1100))).isEqualTo(T0.plusMillis(1350));
    }

    @Test
    void aRetryAfterHoldsTheChatUntilThen() {
        pacer.hold(ann, T0.plusSeconds(7));
        assertThat(pacer.earliest(ann, Urgency.REPLY, T0)).isEqualTo(T0.plusSeconds(7));
        assertThat(pacer.earliest(bob, Urgency.REPLY, T0)).isEqualTo(T0);
        pacer.forget(T0.plusSeconds(8));
        assertThat(pacer.earliest(ann, Urgency.REPLY, T0.plusSeconds(8))).isEqualTo(T0.plusSeconds(8));
    }

    @Test
    void aBotWideHoldKeepsEveryChatWaiting() {
        pacer.hold(ann, T0.plusSeconds(7));
        pacer.holdAll(T0.plusSeconds(7));
        assertThat(pacer.earliest(bob, Urgency.REPLY, T0)).isEqualTo(T0.plusSeconds(7));
        assertThat(pacer.earliest(bob, Urgency.PROACTIVE, T0.plusSeconds(3))).isEqualTo(T0.plusSeconds(7));
        assertThat(pacer.earliest(bob, Urgency.REPLY, T0.plusSeconds(7))).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void chatsLeaveMemoryOnceNoWindowSeesThem() {
        for (int i = 0; i < 1000; i++) {
            pacer.sent(ChatRef.privateChat("telegram", String.valueOf(i)), Urgency.PROACTIVE, T0);
        }
        pacer.forget(T0.plus(Duration.ofSeconds(62)));
        assertThat(pacer.tracked()).isZero();
    }
}
