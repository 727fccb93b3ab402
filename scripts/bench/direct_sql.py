"""For scripts/bench/run.sh: takes the tile, items and nearest-asset statements the service logged
(JdbcTemplate DEBUG with StatementCreatorUtils TRACE) while run.sh requested one tile, one items
page and one nearest-asset answer, and writes one pgbench script per tile, per box and per point
with the same statement and the parameters of that tile, box or point bound.
Usage: direct_sql.py SERVICE_LOG "OFFSET_BEFORE_TILE OFFSET_BEFORE_ITEMS OFFSET_BEFORE_NEAREST OFFSET_AFTER"
       TILES BOXES POINTS WORKDIR"""
import math
import os
import re
import sys

log_file, offsets, tiles_file, boxes_file, points_file, work = sys.argv[1:7]
data = open(log_file, "rb").read()
cuts = [int(o) for o in offsets.split()]
sections = [data[a:b].decode("utf-8", "replace") for a, b in zip(cuts, cuts[1:])]
STATEMENT = re.compile(r"Executing prepared SQL (?:query|statement) \[(.*?)\]\n(?=\S)", re.S)
PARAMETER = re.compile(r"parameter value \[(.*?)\], value class \[([\w.]+)\]")


def statement(section, wanted):
    """The logged statement containing wanted, and its parameters as SQL literals in order."""
    for match in STATEMENT.finditer(section):
        if wanted in match.group(1):
            rest = section[match.end():]
            following = STATEMENT.search(rest)
            values = PARAMETER.findall(rest[:following.start()] if following else rest)
            literals = [("'" + v.replace("'", "''") + "'") if cls == "java.lang.String" else v for v, cls in values]
            return " ".join(match.group(1).split()), literals
    sys.exit("no logged statement with " + wanted + " (is the JdbcTemplate logger at DEBUG?)")


def bind(sql, literals):
    parts = sql.split("?")
    assert len(parts) == len(literals) + 1, (sql, literals)
    return "".join(p + (literals[i] if i < len(literals) else "") for i, p in enumerate(parts)) + ";\n"


tile_sql, tile_params = statement(sections[0], "ST_AsMVT(")
items_sql, items_params = statement(sections[1], "json_build_object('type', 'Feature'")
nearest_sql, nearest_params = statement(sections[2], "<->")

os.makedirs(work + "/tile-sql", exist_ok=True)
for n, line in enumerate(open(tiles_file), 1):
    z, x, y = line.split()
    params = list(tile_params)
    # ST_TileEnvelope(:z, :x, :y) twice, the margin, the simplification tolerance (a quarter pixel), the layer.
    for i in (0, 3): params[i:i + 3] = [z, x, y]
    if len(params) == 9:
        params[7] = repr(2 * math.pi * 6378137 / (1 << int(z)) / 1024)
    open("%s/tile-sql/%04d.sql" % (work, n), "w").write(bind(tile_sql, params))

os.makedirs(work + "/item-sql", exist_ok=True)
for n, line in enumerate(open(boxes_file), 1):
    params = list(items_params)
    params[0:4] = line.strip().split(",")
    open("%s/item-sql/%04d.sql" % (work, n), "w").write(bind(items_sql, params))
os.makedirs(work + "/nearest-sql", exist_ok=True)
# The logged request's point, to be replaced wherever it is bound (each kind's distance and order).
first_lon, first_lat = open(points_file).readline().split()
for n, line in enumerate(open(points_file).readlines()[:100], 1):  # pgbench takes at most 128 scripts
    lon, lat = line.split()
    params = [lon if float(v) == float(first_lon) else lat if float(v) == float(first_lat) else v
              for v in nearest_params]
    open("%s/nearest-sql/%04d.sql" % (work, n), "w").write(bind(nearest_sql, params))
print("direct SQL: %d tile, %d items and %d nearest-asset statements" % tuple(
    len(os.listdir(work + d)) for d in ("/tile-sql", "/item-sql", "/nearest-sql")), file=sys.stderr)
