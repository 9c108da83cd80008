/**
 * The graph explorer at /explorer: the Vite build of src/explore (dist/explorer), served
 * as static files; any other path under /explorer gets its index.html, so shared URLs work.
 */
import express from 'express';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** dist/explorer of this package, from src/serve (tests) or dist/src/serve (built). */
export function explorerDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'explorer');
    if (path.dirname(dir) === dir) return path.join(process.cwd(), 'dist', 'explorer');
  }
}

/** Encodings the build writes beside each text asset, in the order they are preferred. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * Sends the build's .br or .gz copy of a text asset when the browser takes it: the bundle is
 * a fifth of its size in Brotli, and compressing once at build costs no time per request.
 */
function precompressed(dir: string): express.RequestHandler {
  const root = path.resolve(dir);
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const wanted = String(req.headers['accept-encoding'] ?? '');
    let rel: string;
    try {
      rel = decodeURIComponent(req.path === '/' ? '/index.html' : req.path);
    } catch {
      return next();
    }
    const file = path.resolve(root, `.${rel}`);
    if (!file.startsWith(root + path.sep)) return next();
    for (const encoding of ENCODINGS) {
      if (!new RegExp(`\\b${encoding.name}\\b`).test(wanted)) continue;
      if (!existsSync(file + encoding.suffix)) continue;
      res.setHeader('Content-Encoding', encoding.name);
      res.setHeader('Vary', 'Accept-Encoding');
      res.type(path.extname(file));
      res.sendFile(file + encoding.suffix, { maxAge: rel === '/index.html' ? 0 : '1h' });
      return;
    }
    res.setHeader('Vary', 'Accept-Encoding');
    next();
  };
}

export function explorerRouter(dir = explorerDir()): express.Router {
  const router = express.Router();
  router.use(precompressed(dir));
  router.use(express.static(dir, { index: 'index.html', maxAge: '1h' }));
  router.use((_req, res) => {
    const index = path.join(dir, 'index.html');
    if (existsSync(index)) res.sendFile(index);
    else
      res
        .status(503)
        .type('text')
        .send('The explorer is not built: run `npm run build` (it builds the explorer too).\n');
  });
  return router;
}
