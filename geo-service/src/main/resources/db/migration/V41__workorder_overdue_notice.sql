-- The orders already announced as overdue (OverdueOrders), so each is announced once, whichever
-- service instance runs the check first.
SET search_path = zonegis, public;

CREATE TABLE work_order_overdue_notice (
	work_order_id bigint PRIMARY KEY REFERENCES work_order (id) ON DELETE CASCADE,
	noticed_at timestamptz NOT NULL DEFAULT now()
);
