/**
 * The explorer's files as the service sends them: Brotli or gzip when the browser takes it (the
 * build writes both beside each text asset), the plain file otherwise, and nothing outside the
 * build however the path is spelt.
 */
import 'reflect-metadata';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { explorerDir } from '../../src/serve/explorer';
import { startService, type RunningService } from '../../src/serve/server';
import { EmbeddedStore } from '../../src/store/embedded';

/** A raw GET (fetch would decode the body and hide the encoding). */
function get(
  url: string,
  encoding: string | null,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { headers: encoding ? { 'accept-encoding': encoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
  });
}

describe('explorer files', () => {
  let service: RunningService;
  const dir = explorerDir();
  let script: string;

  beforeAll(async () => {
    if (!existsSync(path.join(dir, 'index.html'))) {
      throw new Error(`the explorer is not built (${dir}): run npm run build:explorer`);
    }
    script = readdirSync(path.join(dir, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;
    service = await startService({ store: new EmbeddedStore(), port: 0, host: '127.0.0.1' });
  });
  afterAll(() => service?.close());

  test('the bundle comes as Brotli, gzip or plain as asked, and decodes to the built file', async () => {
    const raw = readFileSync(path.join(dir, 'assets', script));
    const url = `${service.url}/explorer/assets/${script}`;

    const br = await get(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(raw.length / 3);
    expect(brotliDecompressSync(br.body).equals(raw)).toBe(true);

    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(raw)).toBe(true);

    const plain = await get(url, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);
  });

  test('the page itself comes compressed too, with a shared view in its query', async () => {
    const page = await get(
      `${service.url}/explorer/?q=Shenyang&focus=place%3A%E6%B2%88%E9%98%B3`,
      'br',
    );
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    expect(page.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(page.body).toString()).toContain('id="graph"');
  });

  test('a path that climbs out of the build gets no file from outside it', async () => {
    for (const p of ['/explorer/..%2f..%2fpackage.json', '/explorer/%2e%2e/%2e%2e/package.json']) {
      const res = await get(`${service.url}${p}`, 'br');
      expect(res.body.toString()).not.toContain('"name": "policy-kg"');
    }
  });
});
