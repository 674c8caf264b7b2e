-- The outbox's and the delivery log's times become UTC instants (TIMESTAMP WITH TIME ZONE). They were
-- zone-less, written in the JVM's time zone, so an hour repeated when the clocks go back, and a server
-- moved to another zone read them wrong. Existing values are read in the session's time zone, the zone
-- they were written in (H2: the JVM's; PostgreSQL: set the server's TimeZone to the JVM's before
-- upgrading if they differ). decided_at gets an index for pruning old delivery records.
ALTER TABLE outbox ALTER COLUMN not_before SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbox ALTER COLUMN created_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE reminder_delivery ALTER COLUMN due_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
ALTER TABLE reminder_delivery ALTER COLUMN decided_at SET DATA TYPE TIMESTAMP WITH TIME ZONE;
CREATE INDEX reminder_delivery_decided ON reminder_delivery (decided_at);
