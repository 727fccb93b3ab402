-- The writing instance drops the tiles of its own change in the committing thread instead of waiting
-- for its own notification to come back (TileChanges.beforeCommit): the trigger also keeps the
-- transaction's boxes in the transaction-local setting zonegis.tiles_changed, one line per statement
-- ("table;x1 y1 x2 y2;…"), read once just before the commit. A statement of more than 64 rows keeps
-- one box around them all there (its notifications still carry every box, for the other instances);
-- past 64 kB the setting becomes "*": drop every cached tile. Notifications are unchanged (V60).
SET search_path = zonegis, public;

CREATE OR REPLACE FUNCTION tile_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	boxes text[] := '{}';
	so_far text := coalesce(current_setting('zonegis.tiles_changed', true), '');
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		boxes := boxes || ARRAY(SELECT concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom))
			FROM old_rows WHERE geom IS NOT NULL);
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		boxes := boxes || ARRAY(SELECT concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom))
			FROM new_rows WHERE geom IS NOT NULL);
	END IF;
	IF cardinality(boxes) = 0 THEN
		RETURN NULL;
	END IF;
	PERFORM pg_notify('zonegis_tiles', TG_TABLE_NAME || ';' || string_agg(box, ';'))
	FROM unnest(boxes) WITH ORDINALITY AS b(box, n)
	GROUP BY (n - 1) / 64;
	IF cardinality(boxes) > 64 THEN
		SELECT ARRAY[concat_ws(' ', min(split_part(box, ' ', 1)::float8), min(split_part(box, ' ', 2)::float8),
				max(split_part(box, ' ', 3)::float8), max(split_part(box, ' ', 4)::float8))]
		INTO boxes
		FROM unnest(boxes) AS b(box);
	END IF;
	IF so_far = '*' OR length(so_far) > 65536 THEN
		PERFORM set_config('zonegis.tiles_changed', '*', true);
	ELSE
		PERFORM set_config('zonegis.tiles_changed',
			concat_ws(E'\n', nullif(so_far, ''), TG_TABLE_NAME || ';' || array_to_string(boxes, ';')), true);
	END IF;
	RETURN NULL;
END
$$;
