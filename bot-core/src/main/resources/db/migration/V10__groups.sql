-- Coaching groups (a Telegram group or a Discord channel a coach runs) and their members. A group is a
-- subject of its own, keyed 'group:<platform>:<chat id>' (GroupKey); its digests and warm-ups are Quartz
-- jobs under that key and are recorded in reminder_delivery under it, so each goes out once.
-- Portable SQL: H2 and PostgreSQL.
CREATE TABLE coaching_group (
    group_key     VARCHAR(200)             NOT NULL PRIMARY KEY,
    platform      VARCHAR(40)              NOT NULL,
    chat_id       VARCHAR(200)             NOT NULL,
    title         VARCHAR(200)             NOT NULL,
    coach_key     VARCHAR(200)             NOT NULL,
    digest_time   VARCHAR(5)               NOT NULL,
    zone          VARCHAR(100)             NOT NULL,
    warmup_days   VARCHAR(40)              NOT NULL,
    warmup_time   VARCHAR(5)               NOT NULL,
    join_token    VARCHAR(64)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX coaching_group_token ON coaching_group (join_token);

-- One row per member of a group. user_key is the person's key as in conversation.user_key (telegram:123),
-- so deleting a person's rows by that key removes their memberships too. shares: CHECK_INS (only whether
-- they checked in, streaks and reminder adherence reach the group) or PROGRESS (also phase and pain trend).
-- missed_noted_for: the last check-in day (or join day) the coach was told about missed check-ins since.
CREATE TABLE group_member (
    group_key        VARCHAR(200)             NOT NULL,
    user_key         VARCHAR(200)             NOT NULL,
    display_name     VARCHAR(200)             NOT NULL,
    handle           VARCHAR(200)             NOT NULL,
    shares           VARCHAR(16)              NOT NULL,
    tell_coach       BOOLEAN                  NOT NULL,
    missed_noted_for VARCHAR(10)              NOT NULL,
    joined_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (group_key, user_key)
);
CREATE INDEX group_member_user ON group_member (user_key);
