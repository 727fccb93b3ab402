// Writes zonegis.qgs: every /ogc collection as a QGIS OGC API - Features layer, styled from the
// web map's own table (web-map/src/layer-styles.js), so both show a parcel state in one colour.
//   node gis-data/qgis/make-project.mjs            rewrite zonegis.qgs
// The layers log in through the QGIS authentication configuration with id "zonegis" (README, QGIS).
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { layerStyles } from "../../web-map/src/layer-styles.js";

export const SERVICE_URL = "http://localhost:8080/ogc";
export const AUTH_CONFIG = "zonegis";

// The collections /ogc publishes, in drawing order (bottom first): id, title, geometry kind.
export const COLLECTIONS = [
  ["expansion_zones", "园区扩区与成片开发", "Polygon"],
  ["parcels", "地块红线", "Polygon"],
  ["land_recoveries", "闲置低效用地收回", "Polygon"],
  ["roads", "道路", "Line"],
  ["pipes", "雨污管道", "Line"],
  ["cables", "路灯电缆", "Line"],
  ["wells", "检查井", "Point"],
  ["streetlights", "路灯", "Point"],
  ["enterprises", "企业", "Point"],
  ["buildings", "建筑物与产权证（未办证台账）", "Polygon"],
  ["self_built_houses", "自建房排查", "Point"],
  ["park_entry_reviews", "入园审查", "Point"],
  ["projects", "重点项目", "Point"],
  ["work_orders", "维修工单", "Point"],
  ["crews", "维修班组", "Point"],
];

const escape = (text) =>
  String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

// '#rrggbb' and an opacity as QGIS writes a colour: "r,g,b,a" with a in 0–255.
export function qgisColor(hex, opacity = 1) {
  const value = parseInt(hex.slice(1), 16);
  return [
    (value >> 16) & 255,
    (value >> 8) & 255,
    value & 255,
    Math.round(opacity * 255),
  ].join(",");
}

// The colour a class is drawn in on the web map: its fill for areas and circles, its line otherwise.
export function classColor(spec, cls) {
  const style = { ...spec.base, ...cls };
  return spec.shape === "line" ? style.color : (style.fillColor ?? style.color);
}

function symbol(kind, name, spec, cls) {
  const style = { ...spec.base, ...cls };
  const option = (key, value) =>
    `<Option type="QString" name="${key}" value="${escape(value)}"/>`;
  let layer;
  if (kind === "Polygon") {
    layer = [
      '<layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">',
      option(
        "color",
        qgisColor(
          style.fillColor ?? style.color ?? "#3388ff",
          style.fill === false ? 0 : (style.fillOpacity ?? 0.2),
        ),
      ),
      option(
        "outline_color",
        qgisColor(style.color ?? style.fillColor ?? "#3388ff"),
      ),
      option("outline_style", style.dashArray ? "dash" : "solid"),
      option("outline_width", String((style.weight ?? 2) * 0.26)),
      option("outline_width_unit", "MM"),
      option("style", "solid"),
      "</Option></layer>",
    ];
  } else if (kind === "Line") {
    layer = [
      '<layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">',
      option(
        "line_color",
        qgisColor(style.color ?? "#3388ff", style.opacity ?? 1),
      ),
      option("line_style", style.dashArray ? "dash" : "solid"),
      option("line_width", String((style.weight ?? 2) * 0.26)),
      option("line_width_unit", "MM"),
      "</Option></layer>",
    ];
  } else {
    layer = [
      '<layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">',
      option(
        "color",
        qgisColor(
          style.fillColor ?? style.color ?? "#3388ff",
          style.fillOpacity ?? 1,
        ),
      ),
      option("name", "circle"),
      option("outline_color", qgisColor(style.color ?? "#252525")),
      option("outline_width", String((style.weight ?? 1) * 0.26)),
      option(
        "size",
        String((typeof style.radius === "number" ? style.radius : 5) * 0.53),
      ),
      option("size_unit", "MM"),
      "</Option></layer>",
    ];
  }
  const type = { Polygon: "fill", Line: "line", Point: "marker" }[kind];
  return `<symbol type="${type}" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0">${layer.join("")}</symbol>`;
}

// progressClass of layer-styles.js as a QGIS expression: investment progress in quarter steps.
const PROGRESS = `coalesce("completed_investment_wan" / nullif("total_investment_wan", 0), "progress", 0)`;
const PROGRESS_CLASS =
  `CASE WHEN ${PROGRESS} >= 1 THEN 'done' WHEN ${PROGRESS} >= 0.75 THEN 'p75' ` +
  `WHEN ${PROGRESS} >= 0.5 THEN 'p50' WHEN ${PROGRESS} >= 0.25 THEN 'p25' ELSE 'p0' END`;

// A categorized renderer on the web map's first style dimension (parcel status, pipe kind…).
function renderer(id, kind) {
  const spec = layerStyles[id];
  const dimension = spec.dimensions[0];
  const classes = Object.entries(dimension.classes);
  const categories = classes
    .map(
      ([value], i) =>
        `<category render="true" symbol="${i}" value="${escape(value)}" label="${escape(value)}"/>`,
    )
    .join("\n        ");
  const symbols = classes
    .map(([, cls], i) => symbol(kind, String(i), spec, cls))
    .join("\n        ");
  const attr = dimension.value ? PROGRESS_CLASS : dimension.property;
  return `<renderer-v2 type="categorizedSymbol" attr="${escape(attr)}" symbollevels="0" enableorderby="0" forceraster="0">
      <categories>
        ${categories}
      </categories>
      <symbols>
        ${symbols}
      </symbols>
    </renderer-v2>`;
}

function dataSource(id) {
  return (
    `pagingEnabled='true' preferCoordinatesForWfsT11='false' restrictToRequestBBOX='1' ` +
    `srsname='EPSG:4490' typename='${id}' url='${SERVICE_URL}' version='OGC_API_FEATURES' authcfg='${AUTH_CONFIG}'`
  );
}

const SRS = `<srs><spatialrefsys nativeFormat="Wkt"><authid>EPSG:4490</authid><srid>4490</srid><description>China Geodetic Coordinate System 2000</description><projectionacronym>longlat</projectionacronym><ellipsoidacronym>EPSG:1024</ellipsoidacronym><geographicflag>true</geographicflag></spatialrefsys></srs>`;

export function project() {
  const layers = COLLECTIONS.map(
    ([
      id,
      title,
      kind,
    ]) => `  <maplayer type="vector" geometry="${kind}" autoRefreshEnabled="0" refreshOnNotifyEnabled="0">
    <id>${id}</id>
    <datasource>${escape(dataSource(id))}</datasource>
    <layername>${escape(title)}</layername>
    ${SRS}
    <provider encoding="">OAPIF</provider>
    ${renderer(id, kind)}
  </maplayer>`,
  );
  // The layer tree lists the top layer first.
  const tree = [...COLLECTIONS]
    .reverse()
    .map(
      ([id, title]) =>
        `    <layer-tree-layer id="${id}" name="${escape(title)}" providerKey="OAPIF" checked="Qt::Checked" expanded="0" source="${escape(dataSource(id))}"/>`,
    );
  return `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<!-- Generated by gis-data/qgis/make-project.mjs from web-map/src/layer-styles.js: edit those, not this. -->
<qgis projectname="ZoneGIS 开发区" version="3.34.0-Prizren">
  <title>ZoneGIS 开发区</title>
  <projectCrs>
    ${SRS.replace(/^<srs>|<\/srs>$/g, "")}
  </projectCrs>
  <layer-tree-group>
${tree.join("\n")}
  </layer-tree-group>
  <projectlayers>
${layers.join("\n")}
  </projectlayers>
</qgis>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL("./zonegis.qgs", import.meta.url), project());
}
