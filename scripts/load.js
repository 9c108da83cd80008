/**
 * npm run bench:load [-- --clients 20] [-- --seconds 30] [-- --neo4j]
 *
 * The bench's load mode: the service as `npm start` runs it (a child process serving the
 * seed reports), asked "which commitments involve Shenyang?" by `--clients` clients at once,
 * each asking again as soon as it is answered, for `--seconds`; on the embedded store, and
 * on Neo4j with --neo4j and NEO4J_URI set. Counts answers and errors (anything but a 200
 * with data and no errors), latency p50/p99, and the service's resident memory (VmRSS,
 * sampled every 250 ms: at start and at most). Writes bench/load.json and the "Under load"
 * section of docs/benchmarks.md.
 */
const { spawn } = require('node:child_process');
const { readFileSync, writeFileSync, mkdirSync } = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const root = path.join(__dirname, '..');
const args = require('./args').parseArgs(__filename, ['neo4j'], { clients: 20, seconds: 30 });
const CLIENTS = args.clients;
const SECONDS = args.seconds;
const withNeo4j = args.neo4j;
const QUERY = JSON.stringify({
  query:
    '{ commitments(filter: {involves: ["Shenyang"]}, first: 50) { totalCount nodes { id text places { name } } } }',
});

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function ask(agent, port, body) {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let ok = res.statusCode === 200;
          let answer = null;
          try {
            answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            ok = ok && !answer.errors && answer.data;
          } catch {
            ok = false;
          }
          resolve({ ok, status: res.statusCode, answer });
        });
        res.on('error', () => resolve({ ok: false, status: 0 }));
      },
    );
    req.on('error', (e) => resolve({ ok: false, status: 0, error: e.message }));
    req.end(body);
  });
}

const rss = (pid) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function underLoad(store) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), REPORTS_DIR: path.join(root, 'seeds') };
  if (store === 'embedded') delete env.NEO4J_URI;
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  try {
    // Ready when the three seed reports answer.
    const reportsQuery = JSON.stringify({ query: '{ reports { id } }' });
    for (let i = 0; ; i++) {
      if (i > 600) throw new Error(`${store}: the service did not load the seeds within 120 s`);
      const r = await ask(agent, port, reportsQuery);
      if (r.ok && r.answer.data.reports.length === 3) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const expected = (await ask(agent, port, QUERY)).answer.data.commitments.totalCount;
    for (let i = 0; i < 50; i++) await ask(agent, port, QUERY); // warm up
    const rssStart = rss(child.pid);
    let rssMax = rssStart;
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, rss(child.pid))), 250);
    const latencies = [];
    const errors = {};
    const until = Date.now() + SECONDS * 1000;
    const t0 = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < until) {
          const t = process.hrtime.bigint();
          const r = await ask(agent, port, QUERY);
          const ms = Number(process.hrtime.bigint() - t) / 1e6;
          if (r.ok && r.answer.data.commitments.totalCount === expected) latencies.push(ms);
          else {
            const why = r.error ?? (r.answer?.errors?.[0]?.extensions?.code || `HTTP ${r.status}`);
            errors[why] = (errors[why] ?? 0) + 1;
          }
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    latencies.sort((a, b) => a - b);
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    return {
      store,
      clients: CLIENTS,
      seconds: SECONDS,
      answers: latencies.length,
      errors: errorCount,
      errorKinds: errors,
      perSecond: Math.round(latencies.length / elapsed),
      p50: Math.round(pct(latencies, 50) * 100) / 100,
      p99: Math.round(pct(latencies, 99) * 100) / 100,
      rssStartMb: Math.round(rssStart),
      rssMaxMb: Math.round(rssMax),
    };
  } finally {
    agent.destroy();
    child.kill('SIGTERM');
    await new Promise((res) => child.once('exit', res));
  }
}

function section(rows) {
  const lines = [
    '<!-- load:start -->',
    '## Under load',
    '',
    `Produced by \`npm run bench:load${withNeo4j ? ' -- --neo4j' : ''}\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}): the service as \`npm start\` runs it, serving the three seed reports, asked "which commitments involve Shenyang?" (first 50, with their text and places) by ${CLIENTS} clients at once, each asking again as soon as it is answered, for ${SECONDS} s. An error is any answer but a 200 with the whole list. Memory is the service process's resident set (VmRSS) after warming up and at most during the run; on Neo4j the database's own memory is not in it.`,
    '',
    '| store | answers | errors | answers/s | p50 (ms) | p99 (ms) | RSS at start (MB) | RSS at most (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.store} | ${r.answers} | ${r.errors}${
          r.errors
            ? ` (${Object.entries(r.errorKinds)
                .map(([k, v]) => `${k}: ${v}`)
                .join(', ')})`
            : ''
        } | ${r.perSecond} | ${r.p50} | ${r.p99} | ${r.rssStartMb} | ${r.rssMaxMb} |`,
    ),
    '<!-- load:end -->',
  ];
  return lines.join('\n');
}

async function main() {
  const rows = [await underLoad('embedded')];
  console.error(JSON.stringify(rows[0]));
  if (withNeo4j) {
    rows.push(await underLoad('neo4j'));
    console.error(JSON.stringify(rows[1]));
  }
  mkdirSync(path.join(root, 'bench'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'load.json'), `${JSON.stringify(rows, null, 2)}\n`);
  const file = path.join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const marked = /<!-- load:start -->[\s\S]*<!-- load:end -->/;
  writeFileSync(
    file,
    marked.test(doc)
      ? doc.replace(marked, section(rows))
      : `${doc.trimEnd()}\n\n${section(rows)}\n`,
  );
  const prettier = await import('prettier');
  const text = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file }),
  );
  console.error(`wrote docs/benchmarks.md (Under load) and bench/load.json`);
  if (rows.some((r) => r.errors)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
