// Search box over /api/search (parcel codes and names, enterprises, roads, projects). Picking a
// result fires `zg:feature-focus` on the map; layers.js brings the feature into view.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { layerTitle } from './popup.js';

const defaults = { position: 'topleft', debounceMs: 250, minLength: 1 };

// deps: { api, layers: layer definitions (for the layer names shown beside each result) }
export function mountSearch(map, { api, layers: defs }) {
  const byId = new Map(defs.map((d) => [d.id, d]));
  const input = el('input', { type: 'search', className: 'zg-search-input', autocomplete: 'off' });
  const list = el('ul', { className: 'zg-search-results', role: 'listbox' });
  const box = el('div', { className: 'zg-panel zg-search' }, [input, list]);
  isolateFromMap(box);
  let results = [];
  let timer = null;
  let pending = null;

  function label() {
    input.placeholder = t('search.placeholder');
    input.setAttribute('aria-label', t('search.placeholder'));
  }

  function pick(result) {
    show([]);
    map.fire('zg:feature-focus', result);
  }

  function show(items, message) {
    results = items;
    fill(
      list,
      message
        ? el('li', { className: 'zg-search-message', text: message })
        : items.map((r) =>
            el(
              'li',
              {},
              el('button', { type: 'button', className: 'zg-search-result', onClick: () => pick(r) }, [
                el('span', { className: 'zg-search-label', text: String(r.label ?? '') }),
                el('span', {
                  className: 'zg-search-layer',
                  text: byId.has(r.layer) ? layerTitle(byId.get(r.layer)) : String(r.layer ?? ''),
                }),
              ]),
            ),
          ),
    );
  }

  async function run(query) {
    pending?.abort();
    pending = new AbortController();
    try {
      const found = await api.get(`/api/search?q=${encodeURIComponent(query)}`, { signal: pending.signal });
      show(found, found.length ? null : t('search.none'));
    } catch (error) {
      if (error.name !== 'AbortError') show([], t('search.failed', { detail: error.message }));
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < defaults.minLength) {
      pending?.abort();
      show([]);
      return;
    }
    timer = setTimeout(() => run(query), defaults.debounceMs);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && results.length) pick(results[0]);
    if (e.key === 'Escape') show([]);
  });

  const Control = L.Control.extend({ onAdd: () => box });
  const control = new Control({ position: defaults.position }).addTo(map);
  label();
  const offLanguage = onLanguageChange(() => {
    label();
    if (results.length) show(results);
  });

  return function unmount() {
    clearTimeout(timer);
    pending?.abort();
    offLanguage();
    control.remove();
  };
}
