// The map tab: a choropleth of Vietnam's provinces from the TopoJSON boundaries (Open Development
// Mekong, CC BY-SA 4.0), projected with d3-geo. It colours what the app hands it and computes
// nothing the engine computes. It is loaded with import() when the tab opens.
//
// Content-Security-Policy: everything is drawn with presentation attributes (fill, stroke,
// font-family…), never style attributes or <style> elements; the tooltip is placed through the
// CSSOM (element.style.transform), which `style-src 'self'` allows. Layout rules are in map.css.
import { downloads, redrawOnResize } from './svg.js';
import { WORDS } from './map/palette.js';
import { prepare } from './map/geography.js';
import { drawMap } from './map/draw.js';
import { interact } from './map/interact.js';
import { dataTable } from './map/table.js';

let serial = 0;

/**
 * Draws the map into `container` and keeps it as wide as the container. The values come in
 * the engine's order (first first), each with its legend bin; the bins are the engine's.
 * @param {HTMLElement} container
 * @param {{lang: 'vi'|'en', scheme: 'p63'|'p34', topology: any, title: string, legendTitle: string,
 *          values: {id: string, label: string, value: number, bin: number, display: string}[],
 *          bins: {from: number, to: number, count: number}[], legendDecimals: number,
 *          names: Record<string, string>, outlined?: string | null,
 *          noDataLabel: string, attribution: string, onSelect?: (id: string) => void,
 *          caption?: () => string[]}} model
 * @returns {{svg(): string, png(scale?: number): Promise<Blob>}}
 */
export function render(container, model) {
  const words = WORDS[model.lang] ?? WORDS.vi;
  const geography = prepare(model);
  const figure = document.createElement('figure');
  figure.className = 'ict-map';
  const frame = document.createElement('div');
  frame.className = 'ict-map-frame';
  const tip = document.createElement('div');
  tip.className = 'ict-map-tip';
  tip.setAttribute('aria-hidden', 'true');
  tip.hidden = true;
  // The table sits in a clipping box: a table ignores `width`, and a long one hidden only by
  // `.visually-hidden` would still widen the page on a phone.
  const data = document.createElement('div');
  data.className = 'ict-map-data';
  data.append(dataTable(model, geography, words));
  figure.append(frame, data);
  container.replaceChildren(figure);

  const id = `ict-map-${++serial}`;
  // `room` is the container's width the map was drawn for; `width` and `height` are the image's.
  const view = { svg: null, room: 0, width: 0, height: 0 };
  const draw = () => {
    const room = Math.max(280, Math.floor(frame.clientWidth || container.clientWidth || 640));
    if (room === view.room && view.svg) return;
    const drawn = drawMap(model, geography, words, room, id);
    frame.replaceChildren(drawn.svg, tip);
    tip.hidden = true;
    Object.assign(view, drawn, { room });
  };
  draw();
  interact(frame, tip, view, model, geography);

  redrawOnResize(container, figure, frame, draw);

  // A download leaves out the hover outline and the keyboard and legend attributes.
  return downloads(view, { drop: '.ict-map-highlight', pageOnly: ['tabindex', 'role', 'aria-hidden'], caption: model.caption });
}
