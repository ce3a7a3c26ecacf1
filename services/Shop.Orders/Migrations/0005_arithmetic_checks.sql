-- What the money and count columns may hold, checked by the database too, so no code path (nor a hand-run
-- UPDATE) stores an amount or count the service would refuse. Already in place: stock >= 0, quantity > 0,
-- price, unit_price, total and amount > 0 (0001); numeric(12,2) itself refuses anything of 10^10 or more
-- (22003), and integer anything past 2^31-1.

-- A line's total is money too: at most what numeric(12,2) holds, as the order's total is.
ALTER TABLE order_items
    ADD CONSTRAINT order_items_line_total_fits CHECK (quantity * unit_price <= 9999999999.99);

ALTER TABLE order_events
    ADD CONSTRAINT order_events_attempts_not_negative CHECK (attempts >= 0);
