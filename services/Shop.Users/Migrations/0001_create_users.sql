CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Emails are stored lower-cased, so this makes them unique regardless of case.
CREATE UNIQUE INDEX users_email_key ON users (email);

-- ListUsers pages in creation order.
CREATE INDEX users_created_at_idx ON users (created_at, id);
