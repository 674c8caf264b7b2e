package dev.comeback.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.comeback.core.conversation.ConversationState;

/** Conversation state to and from JSON. Enums by name, instants as ISO text, unknown fields tolerated. */
public final class StateCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StateCodec() {
    }

    public static String encode(ConversationState state) {
        try {
            return MAPPER.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode conversation state", e);
        }
    }

    public static ConversationState decode(String json) {
        try {
            ConversationState state = MAPPER.readValue(json, ConversationState.class);
            if (state.schemaVersion() > ConversationState.SCHEMA_VERSION) {
                throw new IllegalStateException("stored state has schema version " + state.schemaVersion()
                        + ", newer than this build's " + ConversationState.SCHEMA_VERSION);
            }
            return state;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot decode conversation state", e);
        }
    }
}
