-- Each piece of a split parcel (地块分割) names the parcel it was cut from: the original is cancelled by
-- the split, but its land lives on in the pieces, so the report must not count it as deregistered (注销).
-- Pieces split before this column existed are found through the split's audit entry, which lists them.
SET search_path = zonegis, public;

ALTER TABLE parcel ADD COLUMN split_from bigint REFERENCES parcel (id);
CREATE INDEX parcel_split_from_idx ON parcel (split_from) WHERE split_from IS NOT NULL;

UPDATE parcel p SET split_from = a.entity_id::bigint
FROM audit_log a, jsonb_array_elements_text(a.detail -> 'into') AS piece (id)
WHERE a.action = 'split' AND a.entity = 'parcel' AND p.id = piece.id::bigint;
