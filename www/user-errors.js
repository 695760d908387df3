// A reader's file refused by the engine, said in the reader's language: the engine gives the
// error's kind, its values and its place (line, and field of the record where it is about one);
// the words are the page's. A kind the page has no words for keeps the engine's sentence.
import { messages } from './i18n.js';
import { fileErrors } from './i18n/file-errors.js';

/**
 * `(dòng 2, trường 6)` or `(line 2, field 6)`; the character on the line where no field applies
 * (a byte that is not UTF-8).
 * @param {{line?: number|null, column?: number|null, field?: number|null}} cause @param {'vi'|'en'} lang
 */
export function errorPlace(cause, lang) {
  const t = messages(lang);
  if (!cause.line) return '';
  if (cause.field) return ` (${t.userAtField(cause.line, cause.field)})`;
  if (cause.column) return ` (${t.userAtCharacter(cause.line, cause.column)})`;
  return ` (${t.userAtLine(cause.line)})`;
}

/**
 * The error's sentence in the reader's language.
 * @param {{kind?: string, message?: string, detail?: Record<string, any>|null}} cause
 * @param {'vi'|'en'} lang @param {string} fallback
 */
export function errorSentence(cause, lang, fallback) {
  const words = (lang === 'en' ? fileErrors.en : fileErrors.vi)[cause.kind ?? ''];
  if (!words) return cause.message ?? fallback;
  return typeof words === 'function' ? words(cause.detail ?? {}) : words;
}
