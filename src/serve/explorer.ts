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

export function explorerRouter(dir = explorerDir()): express.Router {
  const router = express.Router();
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
