-- The W3C traceparent of the call that caused the event, so its delivery joins that trace.
ALTER TABLE order_events ADD COLUMN trace_parent text;
