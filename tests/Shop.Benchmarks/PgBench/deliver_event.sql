-- An order event delivered to notifications (DeliverOrderEvent): NotificationRepository.InsertOnceAsync, a new event
-- each time. Counted in the bound of the operations whose events the orders outbox delivers (PlaceOrder). Variables: users, run (-D).
\set k :k + 1
\set e :client_id * 100000000 + :run * 1000000 + :k
\set u random(1, :users)
INSERT INTO notifications (id, event_id, user_id, order_id, type, message, occurred_at) VALUES (gen_random_uuid(), ('00000009-0000-4000-8000-' || lpad((:e)::text, 12, '0'))::uuid, ('00000001-0000-4000-8000-' || lpad((:u)::text, 12, '0'))::uuid, gen_random_uuid(), 'order_placed', 'Your order has been placed.', now()) ON CONFLICT (event_id) DO NOTHING RETURNING id, event_id, user_id, order_id, type, message, occurred_at, read_at, created_at;
