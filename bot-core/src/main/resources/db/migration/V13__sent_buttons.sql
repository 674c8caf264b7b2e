-- Messages the bot sent with buttons, one row per platform message: a button press is only taken when it
-- comes from one of them (a press on a message the bot never sent, or one recorded so long ago that it was
-- pruned, is answered "that button is no longer valid" and changes nothing). message_id is the platform's id
-- of the message, unique on the platform (Telegram: <chat id>/<message id>; Discord: the message's id).
-- user_key, chat_id and chat_kind as in the outbox row it was sent from: a private message's buttons are
-- the person's only, a group message's anyone's in the group. Rows older than
-- reminders.delivery.retention.days are pruned with the reminder delivery records. Portable SQL: H2 and
-- PostgreSQL.
CREATE TABLE sent_buttons (
    platform    VARCHAR(40)              NOT NULL,
    message_id  VARCHAR(100)             NOT NULL,
    user_key    VARCHAR(200)             NOT NULL,
    chat_id     VARCHAR(200)             NOT NULL,
    chat_kind   VARCHAR(10)              NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, message_id)
);
CREATE INDEX sent_buttons_sent ON sent_buttons (sent_at);
