-- ListNotifications, first page of the default size 20: NotificationRepository.ListForUserAsync.
-- Variables: notified_users (-D).
\set u random(1, :notified_users)
\set offset 0
\set limit 20
SELECT id, event_id, user_id, order_id, type, message, occurred_at, read_at, created_at FROM notifications WHERE user_id = ('00000001-0000-4000-8000-' || lpad((:u)::text, 12, '0'))::uuid ORDER BY occurred_at DESC, created_at DESC, id DESC OFFSET :offset LIMIT :limit;
