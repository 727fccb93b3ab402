// A link that downloads a table beside the map as .xlsx (or .csv) from /api/tables/{table}.xlsx,
// with the panel's current filters and the headers in the map's language.
import { el } from './dom.js';
import { t, getLanguage } from './i18n.js';

// query: the panel's own filters as a query string (without '?'), the same it sends to its JSON list.
// format: 'xlsx' or 'csv'.
export function spreadsheetLink(table, query = '', format = 'xlsx') {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  params.set('lang', getLanguage() === 'en' ? 'en' : 'zh');
  return el('a', {
    className: `zg-${format}-link`,
    href: `/api/tables/${table}.${format}?${params}`,
    download: '',
    dataset: { table },
    text: t(`documents.${format}`),
  });
}
