// Offering a file the reader takes away. The CSV files are written by the engine (the table's
// and the whole dataset's, with its rule for formulas); charts and maps are SVG and PNG.

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
