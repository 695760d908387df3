// What the chart and the map share: SVG elements, text measured in the drawing's font,
// balanced wrapping, redrawing when the container's width changes, and export of the drawing
// as a standalone SVG file or a PNG. Nothing here knows what is drawn.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The font family of every drawing, also used to measure text. */
export const FONT = 'system-ui, sans-serif';
/** The background colour of a drawing and of its downloads. */
export const PAPER = '#ffffff';
// The white margin around a downloaded image.
const MARGIN = 16;
// The source line of a downloaded image.
const CAPTION_SIZE = 11;
const CAPTION_LEADING = 15;
const CAPTION_GAP = 10;
const CAPTION_INK = '#505a6b';

/** Greedy wrap of one line of the source line to `width` pixels, at spaces. */
function wrapLine(text, width, size) {
  const out = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, 400) > width) {
      out.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) out.push(line);
  return out;
}

/**
 * An SVG element with attributes (null ones left out) and text.
 * @param {string} name
 * @param {Record<string, unknown>} [attributes]
 * @param {string} [content]
 * @returns {SVGElement}
 */
export function node(name, attributes = {}, content) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value != null) element.setAttribute(key, String(value));
  }
  if (content != null) element.textContent = content;
  return element;
}

let measure;
/**
 * The width of a text in the drawing's font, for margins and wrapping.
 * @param {string} content
 * @param {number} size font size in pixels
 * @param {number} weight font weight
 * @param {string} [style] font style, 'italic' for instance
 * @returns {number}
 */
export function textWidth(content, size, weight, style = 'normal') {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return content.length * size * 0.6;
  measure.font = `${style} ${weight} ${size}px ${FONT}`;
  return measure.measureText(content).width;
}

/**
 * Words in lines no wider than `width`, balanced so that the last line is not a lone word.
 * @param {string} content
 * @param {number} width
 * @param {number} size font size in pixels
 * @param {number} weight font weight
 * @returns {string[]}
 */
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
 * @param {Element} container what the view was rendered into
 * @param {Element} figure the view's root; once it leaves the page, the observer stops
 * @param {Element} watched the element whose size is observed
 * @param {() => void} draw
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

// Attributes that only the page needs, taken off a downloaded file: these from its root…
const PAGE_ONLY_ROOT = ['class', 'role', 'aria-label'];
// …and these from every element inside it.
const PAGE_ONLY = ['data-id', 'class', 'aria-label', 'aria-description'];

/**
 * The SVG as a file of its own: namespaces, a description, a white margin, no page-only
 * attributes; elements matching `drop` (a selector) are left out, and the attributes in
 * `pageOnly` are taken off the elements inside too.
 */
function standalone(svg, width, drawnHeight, { drop = null, pageOnly = [], caption = null } = {}) {
  const copy = svg.cloneNode(true);
  // The source line under the drawing, as OWID's images carry it: what, when, from where, the
  // warnings on screen and the page's address, wrapped to the drawing's width.
  const lines = (caption?.() ?? []).flatMap((text) => wrapLine(text, width, CAPTION_SIZE));
  const height = drawnHeight + (lines.length ? CAPTION_GAP + lines.length * CAPTION_LEADING : 0);
  if (lines.length) {
    const group = node('g', { 'font-family': FONT, 'font-size': CAPTION_SIZE, fill: CAPTION_INK });
    lines.forEach((text, i) => group.append(node('text', { x: 0, y: drawnHeight + CAPTION_GAP + (i + 1) * CAPTION_LEADING - 3 }, text)));
    copy.append(group);
  }
  copy.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
  const [outerWidth, outerHeight] = [width + 2 * MARGIN, height + 2 * MARGIN];
  copy.setAttribute('width', outerWidth);
  copy.setAttribute('height', outerHeight);
  copy.setAttribute('viewBox', `${-MARGIN} ${-MARGIN} ${outerWidth} ${outerHeight}`);
  const background = copy.querySelector(':scope > rect');
  for (const [name, value] of [['x', -MARGIN], ['y', -MARGIN], ['width', outerWidth], ['height', outerHeight]]) background?.setAttribute(name, value);
  copy.querySelector('title')?.after(node('desc', {}, svg.getAttribute('aria-label')));
  if (drop) for (const element of copy.querySelectorAll(drop)) element.remove();
  for (const attribute of PAGE_ONLY_ROOT) copy.removeAttribute(attribute);
  const inner = [...PAGE_ONLY, ...pageOnly];
  for (const element of copy.querySelectorAll(inner.map((a) => `[${a}]`).join(', '))) {
    for (const attribute of inner) element.removeAttribute(attribute);
  }
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
  return { markup, width: outerWidth, height: outerHeight };
}

/** Draws SVG markup onto a canvas through an <img> of a data: URL (allowed by img-src data:). */
async function rasterise({ markup, width, height }, scale) {
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

/**
 * The downloads of a drawn view, read from `view` when asked for, so they follow redraws.
 * @param {{svg: SVGSVGElement, width: number, height: number}} view
 * @param {{drop?: string, pageOnly?: string[], caption?: () => string[]}} [options] `drop`: a
 *   selector for elements left out of the file; `pageOnly`: more attributes to take off the
 *   elements inside it; `caption`: the source line's lines, asked for at download time
 * @returns {{svg(): string, png(scale?: number): Promise<Blob>}}
 */
export function downloads(view, options = {}) {
  return {
    svg: () => standalone(view.svg, view.width, view.height, options).markup,
    png: (scale = 2) => rasterise(standalone(view.svg, view.width, view.height, options), scale),
  };
}
