// "Thêm báo cáo / Add a report": a provincial report's text in, its figures out. The engine
// proposes every figure with its quote (one call, `extract`); the person accepts or rejects
// each, picks the indicator and fixes the period or qualifier; the engine writes the rows
// (`reportRows`), which join the bundled figures at once as the user's and can be downloaded
// for data/. Nothing leaves the browser. The session lives in `model.session`, so a re-render
// (a language switch, an accepted figure) keeps every choice and the focus.
import { offer } from '../download.js';
import { formatNumber } from '../format.js';
import { messages } from '../i18n.js';
import { addReportWords } from '../i18n/add-report.js';
import { initialDecision, renderCandidates } from './add-report-candidates.js';
import { loadSecondEngine, secondEngineWords } from '../second-engine.js';
import { reportForm } from './add-report-form.js';
import { renderText, setAsideList } from './add-report-text.js';
import { errorPlace, errorSentence } from '../user-errors.js';

/**
 * @typedef {{
 *   lang: 'vi'|'en', catalog: import('../../pkg/ict_compare.js').Catalog, session: object,
 *   onAccepted: (observationsCsv: string|null, name: string) => void, onShowTable: () => void,
 * }} AddReportModel
 */

async function readFile(file, model, rerender) {
  const { session } = model;
  // The engine's own limit, said before a larger file is read.
  const limit = model.engine.maxBytes;
  if (file.size > limit) {
    session.error = `${addReportWords(model.lang).failed}: ${file.name} > ${formatNumber(limit / 1048576, model.lang)} MB`;
    rerender();
    return;
  }
  session.bytes = new Uint8Array(await file.arrayBuffer());
  session.fileName = file.name;
  // The engine decodes the bytes itself, so that another encoding is refused, not garbled.
  session.text = null;
  runExtract(model, rerender);
}

function runExtract(model, rerender) {
  const { session, engine, lang } = model;
  const t = addReportWords(lang);
  const bytes = session.bytes ?? new TextEncoder().encode(session.text ?? '');
  session.error = null;
  if (!bytes.length) {
    session.error = t.empty;
    rerender();
    return;
  }
  try {
    const extraction = engine.extract(bytes, session.fileName ?? 'report.txt', {
      province: session.report.province || null,
      published: session.report.published || null,
    });
    session.extraction = extraction;
    session.text = extraction.text;
    session.bytes = null;
    session.decisions = extraction.candidates.map(initialDecision);
    session.selected = extraction.candidates.length ? 0 : null;
    session.focusKey = 'summary';
    model.onAccepted(null, '');
  } catch (error) {
    const cause = error.cause ?? {};
    session.error = `${t.failed}${errorPlace(cause, lang)}: ${errorSentence(cause, lang, error.message)}`;
    session.focusKey = 'error';
  }
  rerender();
}

/** The rows of the accepted figures, for the page (`provisional`) or for data/. */
function rows(model, provisional) {
  const { session, engine } = model;
  const report = { ...session.report };
  const figures = [];
  session.extraction.candidates.forEach((c, i) => {
    const d = session.decisions[i];
    if (d.status !== 'accepted') return;
    figures.push({
      value: c.value, scale: c.scale, unit: c.unit, outOf: c.outOf, indicator: d.indicator,
      period: d.period, qualifier: d.qualifier, isTarget: d.isTarget, quote: c.quote,
    });
  });
  if (provisional) {
    const year = (report.published || new Date().toISOString()).slice(0, 4);
    if (!/^[a-z]+-\d{4}[a-z]?$/.test(report.id)) report.id = `report-${year}`;
    report.title ||= session.fileName || 'report';
    report.published ||= `${year}-01-01`;
  }
  return { count: figures.length, rows: engine.reportRows({ report, figures }) };
}

/** After a decision: the accepted figures join the bundled ones, or the problem is said. */
function commit(model, index) {
  const { session, lang } = model;
  const t = addReportWords(lang);
  if (!session.report.province) {
    session.notice = t.needReport;
    model.onAccepted(null, '');
    return;
  }
  try {
    const { count, rows: written } = rows(model, true);
    session.notice = count ? t.added(count) : null;
    model.onAccepted(count ? written.observations : null, session.fileName ?? 'report.txt');
  } catch (error) {
    const message = error.cause?.message ?? error.message;
    if (index == null) session.notice = message;
    else {
      session.decisions[index].status = null;
      session.decisions[index].problem = message;
    }
  }
}

function downloads(model) {
  const { session, lang } = model;
  const t = addReportWords(lang);
  const section = document.createElement('section');
  section.className = 'downloads';
  const heading = document.createElement('h3');
  heading.textContent = t.downloads;
  section.append(heading);
  let written;
  try {
    written = rows(model, false).rows;
  } catch {
    const note = document.createElement('p');
    note.textContent = t.needReport;
    section.append(note);
    return section;
  }
  const button = (text, key, make) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.key = key;
    b.addEventListener('click', () => offer(...make(), section));
    return b;
  };
  const csv = (text) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  const name = written.textFile.split('/').pop();
  section.append(
    button(t.downloadObservations, 'download-observations', () => [csv(written.observations), 'observations.csv']),
    button(t.downloadSources, 'download-sources', () => [csv(written.sources), 'sources.csv']),
    button(t.downloadText(written.textFile), 'download-text', () => [new Blob([session.text], { type: 'text/plain;charset=utf-8' }), name]),
  );
  return section;
}

/**
 * Loads the extraction assistant (once), then draws the view.
 * @param {HTMLElement} container
 * @param {AddReportModel} model
 */
export async function render(container, model) {
  let engine;
  try {
    // The assistant is part of the engine's second module, fetched when a report is first
    // added, so that its code stays out of the first view.
    engine = (await loadSecondEngine()).extractor();
  } catch (error) {
    // Said in the reader's words by the tab (www/app/tabs.js), which shows the message.
    console.warn('ict-compare could not load its second module:', error);
    throw new Error(secondEngineWords(error, messages(model.lang)));
  }
  draw(container, { ...model, engine });
}

/** Draws the view; `model.engine` is the loaded extractor. */
function draw(container, model) {
  const { session, lang } = model;
  session.report ??= { id: '', title: '', outlet: '', published: '', province: '' };
  const t = addReportWords(lang);
  const rerender = () => draw(container, model);
  const intro = document.createElement('p');
  intro.className = 'intro';
  intro.textContent = t.intro;
  /** @type {HTMLElement[]} */
  const nodes = [intro, reportForm({
    session, lang, catalog: model.catalog,
    onFile: (file) => readFile(file, model, rerender),
    onSubmit: () => runExtract(model, rerender),
    // The report's details are in every row: accepted figures are written again.
    onReportChange: () => {
      if (!session.extraction || !session.decisions.some((d) => d.status === 'accepted')) return;
      commit(model, null);
      rerender();
    },
  })];
  if (session.error) {
    const error = document.createElement('p');
    error.className = 'status error';
    error.setAttribute('role', 'alert');
    error.tabIndex = -1;
    error.dataset.key = 'error';
    error.textContent = session.error;
    nodes.push(error);
  }
  const extraction = session.extraction;
  if (extraction && !session.error) {
    const summary = document.createElement('p');
    summary.className = 'summary';
    summary.setAttribute('role', 'status');
    summary.tabIndex = -1;
    summary.dataset.key = 'summary';
    summary.textContent = `${t.found(extraction.candidates.length, extraction.rejected.length)} ${session.notice ?? ''}`;
    const workspace = document.createElement('div');
    workspace.className = 'workspace';
    const pane = document.createElement('div');
    pane.className = 'text-pane';
    const showText = () => renderText(pane, {
      extraction, decisions: session.decisions, selected: session.selected, lang,
      onPick: (index) => { session.selected = index; showText(); container.querySelector(`[data-key="c${index}-show"]`)?.focus(); },
    });
    const listPane = document.createElement('div');
    listPane.className = 'list-pane';
    const heading = document.createElement('h3');
    heading.textContent = t.candidates;
    listPane.append(heading, renderCandidates({
      candidates: extraction.candidates, decisions: session.decisions, indicators: model.catalog.indicators, lang,
      onShow: (index, { quiet } = {}) => {
        if (session.selected === index && quiet) return;
        session.selected = index;
        showText();
      },
      onChange: (index, patch, changesRows) => {
        const decision = session.decisions[index];
        if (patch.status === 'accepted' && !decision.indicator) {
          decision.problem = t.needIndicator;
        } else {
          Object.assign(decision, patch);
          if (changesRows) commit(model, index);
        }
        rerender();
      },
    }));
    showText();
    workspace.append(pane, listPane);
    nodes.push(summary, workspace, setAsideList(extraction.rejected, lang), downloads(model));
    if (session.decisions.some((d) => d.status === 'accepted') && session.report.province) {
      const table = document.createElement('button');
      table.type = 'button';
      table.textContent = t.showTable;
      table.addEventListener('click', () => model.onShowTable());
      nodes.push(table);
    }
  }
  container.replaceChildren(...nodes);
  if (!container.dataset.listening) {
    container.dataset.listening = 'true';
    container.addEventListener('focusin', (event) => {
      const key = event.target?.dataset?.key;
      if (key) session.focusKey = key;
    });
    // A text dropped anywhere on the view is a report, not a CSV for the whole page.
    container.addEventListener('dragover', (event) => {
      event.preventDefault();
      event.stopPropagation();
      container.classList.add('dropping');
    });
    container.addEventListener('dragleave', () => container.classList.remove('dropping'));
    container.addEventListener('drop', (event) => {
      event.preventDefault();
      event.stopPropagation();
      container.classList.remove('dropping');
      const dropped = event.dataTransfer?.files?.[0];
      if (dropped) readFile(dropped, model, rerender);
    });
  }
  // Put the focus back where the person was, once the container is on the page.
  const key = session.focusKey;
  if (key) {
    requestAnimationFrame(() => {
      const target = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
      if (target && container.isConnected && !container.contains(container.getRootNode().activeElement)) target.focus();
    });
  }
}

