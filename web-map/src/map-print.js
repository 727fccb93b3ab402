// 打印地图: a header link to /api/map/print.pdf for the current view and the layers switched on
// (zg:layers-visible from layers.js); the service draws the PDF in vector with legend, scale bar,
// north arrow, date and the user's name.
import { el } from './dom.js';
import { t, getLanguage, onLanguageChange } from './i18n.js';

export function mountMapPrint(map, { container }) {
  let layers = [];
  const link = el('a', {
    className: 'zg-header-button zg-map-print',
    target: '_blank',
    rel: 'noopener',
    dataset: { layers: '0' },
  });
  container.append(link);

  function update() {
    link.textContent = t('documents.print');
    const params = new URLSearchParams({
      bbox: map.getBounds().toBBoxString(),
      layers: layers.join(','),
      lang: getLanguage() === 'en' ? 'en' : 'zh',
    });
    link.href = `/api/map/print.pdf?${params}`;
    link.dataset.layers = String(layers.length);
    link.toggleAttribute('aria-disabled', layers.length === 0);
  }

  const onLayers = ({ ids }) => {
    layers = ids;
    update();
  };
  const mapEvents = { moveend: update, 'zg:layers-visible': onLayers };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(update);
  update();

  return function unmount() {
    map.off(mapEvents);
    offLanguage();
    link.remove();
  };
}
