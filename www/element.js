// <ict-compare>: the whole tool as one custom element, for the page itself and for any portal
// that embeds it. Attributes set the view; `sync-url` makes the element read and write the
// page's address so that a link reopens the same view.
import { App } from './app.js';
import { offerCompiled } from './engine.js';

export const ATTRIBUTES = ['provinces', 'indicators', 'lang', 'tab', 'period', 'scheme', 'focus', 'province', 'per-capita', 'view'];

class IctCompareElement extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  connectedCallback() {
    if (this.app) return;
    const root = this.attachShadow({ mode: 'open' });
    this.app = new App(root, this);
    this.app.start();
  }

  attributeChangedCallback() {
    this.app?.applyAttributes();
  }
}

/**
 * Defines <ict-compare>, once per page, with the engine the element's script began compiling
 * (www/entry.js), if any.
 * @param {{file: string, module: Promise<WebAssembly.Module | null>} | null} ahead
 */
export function define(ahead) {
  if (customElements.get('ict-compare')) return;
  if (ahead) offerCompiled(ahead.file, ahead.module);
  customElements.define('ict-compare', IctCompareElement);
}
