// The provinces' boundaries (TopoJSON, Open Development Mekong, CC BY-SA 4.0), fetched once per
// list when a map is first drawn, never with the first view.
import { BASE } from '../base.js';

/** The boundaries of `scheme`'s provinces, fetched on first use and kept. */
export function boundaries(app, scheme) {
  app.topologies ??= new Map();
  if (!app.topologies.has(scheme)) {
    const url = new URL(`boundaries/vn${scheme.slice(1)}_odm.topojson`, BASE);
    app.topologies.set(scheme, fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url.pathname}: ${r.status}`);
      return r.json();
    }));
  }
  return app.topologies.get(scheme);
}
