-- Photos and documents attached to a work order, usually with the event that produced them
-- (a crew's photo of the finished repair). Stored in the database so the service keeps no
-- files of its own and N instances behind nginx see the same attachments.
SET search_path = zonegis, public;

CREATE TABLE work_order_attachment (
	id bigserial PRIMARY KEY,
	work_order_id bigint NOT NULL REFERENCES work_order (id) ON DELETE CASCADE,
	event_id bigint REFERENCES work_order_event (id) ON DELETE SET NULL,
	filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
	content_type text NOT NULL CHECK (content_type IN ('image/jpeg','image/png','image/webp')),
	size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 10485760),
	data bytea NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now(),
	created_by text NOT NULL
);
CREATE INDEX work_order_attachment_order_idx ON work_order_attachment (work_order_id);
CREATE INDEX work_order_attachment_event_idx ON work_order_attachment (event_id);

-- Quantities of work are recorded in one unit per kind (see WorkOrderKind): metres, square metres,
-- 座 (wells or covers) and 盏 (lamps), as the maintenance office counts them.
ALTER TABLE work_order ADD CHECK (quantity_unit IS NULL OR quantity_unit IN ('m','m2','座','盏'));
ALTER TABLE work_order ADD CHECK (quantity IS NULL OR quantity > 0);
ALTER TABLE work_order ADD CHECK ((quantity IS NULL) = (quantity_unit IS NULL));

-- Findings of an inspection, overdue scans and the open orders on one asset.
CREATE INDEX work_order_inspection_idx ON work_order (inspection_id) WHERE inspection_id IS NOT NULL;
CREATE INDEX work_order_due_idx ON work_order (due_at);
CREATE INDEX work_order_asset_idx ON work_order (asset_type, asset_id) WHERE asset_type IS NOT NULL;
CREATE INDEX work_order_created_idx ON work_order (created_at);
