-- Money is numeric(12,2): exact cents, never floating point. The only currency is EUR.

CREATE TABLE products (
    id         uuid          PRIMARY KEY,
    name       text          NOT NULL,
    price      numeric(12,2) NOT NULL CHECK (price > 0),
    stock      integer       NOT NULL CHECK (stock >= 0),
    category   text          NOT NULL,
    created_at timestamptz   NOT NULL DEFAULT now()
);

-- ListProducts pages by name, over all products or one category.
CREATE INDEX products_name_idx ON products (name, id);
CREATE INDEX products_category_name_idx ON products (category, name, id);

CREATE TABLE orders (
    id         uuid          PRIMARY KEY,
    -- Owned by the users service (another database), so checked over gRPC, not by a foreign key.
    user_id    uuid          NOT NULL,
    status     text          NOT NULL CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled')),
    total      numeric(12,2) NOT NULL CHECK (total > 0),
    created_at timestamptz   NOT NULL DEFAULT now(),
    updated_at timestamptz   NOT NULL DEFAULT now()
);

-- ListOrders: a user's orders, newest first.
CREATE INDEX orders_user_created_idx ON orders (user_id, created_at DESC, id DESC);

CREATE TABLE order_items (
    order_id     uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    -- No cascade: a product that was ordered cannot be deleted.
    product_id   uuid          NOT NULL REFERENCES products (id),
    -- Name and price as they were when the order was placed.
    product_name text          NOT NULL,
    quantity     integer       NOT NULL CHECK (quantity > 0),
    unit_price   numeric(12,2) NOT NULL CHECK (unit_price > 0),
    PRIMARY KEY (order_id, product_id)
);

-- Makes the foreign key check on DELETE FROM products an index lookup.
CREATE INDEX order_items_product_idx ON order_items (product_id);

CREATE TABLE payments (
    id              uuid          PRIMARY KEY,
    -- An order is paid at most once; a retry with the same idempotency key finds this row.
    order_id        uuid          NOT NULL UNIQUE REFERENCES orders (id),
    method          text          NOT NULL CHECK (method IN ('card', 'bank_transfer', 'wallet')),
    amount          numeric(12,2) NOT NULL CHECK (amount > 0),
    idempotency_key text          NOT NULL,
    paid_at         timestamptz   NOT NULL DEFAULT now()
);

-- The outbox: one row per order state change, written in the transaction that made the change.
-- A dispatcher reads undelivered rows in sequence order, delivers them and sets delivered_at.
-- Changes to one order hold its row lock, so an order's events get increasing sequence numbers.
CREATE TABLE order_events (
    sequence     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id           uuid        NOT NULL UNIQUE,
    order_id     uuid        NOT NULL REFERENCES orders (id),
    user_id      uuid        NOT NULL,
    type         text        NOT NULL CHECK (type IN ('order_placed', 'order_paid', 'order_fulfilled', 'order_cancelled')),
    occurred_at  timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz
);

CREATE INDEX order_events_undelivered_idx ON order_events (sequence) WHERE delivered_at IS NULL;
CREATE INDEX order_events_order_idx ON order_events (order_id, sequence);
