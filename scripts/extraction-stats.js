/**
 * Counts of every node and edge kind extracted from each report in a folder, and of the
 * rules behind the links, as Markdown tables (docs/extraction.md quotes them).
 *   npm run stats [-- FOLDER]
 */
const path = require('node:path');
const { listReports, readReport } = require('../dist/src/read');
const { defaultLexicon, extractReport } = require('../dist/src/extract');
const { TEXT_LINK_TYPES } = require('../dist/src/model');

async function main() {
  const dir = process.argv[2] || path.join(__dirname, '..', 'seeds');
  const columns = [];
  for (const file of await listReports(dir)) {
    const g = extractReport(await readReport(file), defaultLexicon());
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
      if (TEXT_LINK_TYPES.includes(e.type)) {
        add(`${e.type} by ${e.rule}`);
      }
    }
    for (const id of linked) {
      const e = entities.get(id);
      add(
        `${e.kind}${e.kind === 'Metric' || e.kind === 'Theme' ? (e.curated ? ' (curated)' : ' (from text)') : ''}`,
      );
    }
    columns.push({ id: g.report.reportId, counts });
  }
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
  console.log(table('node', nodeKeys));
  console.log();
  console.log(table('edge', edgeKeys));
  console.log();
  console.log(table('edge by rule', ruleKeys));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
