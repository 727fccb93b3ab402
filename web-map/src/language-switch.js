// 中文 / English switch. Each language names itself in both dictionaries, as users look for
// their own language's name.
import { el, fill } from './dom.js';
import { t, getLanguage, setLanguage, dictionaries, mountTranslated } from './i18n.js';

export function mountLanguageSwitch(container) {
  const box = el('div', { className: 'zg-lang-switch', role: 'group' });

  function render() {
    box.setAttribute('aria-label', t('lang.switch'));
    fill(
      box,
      Object.keys(dictionaries).map((lang) =>
        el(
          'button',
          {
            type: 'button',
            className: 'zg-lang-button',
            dataset: { lang },
            'aria-pressed': String(lang === getLanguage()),
            onClick: () => setLanguage(lang),
          },
          t(`lang.${lang}`),
        ),
      ),
    );
  }

  return mountTranslated(container, box, render);
}
