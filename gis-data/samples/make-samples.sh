#!/usr/bin/env bash
# Makes one sample file per import format from the demo parcels (gis-data/demo/parcel.geojson):
# six active parcels moved 0.08° (about 7 km) east onto empty ground, so importing a sample never touches a demo
# parcel, codes prefixed YP- (样品), and a hole cut into the first. GDAL writes every format but the
# coordinate TXT, which the service's own TxtWriter writes (published layout, GBK, zone prefix).
# Needs the project's PostGIS (scripts/db.sh) and a built geo-service (mvn -DskipTests package).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/gis-data/samples"
DB="${ZONEGIS_SAMPLES_DB:-zonegis_samples}"
PG="PG:host=127.0.0.1 port=${ZONEGIS_DB_PORT:-55432} user=postgres dbname=$DB"
PSQL=(psql -h 127.0.0.1 -p "${ZONEGIS_DB_PORT:-55432}" -U postgres -d "$DB" -v ON_ERROR_STOP=1 -qAt)
JTS="$(find "$HOME/.m2/repository/org/locationtech/jts/jts-core" -name 'jts-core-*.jar' | sort -V | tail -1)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"; "$ROOT/scripts/db.sh" dropdb "$DB" >/dev/null' EXIT

"$ROOT/scripts/db.sh" dropdb "$DB" >/dev/null
"$ROOT/scripts/db.sh" createdb "$DB" >/dev/null
ogr2ogr -f PostgreSQL "$PG" "$ROOT/gis-data/demo/parcel.geojson" -nln demo_parcel -lco GEOMETRY_NAME=geom
"${PSQL[@]}" <<'SQL'
CREATE TABLE sample AS
SELECT 'YP-' || code AS code, name, land_use, land_class_code, holder,
	-- Moved in lon/lat, so neighbours that share an edge still share it exactly.
	ST_Multi(ST_Translate(geom, 0.08, 0))::geometry(MultiPolygon, 4490) AS geom
FROM demo_parcel
WHERE status NOT IN ('recovered', 'cancelled')
ORDER BY code
LIMIT 6;
-- A hole of 10 m x 10 m around the first parcel's inner point, as a courtyard left out of the red line.
UPDATE sample s SET geom = ST_Multi(ST_Difference(s.geom,
	ST_Transform(ST_Expand(ST_Transform(ST_PointOnSurface(s.geom), 4550), 5), 4490)))
WHERE s.code = (SELECT min(code) FROM sample);
SQL

SELECT_SQL="SELECT code, name, land_use, land_class_code, holder, geom FROM sample ORDER BY code"
rm -f "$OUT"/parcels.*
ogr2ogr -f GeoJSON "$OUT/parcels.geojson" "$PG" -sql "$SELECT_SQL" -nln parcels -lco RFC7946=NO \
	-lco COORDINATE_PRECISION=9 -lco WRITE_NAME=NO
# Chinese shapefiles usually come in GBK: this one does, with a .cpg saying so, in the measuring CRS.
mkdir "$WORK/shp"
ogr2ogr -f "ESRI Shapefile" "$WORK/shp/parcels.shp" "$OUT/parcels.geojson" -t_srs EPSG:4550 -lco ENCODING=CP936
(cd "$WORK/shp" && zip -q -X "$OUT/parcels.zip" parcels.*)
ogr2ogr -f KML "$OUT/parcels.kml" "$OUT/parcels.geojson" -nln parcels
ogr2ogr -f LIBKML "$WORK/parcels.kmz" "$OUT/parcels.geojson" -nln parcels && cp "$WORK/parcels.kmz" "$OUT/"
ogr2ogr -f GPKG "$OUT/parcels.gpkg" "$OUT/parcels.geojson" -t_srs EPSG:4550 -nln parcels
# DXF keeps no attributes but the layer: each parcel is a closed outline on a layer named by its code.
ogr2ogr -f DXF "$OUT/parcels.dxf" "$OUT/parcels.geojson" -t_srs EPSG:4550 -sql "SELECT code AS Layer FROM parcels"
ogr2ogr -f CSV "$WORK/parcels.csv" "$OUT/parcels.geojson" -t_srs EPSG:4529 -nlt MULTIPOLYGON -lco GEOMETRY=AS_WKT \
	-lco SEPARATOR=TAB -sql "SELECT code, name, land_use, land_class_code FROM parcels"
java -cp "$ROOT/geo-service/target/classes:$JTS" "$OUT/TxtSample.java" "$WORK/parcels.csv" "$OUT/parcels.txt"
ls -l "$OUT"/parcels.*
