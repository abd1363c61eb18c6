import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

/** The editor's policy: its own scripts only, Monaco's blob workers, and the API socket on loopback. */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; "
  + "connect-src 'self' ws://127.0.0.1:*; img-src 'self' data:; font-src 'self' data:";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
  '.otf': 'font/otf', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** The Content-Type for a file name, by extension. */
export const mimeType = (file: string): string => MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';

const NOT_BUILT = `<!doctype html><html><head><meta charset="utf-8"><title>Junction</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem"><h1>Junction</h1>
<p>The editor is not built; run <code>npm run build</code>, then start <code>junction serve</code> again.
The engine's API is up meanwhile.</p></body></html>`;

const securityHeaders = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/**
 * Resolves a URL path to a file inside `root`, or undefined. Every decoded segment is checked,
 * so `..`, `%2e%2e`, `..%2f` and backslashes cannot climb out; symlinks must stay inside too.
 */
export function resolveStatic(root: string, urlPath: string): string | undefined | 'refused' {
  let decoded: string;
  try { decoded = decodeURIComponent(urlPath); } catch { return 'refused'; }
  if (decoded.includes('\0')) return 'refused';
  const segments = decoded.split(/[/\\]+/).filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return 'refused';
  const path = join(root, ...segments);
  if (path !== root && !path.startsWith(root + sep)) return 'refused';
  try {
    if (!statSync(path).isFile()) return undefined;
    const real = realpathSync(path);
    const realRoot = realpathSync(root);
    return real.startsWith(realRoot + sep) ? real : 'refused';
  } catch {
    return undefined;
  }
}

/** Serves the built renderer: files with their MIME type, index.html for app routes, the CSP on all. */
export function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | undefined): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed\n');
  }
  if (!root) return send(res, 503, NOT_BUILT, 'text/html; charset=utf-8');
  // The raw target, before any URL parsing: `new URL()` would quietly resolve `/../` and hide the attempt.
  const target = (req.url ?? '/').split('?')[0].split('#')[0];
  let file = resolveStatic(root, target);
  if (file === 'refused') return send(res, 400, 'Bad path\n');
  // A path without an extension is a route of the app; a missing asset stays a 404.
  if (!file && !extname(target)) file = existsSync(join(root, 'index.html')) ? join(root, 'index.html') : undefined;
  if (!file) return send(res, 404, 'Not found\n');
  const size = statSync(file).size;
  const isHashedAsset = target.startsWith('/assets/');
  res.writeHead(200, {
    ...securityHeaders,
    'Content-Type': mimeType(file),
    'Content-Length': size,
    // Vite names assets by content hash; index.html must be re-read to pick up a new build.
    'Cache-Control': isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') { res.end(); return; }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
