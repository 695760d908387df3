// Addresses from data become links only when they are web addresses. A report's `url` comes
// from a data file, and a reader's file is outside input: a `javascript:`, `data:` or
// `vbscript:` address (or anything but http and https) is shown as text and never as a link,
// whatever the data says, so that no click on the page can run script from data.

const WEB = new Set(['http:', 'https:']);

/** The address as an absolute http(s) URL, or null for any other scheme or no URL at all. */
export function webAddress(text) {
  if (typeof text !== 'string' || text.trim() === '') return null;
  let url;
  try {
    // No base: a relative address is not a report's address.
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return WEB.has(url.protocol) ? url.href : null;
}

/**
 * An `<a>` to the address when it is a web address; otherwise the address as plain text in a
 * `<span>`, so that the reader still sees what the data says.
 */
export function addressNode(text) {
  const href = webAddress(text);
  if (!href) {
    const span = document.createElement('span');
    span.className = 'address-text';
    span.textContent = text;
    return span;
  }
  const link = document.createElement('a');
  link.href = href;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  link.textContent = text;
  return link;
}

/**
 * A link with words of its own (the publisher's page) to a web address, or null when the
 * address is not one: the reader then sees the words without a link.
 */
export function publisherLink(url, text) {
  const href = webAddress(url);
  if (!href) return null;
  const link = document.createElement('a');
  link.href = href;
  link.rel = 'noopener noreferrer';
  link.target = '_blank';
  link.className = 'publisher';
  link.textContent = text;
  return link;
}
