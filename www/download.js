// Files the reader takes away: the table as CSV (safe to open in a spreadsheet), charts and
// maps as SVG and PNG.

/**
 * A CSV field. Text that a spreadsheet would run as a formula (=, +, -, an at sign, tab, carriage return
 * first) is prefixed with an apostrophe, so a hostile quote cannot become =HYPERLINK(…).
 */
export function csvField(value) {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as CSV text, with a byte-order mark so spreadsheets read it as UTF-8. */
export function csvText(rows) {
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Offers `blob` as a download named `name`. */
export function offer(blob, name, root = document.body) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
