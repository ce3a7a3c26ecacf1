CREATE TABLE notifications (
    id          uuid        PRIMARY KEY,
    event_id    uuid        NOT NULL,
    user_id     uuid        NOT NULL,
    order_id    uuid        NOT NULL,
    type        text        NOT NULL,
    message     text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    read_at     timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One notification per order event: redelivery of an event id inserts nothing (ON CONFLICT DO NOTHING).
CREATE UNIQUE INDEX notifications_event_id_key ON notifications (event_id);

-- ListNotifications pages a user's notifications newest first.
CREATE INDEX notifications_user_newest_idx ON notifications (user_id, occurred_at DESC, created_at DESC, id DESC);
