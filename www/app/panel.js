// The panel under the tabs: which tab's code draws it, loaded on demand for all but the table,
// and the guard that keeps a tab whose code arrives late from drawing over a newer one.
import { renderAddTab, renderProfileTab, renderSourcesTab, renderTableTab } from './tabs.js';
import { renderProvinceTab } from './province-tab.js';
import { loadTexts, needsViews } from '../engine.js';
import { messages } from '../i18n.js';

/** How long a tab may take to draw before the panel says it is loading. */
const LOADING_NOTE_MS = 150;

/** @param {import('../app.js').App} app */
function showLoading(app) {
  const note = document.createElement('p');
  note.className = 'status';
  note.setAttribute('role', 'status');
  note.textContent = messages(app.state.lang).loading;
  app.panel.replaceChildren(note);
}

/**
 * Draws the panel of the tab on screen; a promise when its code loads on demand, settled when
 * the panel is drawn.
 * @param {import('../app.js').App} app
 */
export function drawPanel(app) {
  const tab = app.state.tab;
  app.currentImage = null;
  // A tab whose code arrives after the reader has moved on draws nothing.
  const token = (app.renderToken = Symbol(tab));
  const current = () => token === app.renderToken;
  // The tabs that list quotes (the profile, a source's figures) or add a reader's figures wait
  // for the long texts; if they cannot be fetched, the panel says so in the reader's words.
  const texts = () => loadTexts().catch((error) => {
    console.warn('ict-compare could not fetch its texts:', error);
    throw new Error(messages(app.state.lang).textsFailed);
  });
  // Every tab but the table's and Add a report's is drawn by the views' engine, fetched the
  // first time one opens.
  const engine = needsViews(tab) ? app.useViews() : null;
  try {
    let pending = null;
    if (tab === 'table') renderTableTab(app);
    // The chart's and map's tabs load with their views, not with the first one.
    else if (tab === 'chart') pending = Promise.all([import('./graphics.js'), engine]).then(([g]) => current() && g.renderChartTab(app));
    else if (tab === 'map') pending = Promise.all([import('./graphics.js'), engine]).then(([g]) => current() && g.renderMapTab(app));
    // Each view's code is fetched first and the tab drawn only if still current; the
    // renderer's own import of it then settles at once, before any other action of the reader.
    else if (tab === 'profile') pending = Promise.all([import('../views/profile.js'), texts(), engine]).then(() => current() && renderProfileTab(app));
    else if (tab === 'province') pending = Promise.all([import('../views/province.js'), engine]).then(() => current() && renderProvinceTab(app));
    else if (tab === 'add') pending = Promise.all([import('../views/add-report.js'), texts()]).then(() => current() && renderAddTab(app));
    else pending = Promise.all([import('../views/sources.js'), texts(), engine]).then(() => current() && renderSourcesTab(app));
    if (!pending) return undefined;
    // A tab whose code or engine is still on its way says so, once the wait is long enough to
    // notice, unless it has drawn meanwhile (a tab may go on to fetch a part of itself, as the
    // province's map does); the tab's drawing replaces the note.
    const shown = app.panel.firstChild;
    const wait = setTimeout(() => { if (current() && app.panel.firstChild === shown) showLoading(app); }, LOADING_NOTE_MS);
    return pending
      .catch((error) => current() && app.showPanelError(error))
      .finally(() => clearTimeout(wait));
  } catch (error) {
    app.showPanelError(error);
    return undefined;
  }
}
