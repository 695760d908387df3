// The chart tab: one indicator across provinces as horizontal bars, or provinces over time as
// lines, drawn as SVG with Observable Plot. The view draws what the app hands it and computes
// nothing the engine computes. It is loaded with import() when the tab opens.
//
// Content-Security-Policy: Plot always appends a <style> element to the SVG it makes. The element
// is taken out before the SVG is connected to the page, so no inline style ever reaches a page
// served with `style-src 'self'`; the few rules it held are in chart.css. Everything else is
// drawn with presentation attributes (fill, font-family…), never style attributes, so the same
// SVG can be downloaded on its own.
import { downloads, redrawOnResize } from './svg.js';
import { WORDS } from './chart/palette.js';
import { drawBars } from './chart/bars.js';
import { drawLines } from './chart/lines.js';
import { dataTable } from './chart/table.js';

let serial = 0;

/**
 * Draws the chart into `container` and keeps it as wide as the container. `year` is the
 * timeline's: the lines mark it. Bars come in the engine's rank order and `periods` (the lines'
 * time axis) oldest first; `breaks` are the changes of method the lines cross.
 * @param {HTMLElement} container
 * @param {{kind: 'bars'|'lines', lang: 'vi'|'en', title: string, unitLabel: string,
 *          bars?: {id: string, label: string, value: number, qualifier: string, period: string,
 *                  derived: boolean, best: boolean, user: boolean}[],
 *          lines?: {id: string, label: string, points: {period: string, value: number, qualifier: string, acrossBreak: boolean}[]}[],
 *          periods?: string[], breaks?: {year: number}[],
 *          year?: number|null, better?: 'higher'|'lower'|'none',
 *          formatValue: (value: number, qualifier: string) => string,
 *          onSelect?: (id: string) => void, caption?: () => string[]}} model
 * @returns {{svg(): string, png(scale?: number): Promise<Blob>}}
 */
export function render(container, model) {
  const words = WORDS[model.lang] ?? WORDS.vi;
  const figure = document.createElement('figure');
  figure.className = model.onSelect ? 'ict-chart selectable' : 'ict-chart';
  const holder = document.createElement('div');
  holder.className = 'ict-chart-plot';
  // The table sits in a clipping box: a table ignores `width`, and a long one hidden only by
  // `.visually-hidden` would still widen the page on a phone.
  const data = document.createElement('div');
  data.className = 'ict-chart-data';
  data.append(dataTable(model, words));
  figure.append(holder, data);
  container.replaceChildren(figure);

  const id = `ict-chart-${++serial}`;
  const view = { svg: null, width: 0, height: 0 };
  const draw = () => {
    const width = Math.max(280, Math.floor(holder.clientWidth || container.clientWidth || 640));
    if (width === view.width && view.svg) return;
    const drawn = model.kind === 'lines' ? drawLines(model, words, width, id) : drawBars(model, words, width, id);
    holder.replaceChildren(drawn.svg);
    Object.assign(view, drawn, { width });
  };
  draw();

  if (model.onSelect) {
    holder.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('[data-id]') : null;
      if (target) model.onSelect(target.getAttribute('data-id'));
    });
  }
  redrawOnResize(container, figure, holder, draw);

  return downloads(view, { caption: model.caption });
}
