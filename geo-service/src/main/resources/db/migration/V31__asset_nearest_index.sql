-- Nearest-asset search orders by true distance in metres: KNN (<->) on geography uses these
-- indexes, where KNN on the EPSG:4490 geometry would rank by degrees (a degree of longitude is
-- about 20% shorter than one of latitude here).
SET search_path = zonegis, public;

CREATE INDEX road_geog_idx ON road USING gist ((geom::geography));
CREATE INDEX pipe_geog_idx ON pipe USING gist ((geom::geography));
CREATE INDEX well_geog_idx ON well USING gist ((geom::geography));
CREATE INDEX streetlight_geog_idx ON streetlight USING gist ((geom::geography));
CREATE INDEX cable_geog_idx ON cable USING gist ((geom::geography));
