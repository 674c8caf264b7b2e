-- The dispatcher asks for the next messages of one urgency in id order. This index answers that by walking
-- from the start and stopping at the limit; outbox_due (platform, not_before) led the planner to fetch the
-- whole due backlog and sort it on every call, which made each call cost as much as the backlog is long.
DROP INDEX outbox_due;
CREATE INDEX outbox_next ON outbox (platform, urgency, id);
