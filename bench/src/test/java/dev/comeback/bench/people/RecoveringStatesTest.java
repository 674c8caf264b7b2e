package dev.comeback.bench.people;

import dev.comeback.core.content.ContentLoader;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.conversation.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveringStatesTest {
    private final Conversation conversation = new Conversation(ContentLoader.defaults());

    @Test
    void aMovedStateIsTheOneTheConversationMakesAtTheLaterTime() {
        Instant template = Instant.parse("2026-11-25T09:00:00.123456Z");
        RecoveringStates states = new RecoveringStates(conversation, template);
        Instant later = template.plus(Duration.ofHours(30)).plusMillis(12);

        ConversationState moved = states.startedAt(later, "UTC+05:17");

        assertThat(moved).isEqualTo(RecoveringStates.onboard(conversation, later, "UTC+05:17"));
        assertThat(moved.stage()).isEqualTo(Stage.RECOVERY);
        assertThat(moved.recovery().orElseThrow().startedAt()).isEqualTo(later);
    }

    @Test
    void earlierStartsAndOtherZonesToo() {
        Instant template = Instant.parse("2026-11-25T09:00:00Z");
        RecoveringStates states = new RecoveringStates(conversation, template);
        Instant earlier = template.minus(Duration.ofHours(71));

        assertThat(states.startedAt(earlier, "UTC-03:30"))
                .isEqualTo(RecoveringStates.onboard(conversation, earlier, "UTC-03:30"));
    }
}
