-- PayOrder: OrderWorkflow.PayAsync's transaction on a seeded pending order (lock, earlier payment,
-- items, stock, payment, status, outbox event). Each client pays its own range of seeded orders:
-- client c's k-th order is number c * 100000 + k, of user 1 + n % users and product 1 + n % products.
-- Variables: users, products, k = 0 (-D). The Bench makes the orders pending again after each run.
-- Its outbox events are written already delivered: the orders service runs beside pgbench, and delivering them is
-- not this script's work (deliver_event.sql counts a delivery where an operation's bound includes one).
\set k :k + 1
\set n :client_id * 100000 + :k
\set u 1 + :n % :users
\set p 1 + :n % :products
\set quantity 1
BEGIN;
SELECT id, user_id, status, total, created_at, updated_at FROM orders WHERE id = ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid FOR UPDATE;
SELECT id, order_id, method, amount, idempotency_key, paid_at FROM payments WHERE order_id = ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid;
SELECT order_id, product_id, product_name, quantity, unit_price FROM order_items WHERE order_id = ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid ORDER BY product_id;
UPDATE products SET stock = stock - :quantity WHERE id = ('00000002-0000-4000-8000-' || lpad((:p)::text, 12, '0'))::uuid AND stock >= :quantity;
INSERT INTO payments (id, order_id, method, amount, idempotency_key) VALUES (gen_random_uuid(), ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid, 'card', 9.99, 'pgbench-' || :n) RETURNING id, order_id, method, amount, idempotency_key, paid_at;
UPDATE orders SET status = 'paid', updated_at = now() WHERE id = ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid RETURNING id, user_id, status, total, created_at, updated_at;
INSERT INTO order_events (id, order_id, user_id, type, delivered_at) VALUES (gen_random_uuid(), ('00000004-0000-4000-8000-' || lpad((:n)::text, 12, '0'))::uuid, ('00000001-0000-4000-8000-' || lpad((:u)::text, 12, '0'))::uuid, 'order_paid', now());
END;
