-- One row per replaced or deleted version of an expansion zone, enterprise, building, self-built house
-- or park entry review: its attributes as they were (geometries other than geom as GeoJSON) and its
-- geometry, valid from its updated_at until valid_to. No foreign key to the row: the history of a
-- deleted one stays readable.
SET search_path = zonegis, public;

CREATE TABLE land_layer_history (
	history_id bigserial PRIMARY KEY,
	layer text NOT NULL CHECK (layer IN ('expansion_zone','enterprise','building','self_built_house','park_entry_review')),
	feature_id bigint NOT NULL,
	version integer NOT NULL,
	attributes jsonb NOT NULL,
	geom geometry(Geometry,4490) NOT NULL,
	valid_from timestamptz NOT NULL,
	valid_to timestamptz NOT NULL,
	changed_by text NOT NULL,
	replaced_by text NOT NULL,
	change text NOT NULL CHECK (change IN ('update','delete')),
	UNIQUE (layer, feature_id, version)
);
CREATE INDEX land_layer_history_geom_idx ON land_layer_history USING gist (geom);
