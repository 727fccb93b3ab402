-- One row per replaced or deleted version of a road, pipe, well, streetlight or cable: the version's
-- attributes as they were (without geometry) and its geometry, valid from its updated_at until valid_to.
-- No foreign key to the asset: the history of a deleted asset stays readable.
SET search_path = zonegis, public;

CREATE TABLE asset_history (
	history_id bigserial PRIMARY KEY,
	kind text NOT NULL CHECK (kind IN ('road','pipe','well','streetlight','cable')),
	asset_id bigint NOT NULL,
	version integer NOT NULL,
	attributes jsonb NOT NULL,
	geom geometry(Geometry,4490) NOT NULL,
	valid_from timestamptz NOT NULL,
	valid_to timestamptz NOT NULL,
	changed_by text NOT NULL,
	replaced_by text NOT NULL,
	change text NOT NULL CHECK (change IN ('update','delete')),
	UNIQUE (kind, asset_id, version)
);
CREATE INDEX asset_history_geom_idx ON asset_history USING gist (geom);
CREATE INDEX asset_history_valid_idx ON asset_history (valid_from, valid_to);
