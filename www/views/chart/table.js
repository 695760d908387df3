// The chart's text alternative: its figures as a table, for screen readers and the keyboard.
import { formatPeriod } from '../../format.js';
import { heading } from './figure.js';
import { noteWord } from './bars.js';

export function dataTable(model, words) {
  const table = document.createElement('table');
  table.className = 'visually-hidden ict-chart-table';
  const caption = document.createElement('caption');
  caption.textContent = `${words.table}: ${heading(model)}`;
  table.append(caption);
  const header = table.createTHead().insertRow();
  const lines = model.kind === 'lines';
  const columns = lines ? [words.province, words.period, words.value] : [words.province, words.value, words.period, words.notes];
  for (const name of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    header.append(th);
  }
  const body = table.createTBody();
  const provinceCell = (tr, id, label) => {
    const th = document.createElement('th');
    th.scope = 'row';
    if (model.onSelect) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.addEventListener('click', () => model.onSelect(id));
      th.append(button);
    } else {
      th.textContent = label;
    }
    tr.append(th);
  };
  const cell = (tr, text) => {
    tr.insertCell().textContent = text;
  };
  if (lines) {
    for (const line of model.lines ?? []) {
      for (const p of line.points) {
        const tr = body.insertRow();
        provinceCell(tr, line.id, line.label);
        cell(tr, formatPeriod(p.period));
        cell(tr, model.formatValue(p.value, p.qualifier));
      }
    }
  } else {
    const bars = model.bars ?? [];
    for (const b of bars) {
      const tr = body.insertRow();
      provinceCell(tr, b.id, b.label);
      cell(tr, model.formatValue(b.value, b.qualifier));
      cell(tr, formatPeriod(b.period));
      cell(tr, [b.best && noteWord('best', model.better, words), b.derived && words.derived, b.user && words.user].filter(Boolean).join('; '));
    }
  }
  return table;
}
