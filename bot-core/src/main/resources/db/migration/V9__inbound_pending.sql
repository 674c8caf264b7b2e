-- Events a platform delivers only once (Discord's slash commands and button presses are not sent again
-- after the process dies): noted on arrival, before the turn runs, and forgotten once it is committed. A
-- note still here at start-up whose turn was not committed means the person is told to send it again.
CREATE TABLE inbound_pending (
    platform    VARCHAR(32)              NOT NULL,
    event_id    BIGINT                   NOT NULL,
    user_key    VARCHAR(200)             NOT NULL,
    what        VARCHAR(200)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, event_id)
);
