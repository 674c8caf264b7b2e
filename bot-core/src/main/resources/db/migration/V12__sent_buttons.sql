-- Messages the bot sent with buttons, one row per platform message: a button press is only taken when it
-- comes from one of them (a press on a message the bot never sent, or one recorded so long ago that it was
-- pruned, is answered "that button is no longer valid" and changes nothing). message_id is the platform's id
-- of the message, unique on the platform (Telegram: <chat id>/<message id>; Discord: the message's id), or,
-- for a message that may have gone out without its id being recorded (the process died between the send
-- and the record, or a try got no answer), outbox:<outbox id>:<part>: such a row takes a press from its
-- person carrying one of its button_data (the buttons' data, one per line). Written in the same transaction
-- that marks the part sent in the outbox. user_key, chat_id and chat_kind as in the outbox row it was sent
-- from: a private message's buttons are the person's only, a group message's anyone's in the group. Rows
-- older than reminders.delivery.retention.days are pruned with the reminder delivery records. Portable SQL:
-- H2 and PostgreSQL.
CREATE TABLE sent_buttons (
    platform    VARCHAR(40)              NOT NULL,
    message_id  VARCHAR(100)             NOT NULL,
    user_key    VARCHAR(200)             NOT NULL,
    chat_id     VARCHAR(200)             NOT NULL,
    chat_kind   VARCHAR(10)              NOT NULL,
    button_data VARCHAR(4000)            NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (platform, message_id)
);
CREATE INDEX sent_buttons_sent ON sent_buttons (sent_at);
CREATE INDEX sent_buttons_user ON sent_buttons (user_key);
