/**
 * What extraction gets from every report in a folder, as Markdown (docs/extraction.md
 * quotes it).
 *
 *   npm run stats [-- FOLDER]          one row a report (default folder: corpus/)
 *   npm run stats -- --kinds [FOLDER]  counts of every node and edge kind and link rule
 */
const path = require('node:path');
const { listReports, readReport } = require('../dist/src/read');
const { defaultLexicon, extractReport } = require('../dist/src/extract');
const { TEXT_LINK_TYPES } = require('../dist/src/model');

const USAGE = `Extraction statistics, as Markdown tables.

  npm run stats [-- FOLDER]          one row a report: commitments by phase, places linked,
                                     figures by qualifier, figures without a metric, the
                                     share of sentences with no link, and the headline
                                     targets (GDP, unemployment, CPI) as read
  npm run stats -- --kinds [FOLDER]  counts of every node and edge kind and link rule,
                                     one column a report

FOLDER defaults to corpus/. Needs a build (npm run stats builds first).`;

const QUALIFIERS = ['EXACT', 'ABOUT', 'AT_LEAST', 'AT_MOST', 'RANGE'];
/** The headline targets shown, by metric key. */
const HEADLINES = [
  ['gdp', 'GDP'],
  ['urban_surveyed_unemployment', 'unemployment'],
  ['cpi', 'CPI'],
];

async function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const kinds = args.includes('--kinds');
  const dir = args.find((a) => !a.startsWith('--')) || path.join(__dirname, '..', 'corpus');
  const lexicon = defaultLexicon();
  const graphs = [];
  const files = await listReports(dir);
  for (const [i, file] of files.entries()) {
    process.stderr.write(`\rextracting ${i + 1}/${files.length} ${path.basename(file)}      `);
    graphs.push(extractReport(await readReport(file), lexicon));
  }
  process.stderr.write('\n');
  console.log(kinds ? kindTables(graphs) : reportTable(graphs));
}

/** A figure's value as written: 5–5.5% RANGE, 5.5% ABOUT, no target (DEFERRED). */
function shown(f) {
  if (f.status === 'DEFERRED') return 'deferred';
  if (f.value === null) return f.status.toLowerCase();
  const v = f.qualifier === 'RANGE' ? `${f.low}–${f.high}` : `${f.value}`;
  return `${v}${f.unit === '%' ? '%' : ` ${f.unit ?? ''}`.trimEnd()} ${f.qualifier}`;
}

function reportTable(graphs) {
  const head = [
    'report',
    'commitments REVIEW / PLAN / other',
    'places linked',
    ...QUALIFIERS,
    'figures without a metric',
    'sentences with no link',
    ...HEADLINES.map(([, label]) => `${label} target`),
  ];
  const rows = graphs.map((g) => {
    const byPhase = (p) => g.commitments.filter((c) => c.phase === p).length;
    const other = g.commitments.length - byPhase('REVIEW') - byPhase('PLAN');
    const places = new Set(
      g.edges.filter((e) => e.type === 'INVOLVES' && e.reportId).map((e) => e.target),
    );
    const linked = new Set(
      g.edges.filter((e) => TEXT_LINK_TYPES.includes(e.type)).map((e) => e.source),
    );
    const figures = g.figures;
    const metrics = new Map(g.entities.filter((e) => e.kind === 'Metric').map((e) => [e.id, e]));
    // No metric: the figure's subject was not read (an empty metric text).
    const noMetric = figures.filter((f) => !f.metricText).length;
    const unlinked = g.commitments.filter((c) => !linked.has(c.id)).length;
    const headline = HEADLINES.map(([key]) => {
      // The year's target in the measure the metric's annual target uses (GDP growth).
      const t = figures.find((f) => {
        const m = metrics.get(f.metricId);
        return (
          f.kind === 'Target' &&
          f.startYear === null &&
          m?.key === key &&
          f.measure === m.headlineMeasure
        );
      });
      return t ? shown(t) : '—';
    });
    return [
      g.report.reportId,
      `${byPhase('REVIEW')} / ${byPhase('PLAN')} / ${other}`,
      places.size,
      ...QUALIFIERS.map((q) => figures.filter((f) => f.value !== null && f.qualifier === q).length),
      noMetric,
      `${((100 * unlinked) / Math.max(1, g.commitments.length)).toFixed(1)} %`,
      ...headline,
    ];
  });
  return [
    `| ${head.join(' | ')} |`,
    `| --- | ${head
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function kindTables(graphs) {
  const columns = graphs.map((g) => {
    const counts = {};
    const add = (k, n = 1) => (counts[k] = (counts[k] || 0) + n);
    add('Report');
    add('Section', g.sections.length);
    add('Commitment', g.commitments.length);
    for (const f of g.figures) add(`${f.kind} (${f.status})`);
    // Entities this report links to (curated entries it never names are not counted).
    const entities = new Map(g.entities.map((e) => [e.id, e]));
    const linked = new Set();
    for (const e of g.edges) {
      if (!e.reportId) continue;
      for (const end of [e.source, e.target]) if (entities.has(end)) linked.add(end);
      add(`-[${e.type}]->`);
      if (TEXT_LINK_TYPES.includes(e.type)) add(`${e.type} by ${e.rule}`);
    }
    for (const id of linked) {
      const e = entities.get(id);
      add(
        `${e.kind}${e.kind === 'Metric' || e.kind === 'Theme' ? (e.curated ? ' (curated)' : ' (from text)') : ''}`,
      );
    }
    return { id: g.report.reportId, counts };
  });
  const keys = [...new Set(columns.flatMap((c) => Object.keys(c.counts)))];
  const nodeKeys = keys.filter((k) => !k.startsWith('-[') && !k.includes(' by ')).sort();
  const edgeKeys = keys.filter((k) => k.startsWith('-[')).sort();
  const ruleKeys = keys.filter((k) => k.includes(' by ')).sort();
  const table = (title, rows) =>
    [
      `| ${title} | ${columns.map((c) => c.id).join(' | ')} |`,
      `| --- | ${columns.map(() => '---:').join(' | ')} |`,
      ...rows.map((k) => `| ${k} | ${columns.map((c) => c.counts[k] || 0).join(' | ')} |`),
    ].join('\n');
  return [table('node', nodeKeys), table('edge', edgeKeys), table('edge by rule', ruleKeys)].join(
    '\n\n',
  );
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
