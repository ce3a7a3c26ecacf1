-- When a rejected event may be tried again: until then neither it nor its order's later events are
-- claimed, so they cannot crowd out the events of other orders.
ALTER TABLE order_events ADD COLUMN next_attempt_at timestamptz;
