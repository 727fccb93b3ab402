// Legend rows for one layer, drawn from the same table as the map (layer-styles.js), so a
// swatch always matches what the map shows. Swatches are plain CSS boxes.
import { el } from './dom.js';
import { t } from './i18n.js';
import { legendEntries } from './layer-styles.js';

function hatchBackground(color) {
  return `repeating-linear-gradient(45deg, ${color} 0 2px, transparent 2px 6px)`;
}

function swatch(s) {
  const style = {};
  const shape = s.shape === 'outline' ? 'polygon' : s.shape;
  if (shape === 'polygon') {
    style.background = s.hatch ? hatchBackground(s.color) : s.fillColor || 'transparent';
    style.opacity = s.fillOpacity === undefined ? 1 : Math.max(0.6, s.fillOpacity);
    style.border = `2px ${s.dashArray ? 'dashed' : 'solid'} ${s.color || '#e31a1c'}`;
  } else if (shape === 'line') {
    style.borderTop = `${Math.min(6, Math.max(2, s.weight || 3))}px ${s.dashArray ? 'dashed' : 'solid'} ${s.color}`;
  } else if (shape === 'circle' || shape === 'marker') {
    style.background = s.fillColor || '#ffffff';
    style.border = `${Math.min(4, s.weight || 1.5)}px solid ${s.color || '#333333'}`;
  } else if (shape === 'arrow') {
    style.borderBottomColor = s.color;
  }
  return el('span', { className: `zg-swatch zg-swatch-${shape}`, style });
}

export function legendList(layerId) {
  return el(
    'ul',
    { className: 'zg-legend', dataset: { layer: layerId } },
    legendEntries(layerId).map((entry) =>
      el('li', { className: 'zg-legend-row' }, [
        swatch(entry.swatch),
        el('span', { className: 'zg-legend-label', text: t(entry.key) }),
      ]),
    ),
  );
}
