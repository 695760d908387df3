// The report being added: its id, title, outlet, date and province, and its text, pasted,
// chosen or dropped. Values go straight into the session; the engine checks them later.
import { messages } from '../i18n.js';
import { addReportWords } from '../i18n/add-report.js';

function field(labelText, control, key) {
  const label = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = labelText;
  control.dataset.key = key;
  label.append(span, control);
  return label;
}

function input(type, value, onChange) {
  const element = document.createElement('input');
  element.type = type;
  element.value = value ?? '';
  element.addEventListener('change', () => onChange(element.value));
  return element;
}

/**
 * The report form and the text: paste, choose a file, or drop one.
 * @param {{session: object, lang: 'vi'|'en', catalog: import('../../pkg/ict_compare.js').Catalog,
 *   onFile: (file: File) => void, onSubmit: () => void, onReportChange: () => void}} model
 */
export function reportForm({ session, lang, catalog, onFile, onSubmit, onReportChange }) {
  const t = addReportWords(lang);
  const report = session.report;
  const set = (name) => (value) => {
    report[name] = value.trim();
    onReportChange();
  };
  const form = document.createElement('form');
  form.className = 'report-form';
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = t.report;
  const province = document.createElement('select');
  province.append(new Option(t.noProvince, '', false, !report.province));
  for (const p of catalog.provinces.filter((p) => p.id.startsWith('p63:'))) {
    province.append(new Option(p.name, p.id, false, p.id === report.province));
  }
  province.addEventListener('change', () => {
    report.province = province.value;
    onReportChange();
  });
  fieldset.append(
    legend,
    field(t.id, input('text', report.id, set('id')), 'report-id'),
    field(t.title, input('text', report.title, set('title')), 'report-title'),
    field(t.outlet, input('text', report.outlet, set('outlet')), 'report-outlet'),
    field(t.published, input('date', report.published, set('published')), 'report-published'),
    field(t.province, province, 'report-province'),
  );
  const text = document.createElement('textarea');
  text.rows = 8;
  text.value = session.text ?? '';
  text.lang = 'vi';
  text.addEventListener('change', () => { session.text = text.value; session.fileName = null; session.bytes = null; });
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = '.txt,text/plain';
  file.addEventListener('change', () => file.files?.[0] && onFile(file.files[0]));
  const drop = document.createElement('p');
  drop.className = 'drop-zone';
  drop.textContent = t.dropHere;
  const find = document.createElement('button');
  find.type = 'submit';
  find.textContent = t.find;
  find.dataset.key = 'find';
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    session.text = text.value;
    onSubmit();
  });
  form.append(fieldset, field(t.text, text, 'report-text'), field(t.file, file, 'report-file'), drop, find);
  return form;
}

