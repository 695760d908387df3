// The page's words, Vietnamese first, English second. Functions take what varies.

import { vi } from './i18n/vi.js';
import { en } from './i18n/en.js';

export const MESSAGES = { vi, en };

/** @param {'vi'|'en'} lang */
export function messages(lang) {
  return MESSAGES[lang] ?? MESSAGES.vi;
}

/** An indicator's or province's name in the language. */
export function indicatorName(indicator, lang) {
  return lang === 'en' ? indicator.nameEn : indicator.nameVi;
}
