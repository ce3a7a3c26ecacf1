-- PlaceOrder, the orders database's part: ProductRepository.FindManyAsync, then OrderWorkflow.PlaceAsync's
-- transaction (order, item, outbox event). The user check is a GetUser call to the users service and
-- its database, so it is not in here. Variables: users, products, k = 0, run (-D; a new run number each run, so its orders are new).
-- Its outbox events are written already delivered: the orders service runs beside pgbench, and delivering them is
-- not this script's work (deliver_event.sql counts a delivery where an operation's bound includes one).
\set k :k + 1
\set o :client_id * 100000000 + :run * 1000000 + :k
\set u random(1, :users)
\set p random(1, :products)
\set quantity 1
SELECT id, name, price, stock, category, created_at FROM products WHERE id = ANY(ARRAY[('00000002-0000-4000-8000-' || lpad((:p)::text, 12, '0'))::uuid]);
BEGIN;
INSERT INTO orders (id, user_id, status, total) VALUES (('00000005-0000-4000-8000-' || lpad((:o)::text, 12, '0'))::uuid, ('00000001-0000-4000-8000-' || lpad((:u)::text, 12, '0'))::uuid, 'pending', 9.99) RETURNING id, user_id, status, total, created_at, updated_at;
INSERT INTO order_items (order_id, product_id, product_name, quantity, unit_price) VALUES (('00000005-0000-4000-8000-' || lpad((:o)::text, 12, '0'))::uuid, ('00000002-0000-4000-8000-' || lpad((:p)::text, 12, '0'))::uuid, 'Bench product ' || :p, :quantity, 9.99);
INSERT INTO order_events (id, order_id, user_id, type, delivered_at) VALUES (gen_random_uuid(), ('00000005-0000-4000-8000-' || lpad((:o)::text, 12, '0'))::uuid, ('00000001-0000-4000-8000-' || lpad((:u)::text, 12, '0'))::uuid, 'order_placed', now());
END;
