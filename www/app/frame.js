// The frame of <ict-compare>: the masthead, the pickers, the tabs, the panel and the
// toolbar, built once when the engine is ready, and the tabs' keyboard.
// Each function takes the App (www/app.js) whose frame it draws.
import { IndicatorPicker, ProvincePicker } from '../pickers.js';
import { ProvenancePopover } from '../provenance.js';
import { cancelOpening } from './popovers.js';
import { TABS } from '../state.js';
import { openUserFile } from '../user-file.js';
import { needsViews, prefetchViews } from '../engine.js';

export function build(app) {
  const header = document.createElement('header');
  header.className = 'masthead';
  app.titleEl = document.createElement('h2');
  app.titleEl.className = 'title';
  app.ledeEl = document.createElement('p');
  app.ledeEl.className = 'lede';
  app.langButton = document.createElement('button');
  app.langButton.type = 'button';
  app.langButton.className = 'lang';
  app.langButton.addEventListener('click', () => app.update({ lang: app.state.lang === 'vi' ? 'en' : 'vi' }));
  header.append(app.titleEl, app.langButton, app.ledeEl);

  app.notice = document.createElement('p');
  app.notice.className = 'notice';
  app.notice.setAttribute('role', 'alert');
  app.notice.hidden = true;

  const controls = document.createElement('div');
  controls.className = 'controls';
  app.provincePicker = new ProvincePicker({
    catalog: app.catalog,
    onAdd: (id) => app.update({ provinces: [...app.state.provinces, id] }),
    onRemove: (id) => app.update({ provinces: app.state.provinces.filter((p) => p !== id) }),
  });
  app.indicatorPicker = new IndicatorPicker({
    catalog: app.catalog,
    onChange: (ids) => app.update({ indicators: ids }),
    onDefinition: (anchor, indicator) => app.showDefinition(anchor, indicator),
  });
  app.options = document.createElement('div');
  app.options.className = 'options';
  controls.append(app.provincePicker.element, app.indicatorPicker.element, app.options);
  controls.id = 'controls';
  // In a narrow container (a phone, a portal's side column) the answer comes first and the
  // controls wait behind app button; in a wide one the button is not shown (styles.css).
  app.controlsToggle = document.createElement('button');
  app.controlsToggle.type = 'button';
  app.controlsToggle.className = 'controls-toggle';
  app.controlsToggle.setAttribute('aria-controls', 'controls');
  app.controlsToggle.setAttribute('aria-expanded', 'false');
  app.controlsToggle.addEventListener('click', () => {
    const open = controls.classList.toggle('open');
    app.controlsToggle.setAttribute('aria-expanded', String(open));
  });

  app.tablist = document.createElement('div');
  app.tablist.className = 'tabs';
  app.tablist.setAttribute('role', 'tablist');
  app.tabButtons = new Map();
  for (const tab of TABS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'tab');
    button.id = `tab-${tab}`;
    button.dataset.tab = tab;
    button.setAttribute('aria-controls', 'panel');
    button.addEventListener('click', () => app.update({ tab }));
    button.addEventListener('keydown', (event) => tabKey(app, event, tab));
    // A tab the views' engine draws asks for it as soon as a reader points at it or moves to it,
    // so that it is most often here by the click; the panel puts it in use (App.useViews).
    if (needsViews(tab)) {
      const prefetch = () => { if (app.dataset === app.bundled) prefetchViews(); };
      button.addEventListener('pointerenter', prefetch);
      button.addEventListener('focus', prefetch);
    }
    app.tabButtons.set(tab, button);
    app.tablist.append(button);
  }
  app.panel = document.createElement('section');
  app.panel.className = 'panel';
  app.panel.id = 'panel';
  app.panel.setAttribute('role', 'tabpanel');
  app.panel.addEventListener('dragover', (event) => {
    event.preventDefault();
    app.panel.classList.add('dropping');
  });
  app.panel.addEventListener('dragleave', () => app.panel.classList.remove('dropping'));
  app.panel.addEventListener('drop', (event) => {
    event.preventDefault();
    app.panel.classList.remove('dropping');
    const file = event.dataTransfer?.files?.[0];
    if (file) openUserFile(app, file);
  });

  app.toolbar = document.createElement('div');
  app.toolbar.className = 'toolbar';
  app.footer = document.createElement('footer');
  app.footer.className = 'footer';
  app.popover = new ProvenancePopover(app.frame, app.state.lang);
  app.embedDialog = document.createElement('dialog');
  app.embedDialog.className = 'embed-dialog';
  app.frame.replaceChildren(header, app.notice, app.controlsToggle, controls, app.tablist, app.panel, app.toolbar, app.footer, app.embedDialog);
  app.root.addEventListener('keydown', (event) => {
    if (/** @type {KeyboardEvent} */ (event).key !== 'Escape') return;
    cancelOpening(app);
    app.popover.hide(true);
  });
  app.root.addEventListener('click', (event) => {
    const path = /** @type {Element[]} */ (event.composedPath());
    // A click elsewhere closes the popover; not one on the popover, on a number or an "i" (which
    // open their own), nor on the button it was just opened beside (a download refused).
    const own = path.includes(app.popover.panel) || (app.popover.anchor && path.includes(app.popover.anchor));
    if (!own && !path.some((n) => n.classList?.contains('value') || n.classList?.contains('info'))) {
      cancelOpening(app);
      app.popover.hide();
    }
  });
}

export function tabKey(app, event, tab) {
  const index = TABS.indexOf(tab);
  const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = TABS[(next + TABS.length) % TABS.length];
  app.update({ tab: target });
  app.tabButtons.get(target).focus();
}

// ---- rendering ----------------------------------------------------------------------------
