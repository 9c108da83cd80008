/**
 * Exporting the graph for other tools: GraphML (Gephi, NetworkX, igraph), CSV (nodes.csv
 * and edges.csv, for R and spreadsheets) and JSON Lines (one node or edge per line).
 * Every node keeps its kind and label; every edge its rule, evidence span and score.
 * GraphML also gives figures' numbers keys of their own, typed (value, low, high as doubles,
 * year and startYear as ints), and types edges' spans and scores, so that tools read them as
 * numbers, not text. JSON Lines names an edge's fields as the CSV does (report, evidenceStart).
 * targets.ts: the tidy table of targets, results and verdicts.
 */
import type { FigureNode, GraphEdge, GraphNode } from '../model';
import { edgeView, nodeView } from '../serve/views';
import { csv } from './csv';

export { targetTable, toTargetsCSV, TARGET_COLUMNS, type TargetRow } from './targets';

export type ExportFormat = 'graphml' | 'csv' | 'jsonl' | 'targets-csv';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['graphml', 'csv', 'jsonl', 'targets-csv'];

interface Row {
  id: string;
  kind: string;
  label: string;
  report: string;
  phase: string;
  /** Every other property, as JSON. */
  properties: string;
}

const SKIP = new Set(['id', 'kind', 'text', 'keys']);

function nodeRow(n: GraphNode): Row {
  const properties: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(n)) if (!SKIP.has(k) && v !== null) properties[k] = v;
  if ('text' in n && n.kind !== 'Report') properties.text = n.text; // report texts are long: left out
  const view = nodeView(n);
  return {
    ...view,
    report: view.report ?? '',
    phase: view.phase ?? '',
    properties: JSON.stringify(properties),
  };
}

function edgeRow(e: GraphEdge) {
  const { evidence, score, ...view } = edgeView(e);
  return {
    ...view,
    evidenceStart: evidence?.start ?? '',
    evidenceEnd: evidence?.end ?? '',
    score: score ?? '',
    lexicon: e.lexicon ?? '',
    report: e.reportId ?? '',
  };
}

const xml = (s: string | number) =>
  String(s).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/** Figures' numbers, as GraphML keys typed for what they hold (also in `properties`). */
const FIGURE_NUMBERS: [keyof FigureNode, 'double' | 'int'][] = [
  ['value', 'double'],
  ['low', 'double'],
  ['high', 'double'],
  ['year', 'int'],
  ['startYear', 'int'],
];

export function toGraphML(nodes: GraphNode[], edges: GraphEdge[]): string {
  const nodeKeys = ['kind', 'label', 'report', 'phase', 'properties'];
  const edgeKeys = ['type', 'rule', 'evidenceStart', 'evidenceEnd', 'score', 'lexicon', 'report'];
  // Numbers typed as numbers, so Gephi and NetworkX read spans and scores as such.
  const edgeType: Record<string, string> = {
    evidenceStart: 'int',
    evidenceEnd: 'int',
    score: 'double',
  };
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...FIGURE_NUMBERS.map(
      ([k, type]) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="${type}"/>`,
    ),
    ...edgeKeys.map(
      (k) =>
        `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${edgeType[k] ?? 'string'}"/>`,
    ),
    '  <graph id="policy-kg" edgedefault="directed">',
  ];
  for (const n of nodes) {
    const row = nodeRow(n) as unknown as Record<string, string>;
    const numbers =
      n.kind === 'Target' || n.kind === 'Result'
        ? FIGURE_NUMBERS.map(([k]) => n[k])
            .map((v, i) =>
              typeof v === 'number' ? `<data key="n_${FIGURE_NUMBERS[i]![0]}">${v}</data>` : '',
            )
            .join('')
        : '';
    lines.push(
      `    <node id="${xml(n.id)}">${nodeKeys.map((k) => (row[k] ? `<data key="n_${k}">${xml(row[k])}</data>` : '')).join('')}${numbers}</node>`,
    );
  }
  for (const e of edges) {
    const row = edgeRow(e) as unknown as Record<string, string | number>;
    lines.push(
      `    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">${edgeKeys
        .map((k) => (row[k] !== '' ? `<data key="e_${k}">${xml(row[k]!)}</data>` : ''))
        .join('')}</edge>`,
    );
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toCSV(
  nodes: GraphNode[],
  edges: GraphEdge[],
): { 'nodes.csv': string; 'edges.csv': string } {
  return {
    'nodes.csv': csv(
      nodes.map((n) => ({ ...nodeRow(n) })),
      ['id', 'kind', 'label', 'report', 'phase', 'properties'],
    ),
    'edges.csv': csv(edges.map(edgeRow), [
      'id',
      'type',
      'source',
      'target',
      'rule',
      'evidenceStart',
      'evidenceEnd',
      'score',
      'lexicon',
      'report',
    ]),
  };
}

export function toJSONLines(nodes: GraphNode[], edges: GraphEdge[]): string {
  return [
    ...nodes.map((n) =>
      JSON.stringify({
        element: 'node',
        ...nodeRow(n),
        properties: JSON.parse(nodeRow(n).properties),
      }),
    ),
    // The same names as the nodes' (id, report) and as the CSV's columns; null, not ''.
    ...edges.map((e) => {
      const row = edgeRow(e) as Record<string, unknown>;
      for (const k of Object.keys(row)) if (row[k] === '') row[k] = null;
      return JSON.stringify({ element: 'edge', ...row });
    }),
    '',
  ].join('\n');
}
