// A panel opened and closed by a button in the page header and docked on the left. The panel draws
// its own content; this wires the button, the dock and `hidden`, so each header panel opens,
// closes and unmounts the same way.
import { el } from './dom.js';
import { isolateFromMap } from './leaflet.js';

// deps: { dock, container (the header) }
// options: { id and title (the dock's id and i18n title key), className and toggleClassName (the
// panel's and the button's own classes), onOpen (called each time it opens: load what it shows) }
export function mountHeaderPanel({ dock, container }, { id, title, className, toggleClassName, onOpen }) {
  const panel = el('div', { className: `zg-panel ${className}`, hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id, title, close: () => close() });
  const toggle = el('button', {
    type: 'button',
    className: `zg-header-button ${toggleClassName}`,
    onClick: () => (panel.hidden ? open() : close()),
  });
  container.append(toggle);

  function open() {
    panel.hidden = false;
    onOpen();
  }

  function close() {
    panel.hidden = true;
  }

  function unmount() {
    toggle.remove();
    undock();
  }

  return { panel, toggle, open, close, unmount };
}
