-- Failed delivery attempts of an event and the last reason, for operators: an event the notifications
-- service keeps rejecting holds back its own order's later events, not everyone's.
ALTER TABLE order_events
    ADD COLUMN attempts   integer NOT NULL DEFAULT 0,
    ADD COLUMN last_error text;
