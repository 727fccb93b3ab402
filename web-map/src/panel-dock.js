// The docked panel area: the one place panels go, beside the map rather than over it, so no panel
// covers another, the map's controls or the layer list. Left: tools and forms; right: the layer
// list (pinned, never covered) with information panels under it. Each side shows one panel; other
// open panels on that side become tabs. On a phone both sides become one sheet under the map.
// Panels keep opening and closing themselves through `hidden`; the dock watches that attribute, so
// a panel only says where it goes. Esc closes the panel touched last (or folds one that cannot
// close); a drawing tool that wants Esc calls preventDefault first.
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { isolateFromMap } from './leaflet.js';
import './panel-dock.css';

const defaults = {
  // Below this width (CSS pixels) the two sides become one sheet under the map.
  narrowQuery: '(max-width: 700px)',
};

// map: the Leaflet map; body: the element that holds the map element and gets the two sides.
export function createDock(map, body) {
  const sides = {
    left: { aside: el('aside', { className: 'zg-dock zg-dock-left', dataset: { zgDock: 'left' } }) },
    right: { aside: el('aside', { className: 'zg-dock zg-dock-right', dataset: { zgDock: 'right' } }) },
  };
  for (const side of Object.values(sides)) {
    side.pinned = el('div', { className: 'zg-dock-pinned' });
    side.tabs = el('div', { className: 'zg-dock-tabs', role: 'tablist' });
    side.content = el('div', { className: 'zg-dock-content' });
    side.folded = false;
    side.aside.append(side.pinned, side.tabs, side.content);
    isolateFromMap(side.aside);
  }
  body.prepend(sides.left.aside);
  body.append(sides.right.aside);
  const narrow = window.matchMedia(defaults.narrowQuery);
  // Every docked panel, and the order they were last brought forward (last = topmost).
  const entries = [];
  let touched = [];

  const sideOf = (entry) => sides[narrow.matches ? 'left' : entry.side];
  const pinnedHere = (entry) => entry.pinned && !narrow.matches;
  const isOpen = (entry) => !entry.panel.hidden;

  function bringForward(entry) {
    touched = touched.filter((e) => e !== entry).concat(entry);
    sideOf(entry).folded = false;
  }

  function activeOf(side) {
    const open = touched.filter((e) => sideOf(e) === side && isOpen(e) && !pinnedHere(e));
    return open[open.length - 1] ?? null;
  }

  function layout() {
    for (const side of Object.values(sides)) {
      const here = entries.filter((e) => sideOf(e) === side);
      const tabbed = here.filter((e) => isOpen(e) && !pinnedHere(e));
      const active = activeOf(side);
      for (const entry of here) {
        const parent = pinnedHere(entry) ? side.pinned : side.content;
        if (entry.panel.parentNode !== parent) parent.append(entry.panel);
        const shown = pinnedHere(entry) || (entry === active && !side.folded);
        entry.panel.classList.toggle('zg-dock-inactive', !shown);
      }
      fill(
        side.tabs,
        tabbed.length > 1 || side.folded
          ? tabbed.map((entry) =>
              el('button', {
                type: 'button',
                role: 'tab',
                className: 'zg-dock-tab',
                'aria-selected': String(entry === active && !side.folded),
                dataset: { zgPanel: entry.id },
                text: t(entry.title),
                onClick: () => {
                  bringForward(entry);
                  layout();
                },
              }),
            )
          : [],
      );
      side.tabs.hidden = !side.tabs.childElementCount;
      side.content.hidden = !tabbed.length || side.folded;
      const used = here.some((e) => pinnedHere(e) || isOpen(e));
      side.aside.hidden = !used;
      side.aside.dataset.zgOpen = active && !side.folded ? active.id : '';
    }
  }

  // Watches `hidden` on every docked panel: a panel that opens comes forward.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const entry = entries.find((e) => e.panel === record.target);
      if (entry && isOpen(entry)) bringForward(entry);
    }
    layout();
  });

  // Esc closes the topmost panel: an open popup first, then the panel touched last.
  function onKey(event) {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    if (map._popup && map.hasLayer(map._popup)) {
      map.closePopup();
      return;
    }
    const entry = touched.filter((e) => isOpen(e) && !pinnedHere(e) && !sideOf(e).folded).pop();
    if (!entry) return;
    if (entry.close) entry.close();
    else {
      sideOf(entry).folded = true;
      touched = touched.filter((e) => e !== entry);
      touched.unshift(entry);
      layout();
    }
  }

  // Panels change the map's width; Leaflet must know. The centre is put back exactly (reset):
  // Leaflet's own pan moves by whole pixels, which would drift a shared view's centre.
  const resize = new ResizeObserver(() => {
    const center = map.getCenter();
    map.invalidateSize({ pan: false });
    map.setView(center, map.getZoom(), { reset: true });
  });
  resize.observe(map.getContainer());
  window.addEventListener('keydown', onKey);
  narrow.addEventListener('change', layout);
  const offLanguage = onLanguageChange(layout);

  return {
    // options: id, side ('left' | 'right'), title (i18n key of its tab), close (how Esc closes it;
    // without it Esc folds the side), pinned (always shown at the top of its side, never a tab).
    add(panel, { id, side = 'left', title, close = null, pinned = false }) {
      const entry = { panel, id, side, title, close, pinned };
      entries.push(entry);
      panel.dataset.zgPanel = id;
      // Open from the start: behind what is already open, in front of pinned panels, so the first
      // panel mounted (the crew's own sheet, the dispatch board) is the one a person sees first.
      if (isOpen(entry)) touched.splice(pinned ? 0 : touched.filter((e) => e.pinned).length, 0, entry);
      observer.observe(panel, { attributes: true, attributeFilter: ['hidden'] });
      layout();
      return function remove() {
        entries.splice(entries.indexOf(entry), 1);
        touched = touched.filter((e) => e !== entry);
        panel.remove();
        layout();
      };
    },
    destroy() {
      observer.disconnect();
      resize.disconnect();
      window.removeEventListener('keydown', onKey);
      narrow.removeEventListener('change', layout);
      offLanguage();
      for (const side of Object.values(sides)) side.aside.remove();
    },
  };
}
