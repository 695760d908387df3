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

// The engine says how many decimals each unit shows (index scores four, the rest three).
const unitDecimals = new Map();

/** Takes the engine's display rules for units (`catalog.units`). */
export function useUnits(units) {
  unitDecimals.clear();
  for (const u of units ?? []) unitDecimals.set(u.unit, u.decimals);
}

const QUALIFIER_SYMBOLS = {
  exact: '', over: '> ', at_least: '≥ ', about: '≈ ', nearly: '≲ ', under: '< ', at_most: '≤ ',
};

/**
 * A value in its unit with its qualifier: `> 74 %`, `≈ 2.500`, `85/85`.
 * @param {{value: number, outOf?: number|null, qualifier: string}} cell
 * @param {string} unit
 * @param {'vi'|'en'} lang
 */
export function formatValue(cell, unit, lang) {
  const number = formatNumber(cell.value, lang, unitDecimals.get(unit) ?? 3);
  let text = cell.outOf != null ? `${number}/${formatNumber(cell.outOf, lang)}` : number;
  if (unit === 'percent') text += lang === 'vi' ? ' %' : '%';
  return `${QUALIFIER_SYMBOLS[cell.qualifier] ?? ''}${text}`;
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
