// Builds the graph explorer (src/explore) into dist/explorer, served by the service at /explorer.
// `npx vite build --config vite.config.mjs` builds it; `npx vite --config vite.config.mjs` runs a
// dev server that forwards /graphql to a service on port 4000 (or EXPLORER_API).
import { defineConfig } from 'vite';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.join(here, 'dist/explorer');

/**
 * The CJK web font comes as WOFF2 only: every browser that runs the explorer reads WOFF2, and
 * the WOFF copies @fontsource lists as a fallback would double the font files shipped.
 */
const woff2Only = {
  name: 'policy-kg:woff2-only',
  enforce: 'pre',
  transform(code, id) {
    if (!/@fontsource[\\/].*\.css$/.test(id)) return null;
    return { code: code.replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, ''), map: null };
  },
};

/** Text assets are written beside themselves as .br and .gz, which the service sends when asked. */
const precompress = {
  name: 'policy-kg:precompress',
  apply: 'build',
  closeBundle() {
    const walk = (dir) =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? walk(file) : [file];
      });
    for (const file of walk(outDir)) {
      if (!/\.(js|css|html|svg|json|map)$/.test(file)) continue;
      const raw = readFileSync(file);
      if (raw.length < 1024) continue;
      writeFileSync(
        `${file}.br`,
        brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
      writeFileSync(`${file}.gz`, gzipSync(raw, { level: 9 }));
    }
  },
};

export default defineConfig({
  root: path.join(here, 'src/explore'),
  base: '/explorer/',
  plugins: [woff2Only, precompress],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
  },
  server: {
    proxy: { '/graphql': process.env.EXPLORER_API ?? 'http://localhost:4000' },
  },
});
