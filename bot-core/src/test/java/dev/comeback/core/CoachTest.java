package dev.comeback.core;

import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.storage.StorageException;
import dev.comeback.core.testkit.ChatDriver;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CoachTest {
    private final Incoming hello = new Incoming.Text(UserRef.of("test", "dan"), ChatRef.privateChat("test", "dan"),
            "/start", Instant.parse("2026-03-02T10:00:00Z"));

    @Test
    void aStorageFailureGetsAnApologyNotSilenceOrAnException() {
        ConversationStore broken = mock(ConversationStore.class);
        when(broken.load(anyString())).thenReturn(Optional.of(ConversationState.fresh(hello.at())));
        doThrow(new StorageException("disk full", new RuntimeException())).when(broken).commit(any());

        List<Reply> replies = new Coach(new Conversation(ChatDriver.CONTENT), broken).handle(hello);

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).text()).contains("something went wrong on my side").contains("Nothing you told me before is lost");
    }
}
