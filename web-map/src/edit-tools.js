// Edit toolbar, shown only to roles that may write: planners edit land and assets, dispatchers
// work orders, admins both. A viewer gets no `.zg-edit-tools` element at all, not a disabled one.
// Each button fires `zg:edit-tool` { tool, area } on the map; the panel owning that tool starts it.
import { el, fill } from './dom.js';
import { t, mountTranslated } from './i18n.js';

const editRoles = {
  land: ['PLANNER', 'ADMIN'],
  assets: ['PLANNER', 'ADMIN'],
  workOrders: ['DISPATCHER', 'ADMIN'],
};

const tools = {
  land: ['drawRedLine', 'recoverLand'],
  assets: ['editAsset'],
  workOrders: ['newWorkOrder'],
};

// Areas (keys of editRoles) the given roles may edit, in a stable order.
export function editableAreas(roles = []) {
  return Object.keys(editRoles).filter((area) => editRoles[area].some((role) => roles.includes(role)));
}

// deps: { user (from /api/me), container (the header element the toolbar goes in) }
export function mountEditTools(map, { user, container }) {
  const areas = editableAreas(user.roles);
  if (!areas.length) return function unmount() {};
  const bar = el('div', { className: 'zg-edit-tools', role: 'toolbar' });

  function render() {
    bar.setAttribute('aria-label', t('edit.toolbar'));
    fill(
      bar,
      areas.flatMap((area) =>
        tools[area].map((tool) =>
          el(
            'button',
            {
              type: 'button',
              className: 'zg-edit-tool',
              dataset: { tool, area },
              onClick: () => map.fire('zg:edit-tool', { tool, area }),
            },
            t(`edit.${tool}`),
          ),
        ),
      ),
    );
  }

  return mountTranslated(container, bar, render);
}
