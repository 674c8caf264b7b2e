-- One row per person: the conversation state as JSON (see ConversationState), versioned by schema_version
-- inside the JSON. Portable SQL: runs on H2 and PostgreSQL alike.
CREATE TABLE conversation (
    user_key    VARCHAR(200)    NOT NULL PRIMARY KEY,
    state_json  VARCHAR(200000) NOT NULL,
    updated_at  TIMESTAMP       NOT NULL
);
