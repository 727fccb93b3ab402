// Hatched fills for SVG paths (land recoveries). Leaflet has no pattern fill, but an SVG fill
// may reference a <pattern> anywhere in the document, so the patterns live in one hidden <svg>.

const SVG_NS = 'http://www.w3.org/2000/svg';
const DEFS_ID = 'zg-hatch-defs';

function defs() {
  let svg = document.getElementById(DEFS_ID);
  if (!svg) {
    // Zero-sized rather than display:none: Chromium does not paint patterns from a hidden <svg>.
    svg = document.createElementNS(SVG_NS, 'svg');
    svg.id = DEFS_ID;
    svg.setAttribute('width', '0');
    svg.setAttribute('height', '0');
    svg.setAttribute('aria-hidden', 'true');
    svg.style.position = 'absolute';
    svg.appendChild(document.createElementNS(SVG_NS, 'defs'));
    document.body.appendChild(svg);
  }
  return svg.firstChild;
}

// Returns a fill value `url(#…)` for diagonal hatching in `color` (a #rrggbb from layer-styles).
export function hatchFill(color) {
  const id = `zg-hatch-${color.replace(/[^0-9a-z]/gi, '')}`;
  if (!document.getElementById(id)) {
    const pattern = document.createElementNS(SVG_NS, 'pattern');
    pattern.id = id;
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const line = document.createElementNS(SVG_NS, 'line');
    line.setAttribute('x1', '0');
    line.setAttribute('y1', '0');
    line.setAttribute('x2', '0');
    line.setAttribute('y2', '8');
    line.setAttribute('stroke', color);
    line.setAttribute('stroke-width', '2.5');
    pattern.appendChild(line);
    defs().appendChild(pattern);
  }
  return `url(#${id})`;
}
