// Builds the graph explorer (src/explore) into dist/explorer, served by the service at /explorer.
// `npx vite build --config vite.config.mjs` builds it; `npx vite --config vite.config.mjs` runs a
// dev server that forwards /graphql to a service on port 4000 (or EXPLORER_API).
import { defineConfig } from 'vite';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(here, 'src/explore'),
  base: '/explorer/',
  build: {
    outDir: path.join(here, 'dist/explorer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://localhost:4000' },
  },
});
