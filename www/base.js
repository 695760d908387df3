// Where the page's files are: the folder of the built module (dist/ when bundled), for the
// styles, the map's boundaries and the addresses of links and snippets.
export const BASE = new URL('.', import.meta.url);
