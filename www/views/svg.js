// What the chart and the map share: SVG elements, text measured in the drawing's font,
// balanced wrapping, redrawing when the container's width changes, and export of the drawing
// as a standalone SVG file or a PNG. Nothing here knows what is drawn.

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT = 'system-ui, sans-serif';
export const PAPER = '#ffffff';
/** The white margin around a downloaded image. */
export const MARGIN = 16;

/** An SVG element with attributes (null ones left out) and text. */
export function node(name, attributes = {}, content) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value != null) element.setAttribute(key, String(value));
  }
  if (content != null) element.textContent = content;
  return element;
}

let measure;
/** The width of a text in the drawing's font, for margins and wrapping. */
export function textWidth(content, size, weight, style = 'normal') {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return content.length * size * 0.6;
  measure.font = `${style} ${weight} ${size}px ${FONT}`;
  return measure.measureText(content).width;
}

/** Words in lines no wider than `width`, balanced so that the last line is not a lone word. */
export function wrap(content, width, size, weight) {
  const greedy = (limit) => {
    const lines = [];
    let line = '';
    for (const word of String(content).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (line && textWidth(next, size, weight) > limit) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    if (line) lines.push(line);
    return lines;
  };
  const lines = greedy(width);
  if (lines.length < 2) return lines;
  let [low, high] = [width / lines.length, width];
  for (let i = 0; i < 10; i++) {
    const middle = (low + high) / 2;
    if (greedy(middle).length <= lines.length) high = middle;
    else low = middle;
  }
  return greedy(high);
}

const observers = new WeakMap();

/**
 * Calls `draw` again whenever `watched` changes size, in the next frame so that a redraw never
 * feeds the observer it comes from; one observer per container, replaced on each render.
 */
export function redrawOnResize(container, figure, watched, draw) {
  observers.get(container)?.disconnect();
  let frameRequest = 0;
  const observer = new ResizeObserver(() => {
    if (!figure.isConnected) {
      observer.disconnect();
      return;
    }
    cancelAnimationFrame(frameRequest);
    frameRequest = requestAnimationFrame(draw);
  });
  observer.observe(watched);
  observers.set(container, observer);
}

/** Attributes that only the page needs, dropped from a downloaded file. */
const PAGE_ONLY = ['class', 'tabindex', 'role', 'data-id', 'aria-label', 'aria-hidden', 'aria-description'];

/**
 * The SVG as a file of its own: namespaces, a description, a white margin, no page-only
 * attributes; elements matching `drop` (a selector) are left out.
 */
export function standalone(svg, width, height, drop = null) {
  const copy = svg.cloneNode(true);
  copy.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
  const [outerWidth, outerHeight] = [width + 2 * MARGIN, height + 2 * MARGIN];
  copy.setAttribute('width', outerWidth);
  copy.setAttribute('height', outerHeight);
  copy.setAttribute('viewBox', `${-MARGIN} ${-MARGIN} ${outerWidth} ${outerHeight}`);
  const background = copy.querySelector(':scope > rect');
  for (const [name, value] of [['x', -MARGIN], ['y', -MARGIN], ['width', outerWidth], ['height', outerHeight]]) background?.setAttribute(name, value);
  copy.querySelector('title')?.after(node('desc', {}, svg.getAttribute('aria-label')));
  if (drop) for (const element of copy.querySelectorAll(drop)) element.remove();
  for (const attribute of PAGE_ONLY) copy.removeAttribute(attribute);
  for (const element of copy.querySelectorAll(PAGE_ONLY.map((a) => `[${a}]`).join(', '))) {
    for (const attribute of PAGE_ONLY) element.removeAttribute(attribute);
  }
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  return { markup, width: outerWidth, height: outerHeight };
}

/** Draws SVG markup onto a canvas through an <img> of a data: URL (allowed by img-src data:). */
export async function rasterise({ markup, width, height }, scale) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d');
  context.fillStyle = PAPER;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
  });
}

/** The downloads of a drawn view: `{ svg(), png(scale) }`. */
export function downloads(view, drop = null) {
  return {
    svg: () => standalone(view.svg, view.width, view.height, drop).markup,
    png: (scale = 2) => rasterise(standalone(view.svg, view.width, view.height, drop), scale),
  };
}
