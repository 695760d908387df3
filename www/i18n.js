// The page's words, Vietnamese first, English second. Functions take what varies.
//
// English is fetched the first time it is asked for (`loadMessages`), so that a Vietnamese
// reader's first view does not carry it; until then, and if it cannot load, the words are
// Vietnamese.

import { vi } from './i18n/vi.js';

/** @type {{ vi: typeof vi, en?: typeof import('./i18n/en.js').en }} */
const loaded = { vi };

/** @param {'vi'|'en'} lang */
export function messages(lang) {
  return loaded[lang] ?? vi;
}

/** Whether the words of `lang` are at hand, so that `messages(lang)` gives them. */
export function hasMessages(lang) {
  return lang !== 'en' || loaded.en !== undefined;
}

/** Fetches the words of `lang` if they are not at hand. @param {'vi'|'en'} lang */
export async function loadMessages(lang) {
  if (!hasMessages(lang)) loaded.en = (await import('./i18n/en.js')).en;
}

/** An indicator's or province's name in the language. */
export function indicatorName(indicator, lang) {
  return lang === 'en' ? indicator.nameEn : indicator.nameVi;
}
