// A static file server for dist/ on the loopback interface, with the content types the page
// needs (`application/wasm` for instantiateStreaming) and a strict Content-Security-Policy on
// every page (the main page and the embed example): no script but the page's own, none from
// data, whatever a data file or a reader's file says. The built index.html carries the same
// policy in a <meta> element, for hosts that send no header. Every other file is sent with
// `Access-Control-Allow-Origin: *`, so that a page of another origin can embed the element.
//
// Request headers up to 64 KB are read (Node's default is 16 KB), so that an address too long
// for the page still reaches the page, which says so, instead of failing with a bare 431.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.topojson': 'application/json; charset=utf-8',
};

const TOO_LONG = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>ict-compare</title><link rel="icon" href="data:,"></head>
<body><p>Đường dẫn quá dài nên không mở được. <a href="/">Mở trang so sánh</a>.</p>
<p lang="en">The address is too long to open. <a href="/">Open the comparison page</a>.</p></body></html>
`;

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

/**
 * Starts serving `root` on 127.0.0.1:`port` (0 picks a free port); resolves to the server.
 * `policy` is the Content-Security-Policy of every page (the benchmark passes one that lets
 * the peers it measures compile their own code).
 */
export function serve(root, port, { policy = STRICT_CSP } = {}) {
  const base = resolve(root);
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    } catch {
      // A malformed escape (`%E0%A4%A`) is the client's mistake, not a reason to stop serving.
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('bad request\n');
      return;
    }
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    let stat;
    try {
      stat = file.startsWith(base) ? statSync(file) : null;
    } catch {
      stat = null;
    }
    if (!stat || !stat.isFile()) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    };
    if (extname(file) === '.html') headers['content-security-policy'] = policy;
    // The module files (scripts, the engine, styles, boundaries) may be loaded by a page of
    // another origin: a portal that embeds with a <script type="module"> from here needs CORS
    // for the script, for the engine's fetch of its .wasm and its texts, and for the map's boundaries. Pages
    // themselves are not shared.
    else headers['access-control-allow-origin'] = '*';
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  });
  // An address longer still is answered with a short page that says so, in both languages, and
  // links to the page itself, rather than with Node's bare 431.
  server.on('clientError', (error, socket) => {
    if (!socket.writable) return;
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      const body = TOO_LONG;
      socket.end(`HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/html; charset=utf-8\r\ncontent-security-policy: ${STRICT_CSP}\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    } else {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    }
  });
  return new Promise((resolvePromise) => {
    server.listen(port, '127.0.0.1', () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(root, Number(port));
  console.log(`serving ${root}/ at http://127.0.0.1:${server.address().port}/`);
}
