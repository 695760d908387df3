// What a number and an "i" open: a figure's sources and an indicator's definition. Both are
// among the dataset's long texts, fetched once (engine.js `loadTexts`): a popover asked for
// before they arrive opens when they do, unless the reader has since asked for another or
// moved the pointer away from the number that asked.
import { loadTexts } from '../engine.js';
import { indicatorName, messages } from '../i18n.js';
import { provenanceContent } from '../provenance.js';

/**
 * Shows the sources of `figure`: asked of the engine by its `ref` (a table's cell, a ranking's
 * bar), or as given (a profile's figure carries its own). A click opens them and keeps them
 * open; a hover shows them while the pointer is on the number (or on the quote), never over a
 * quote the reader opened by clicking.
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 * @param {any} figure
 */
export async function openFigure(app, anchor, figure, { focus = false, hover = false, leave = false } = {}) {
  if (leave) {
    if (app.opening?.hover) app.opening = null;
    app.popover.leave(anchor);
    return;
  }
  if (hover && app.popover.isPinned()) return;
  const opening = (app.opening = { hover });
  const full = figure.ref ? await withTexts(() => app.dataset.provenance(figure.ref)) : figure;
  if (opening !== app.opening) return;
  const content = full
    ? provenanceContent(full, { sources: app.sources, provinces: app.provinces, lang: app.state.lang })
    : failed(app);
  app.popover.show(anchor, content, { focus, pinned: !hover });
}

/**
 * Shows what `indicator` counts and how its figures are made.
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 * @param {any} indicator
 */
export async function openDefinition(app, anchor, indicator) {
  const opening = (app.opening = { hover: false });
  const definition = await withTexts(() => app.dataset.definition(indicator.id));
  if (opening !== app.opening) return;
  const lang = app.state.lang;
  const box = document.createElement('div');
  box.className = 'definition';
  const name = document.createElement('strong');
  name.textContent = indicatorName(indicator, lang);
  box.append(name);
  if (!definition) box.append(failed(app));
  const texts = definition ? (lang === 'en' ? [definition.definitionEn, definition.methodologyEn] : [definition.definitionVi, definition.methodologyVi]) : [];
  texts.forEach((text, i) => {
    if (!text) return;
    const paragraph = document.createElement('p');
    if (i === 1) paragraph.className = 'methodology';
    paragraph.textContent = text;
    box.append(paragraph);
  });
  app.popover.show(anchor, box, { focus: true });
}

/**
 * Whether the long texts are attached, fetching them if need be; when they cannot be, says so
 * beside `anchor` (the button the reader pressed).
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 */
export async function textsReady(app, anchor) {
  if ((await withTexts(() => true))) return true;
  app.popover.show(anchor, failed(app), { focus: true });
  return false;
}

/** The engine's answer once the texts are attached, or null when they could not be fetched. */
async function withTexts(ask) {
  try {
    await loadTexts();
  } catch (error) {
    console.warn('ict-compare could not fetch its texts:', error);
    return null;
  }
  return ask();
}

function failed(app) {
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.textContent = messages(app.state.lang).textsFailed;
  return note;
}
