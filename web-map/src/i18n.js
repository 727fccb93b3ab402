// t(key, params), the language switch and the one way to show a number or an instant. Chinese is the default; the choice is kept in
// localStorage. Switching fires `zg:language` on document so every panel re-renders its text.
import zh from './i18n/zh.js';
import en from './i18n/en.js';

export const dictionaries = { zh, en };
const STORAGE_KEY = 'zg.language';
const EVENT = 'zg:language';

function stored() {
  try {
    const lang = globalThis.localStorage?.getItem(STORAGE_KEY);
    return lang in dictionaries ? lang : null;
  } catch {
    return null;
  }
}

let current = stored() || 'zh';

export function getLanguage() {
  return current;
}

export function has(key) {
  return Object.hasOwn(dictionaries[current], key);
}

// Params fill `{name}` placeholders; an unknown key shows itself so a gap is visible, not blank.
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

export function setLanguage(lang) {
  if (!(lang in dictionaries) || lang === current) return;
  current = lang;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the switch still works for this page.
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.dispatchEvent(new CustomEvent(EVENT, { detail: { lang } }));
}

// Calls fn on every language switch; returns the function that unsubscribes.
export function onLanguageChange(fn) {
  const listener = () => fn(current);
  document.addEventListener(EVENT, listener);
  return () => document.removeEventListener(EVENT, listener);
}

// Puts `node` into `container`, drawn by `render` now and after every language switch; the
// returned unmount takes it out again.
export function mountTranslated(container, node, render) {
  render();
  container.append(node);
  const offLanguage = onLanguageChange(render);
  return function unmount() {
    offLanguage();
    node.remove();
  };
}

// The locale numbers and times are written in, by the language.
export function locale() {
  return current === 'en' ? 'en-GB' : 'zh-CN';
}

// Instants are shown on the zone's clock (/api/config timeZone, Asia/Shanghai by default), the
// clock its dates are read on, whatever the browser's own time zone.
let zoneTimeZone = 'Asia/Shanghai';

export function setTimeZone(timeZone) {
  if (timeZone) zoneTimeZone = timeZone;
}

export function formatDateTime(value) {
  return new Date(value).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short', timeZone: zoneTimeZone });
}

export function formatDate(value) {
  return new Date(value).toLocaleDateString(locale(), { timeZone: zoneTimeZone });
}

// Today on the zone's clock, as YYYY-MM-DD: "this month" and "this year" are the zone's.
export function zoneToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zoneTimeZone }).format(now);
}

// A number written for the language: 1,234.5 or 1,234.50 with `digits` fixed decimals.
export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    Number(value),
  );
}

// A share (0.6667) as a percentage for the language: 67%.
export function formatPercent(share) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(Number(share));
}
