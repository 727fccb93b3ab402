-- Every committed change to a feature that has vector tiles announces the boxes of its old and new
-- geometry on channel zonegis_tiles, whoever made it (any service instance, an import, psql): each
-- instance's tile cache listens and drops exactly the tiles those boxes touch. A statement-level
-- trigger packs up to 64 boxes in one notification ("table;x1 y1 x2 y2;…"), so a bulk statement
-- sends one notification per 64 rows, not one per row. NOTIFY is delivered at commit, in commit
-- order, and never for a rolled-back change. The transaction-local setting zonegis.tiles_changed
-- tells the writing instance to wait for its own notifications before it answers (TileCacheBarrier).
SET search_path = zonegis, public;

CREATE FUNCTION tile_change_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		PERFORM pg_notify('zonegis_tiles', TG_TABLE_NAME || ';' || string_agg(box, ';'))
		FROM (SELECT (row_number() OVER () - 1) / 64 AS chunk,
				concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) AS box
			FROM old_rows) b
		GROUP BY chunk;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		PERFORM pg_notify('zonegis_tiles', TG_TABLE_NAME || ';' || string_agg(box, ';'))
		FROM (SELECT (row_number() OVER () - 1) / 64 AS chunk,
				concat_ws(' ', ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) AS box
			FROM new_rows) b
		GROUP BY chunk;
	END IF;
	PERFORM set_config('zonegis.tiles_changed', 'on', true);
	RETURN NULL;
END
$$;

DO $$
DECLARE
	tiled text;
BEGIN
	FOREACH tiled IN ARRAY ARRAY['parcel', 'land_recovery', 'expansion_zone', 'enterprise', 'project', 'work_order',
			'crew', 'road', 'pipe', 'well', 'streetlight', 'cable'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify()', tiled || '_tiles_insert', tiled);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
			FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify()', tiled || '_tiles_update', tiled);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
			FOR EACH STATEMENT EXECUTE FUNCTION tile_change_notify()', tiled || '_tiles_delete', tiled);
	END LOOP;
END
$$;
