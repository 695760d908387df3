// The map's text alternative: its figures as a table, for screen readers.

export function dataTable(model, geography, words) {
  const table = document.createElement('table');
  table.className = 'visually-hidden ict-map-table';
  const caption = document.createElement('caption');
  caption.textContent = `${words.table}: ${model.title}`;
  table.append(caption);
  const header = table.createTHead().insertRow();
  for (const name of [words.province, model.legendTitle || words.value]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    header.append(th);
  }
  const body = table.createTBody();
  // The engine's order: first first.
  for (const v of model.values) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = model.names[v.id] ?? v.label;
    tr.append(th);
    tr.insertCell().textContent = v.display;
  }
  if (geography.missing.length) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = model.noDataLabel;
    tr.append(th);
    tr.insertCell().textContent = geography.missing.map((p) => p.name).join(', ');
  }
  return table;
}
