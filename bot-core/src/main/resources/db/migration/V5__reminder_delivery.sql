-- One row per reminder that has been handed off (or skipped as stale), written before the hand-off: the
-- primary key is the claim that makes a reminder fire at most once, even when Quartz re-runs a job after a
-- crash. outcome: DELIVERING (claimed, handed to the handler; stays so if the process died meanwhile),
-- DELIVERED, FAILED (the handler threw), SKIPPED (too late to be useful). Portable SQL: H2 and PostgreSQL.
CREATE TABLE reminder_delivery (
    user_key     VARCHAR(200) NOT NULL,
    reminder_id  VARCHAR(200) NOT NULL,
    due_at       TIMESTAMP    NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    decided_at   TIMESTAMP    NOT NULL,
    PRIMARY KEY (user_key, reminder_id)
);
