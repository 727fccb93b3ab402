// A parcel's documents in its panel: the red-line drawing (用地红线图) as a PDF — the issued one
// when this version was issued, a preview otherwise — and every drawing issued so far, from
// /api/parcels/{id}/red-line-drawings, each downloadable as it was issued.
import { el, fill } from './dom.js';
import { t, formatDateTime, onLanguageChange } from './i18n.js';

// Returns { node, destroy() }; node fills itself once the list arrives and then says
// data-zg-drawings="<count>", so tests wait for a state, not a time.
export function parcelDocuments({ api, parcel }) {
  const node = el('div', { className: 'zg-parcel-documents' });
  let destroyed = false;
  // The list as it arrived (or the problem reading it); drawn again in the new language on a switch.
  let issued = null;
  let problem = null;

  function draw() {
    const drawing = el('a', {
      className: 'zg-button zg-document-link',
      href: `/api/parcels/${parcel.id}/red-line.pdf`,
      target: '_blank',
      rel: 'noopener',
      dataset: { document: 'red-line' },
      text: t('documents.redLine'),
    });
    if (problem) {
      fill(node, [drawing, el('p', { className: 'zg-parcel-problem', role: 'alert', text: problem })]);
      return;
    }
    if (!issued) {
      fill(node, [el('h3', { text: t('documents.title') }), drawing]);
      return;
    }
    const items = issued.map((d) =>
      el('li', { className: 'zg-issued-drawing', dataset: { version: String(d.parcelVersion) } }, [
        el('a', {
          href: d.href,
          target: '_blank',
          rel: 'noopener',
          text: t('documents.issued', { number: d.drawingNumber, version: d.parcelVersion }),
        }),
        el('span', {
          className: 'zg-issued-meta',
          text: t('documents.issuedBy', {
            at: formatDateTime(d.issuedAt),
            by: d.issuedBy,
            sha: d.sha256.slice(0, 12),
          }),
        }),
      ]),
    );
    fill(node, [
      el('h3', { text: t('documents.title') }),
      drawing,
      items.length
        ? el('ul', { className: 'zg-issued-drawings' }, items)
        : el('p', { className: 'zg-issued-none', text: t('documents.none') }),
    ]);
  }

  draw();
  api
    .get(`/api/parcels/${parcel.id}/red-line-drawings`)
    .then((list) => {
      if (destroyed) return;
      issued = list;
      draw();
      node.dataset.zgDrawings = String(list.length);
    })
    .catch((error) => {
      if (destroyed) return;
      problem = error.message;
      draw();
      node.dataset.zgDrawings = 'error';
    });
  const offLanguage = onLanguageChange(draw);

  return {
    node,
    destroy() {
      destroyed = true;
      offLanguage();
    },
  };
}
