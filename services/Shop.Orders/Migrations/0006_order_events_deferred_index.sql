-- The undelivered events whose next attempt is deferred (rejected ones), which the outbox's claim looks up
-- on every batch. Without it that lookup read every undelivered event: with a backlog of 20,000 a claim took
-- 9.5 ms instead of 0.3 ms, so under load the backlog slowed the very claims that drain it.
CREATE INDEX order_events_deferred_idx ON order_events (order_id, sequence)
    WHERE delivered_at IS NULL AND next_attempt_at IS NOT NULL;
