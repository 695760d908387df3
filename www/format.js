// Numbers, dates and text in the reader's language, whatever the browser's own locale:
// Vietnamese `1.208` and `86,18 %`, English `1,208` and `86.18%`.

const LOCALES = { vi: 'vi-VN', en: 'en-GB' };

/** @param {'vi'|'en'} lang */
export function locale(lang) {
  return LOCALES[lang] ?? LOCALES.vi;
}

const numberFormats = new Map();

/** Formats a number with up to `digits` decimals. */
export function formatNumber(value, lang, digits = 3) {
  const key = `${lang}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // No sign on a zero: -0, or -0.0004 rounded to three decimals, is written 0.
    format = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, useGrouping: true, signDisplay: 'negative' });
    numberFormats.set(key, format);
  }
  // Intl leaves four-digit numbers ungrouped in Vietnamese; reports write 1.208.
  const text = format.format(value === 0 ? 0 : value);
  if (lang === 'vi' && /^-?\d{4}(,\d+)?$/.test(text)) {
    return text.replace(/^(-?\d)(\d{3})/, '$1.$2');
  }
  return text;
}

// How the engine shows each unit (`catalog.units`): decimals (index scores four, per capita
// two, the rest three), the words under a column's name, the sign after a value.
/** @type {Map<string, import('./types/engine').UnitDisplay>} */
const units = new Map();

/** Takes the engine's display rules for units (`catalog.units`). */
export function useUnits(displays) {
  units.clear();
  for (const display of displays ?? []) units.set(display.unit, display);
}

/**
 * The words under a column's or legend's name for values in `unit` ("%", "trên 100.000 dân",
 * "tỷ đồng"), as the engine gives them; empty for a count.
 * @param {string} unit
 * @param {'vi'|'en'} lang
 */
export function unitHeading(unit, lang) {
  const display = units.get(unit);
  if (!display) return '';
  return lang === 'en' ? display.headingEn : display.headingVi;
}

// The sign before a qualified value (`catalog.qualifiers`): `>`, `≈`…
/** @type {Map<string, string>} */
const qualifierSymbols = new Map();

/** Takes the engine's signs of qualified values (`catalog.qualifiers`). */
export function useQualifiers(displays) {
  qualifierSymbols.clear();
  for (const { qualifier, symbol } of displays ?? []) qualifierSymbols.set(qualifier, symbol);
}

/** Every qualifier, in the engine's order (`exact` first). */
export function qualifierCodes() {
  return [...qualifierSymbols.keys()];
}

/**
 * A value in its unit with its qualifier: `> 74 %`, `≈ 2.500`, `85/85`.
 * @param {{value: number, outOf?: number|null, qualifier: string}} cell
 * @param {string} unit
 * @param {'vi'|'en'} lang
 */
export function formatValue(cell, unit, lang) {
  const display = units.get(unit);
  const number = formatNumber(cell.value, lang, display?.decimals ?? 3);
  let text = cell.outOf != null ? `${number}/${formatNumber(cell.outOf, lang)}` : number;
  if (display) text += lang === 'en' ? display.suffixEn : display.suffixVi;
  const symbol = qualifierSymbols.get(cell.qualifier);
  return symbol ? `${symbol} ${text}` : text;
}

/** `2023-01-13` → `13/01/2023` (both languages write day first here); years stay as they are. */
export function formatPeriod(period) {
  const [year, month, day] = period.split('-');
  if (day) return `${day}/${month}/${year}`;
  if (month) return `${month}/${year}`;
  return year;
}

/** Lower-case, without diacritics (đ → d), for search: "tra vinh" finds "Trà Vinh". */
export function searchKey(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

const collators = new Map();

/** Compares strings in the language's alphabetical order (Vietnamese: a ă â b c d đ …). */
export function compareText(a, b, lang) {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(locale(lang));
    collators.set(lang, collator);
  }
  return collator.compare(a, b);
}
