/**
 * The tidy table of targets and results a researcher loads into R or pandas: one row per
 * jurisdiction, year, metric and measure, with the standing target and result (the ones
 * linking pairs and `metricSeries` shows), the verdict, and both citations (report, span,
 * sentence). Rows: every year a target was set for, and every year a curated metric
 * reports a result for; five-year figures are left out (their year is not one year).
 */
import { judge } from '../link/verdict';
import {
  pairable,
  standingFigures,
  type CommitmentNode,
  type EntityNode,
  type FigureNode,
  type GraphNode,
} from '../model';
import { csv } from './csv';

export const TARGET_COLUMNS = [
  'jurisdiction',
  'jurisdiction_en',
  'jurisdiction_code',
  'year',
  'metric',
  'metric_name',
  'metric_curated',
  'measure',
  'unit',
  'target_status',
  'target_value',
  'target_low',
  'target_high',
  'target_qualifier',
  'target_direction',
  'result_value',
  'result_qualifier',
  'result_direction',
  'verdict',
  'verdict_rule',
  'target_text',
  'target_report',
  'target_start',
  'target_end',
  'target_sentence',
  'result_text',
  'result_report',
  'result_start',
  'result_end',
  'result_sentence',
] as const;

export type TargetRow = Record<(typeof TARGET_COLUMNS)[number], string | number | boolean | null>;

/** The rows, from the whole graph, by jurisdiction, year, metric and measure. */
export function targetTable(nodes: readonly GraphNode[]): TargetRow[] {
  const entities = new Map<string, EntityNode>();
  const commitments = new Map<string, CommitmentNode>();
  const figures: FigureNode[] = [];
  for (const n of nodes) {
    switch (n.kind) {
      case 'Target':
      case 'Result':
        figures.push(n);
        break;
      case 'Commitment':
        commitments.set(n.id, n);
        break;
      case 'Report':
      case 'Section':
        break;
      default:
        entities.set(n.id, n);
    }
  }
  figures.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
  const key = (f: FigureNode) => [f.jurisdiction, f.year, f.metricId, f.measure].join('\u0000');
  // As linking pairs them: a figure whose indicator is no curated one and hardly named
  // (6.5%左右 in a commentary sentence) is in no row, since its row could pair unrelated
  // figures (a target of 7%左右 and a result of 95%以上).
  const targets = standingFigures(
    figures.filter((f) => f.kind === 'Target' && pairable(f)),
    key,
  );
  const results = standingFigures(
    figures.filter((f) => f.kind === 'Result' && pairable(f)),
    key,
  );
  const rows: TargetRow[] = [];
  for (const k of new Set([...targets.keys(), ...results.keys()])) {
    const target = targets.get(k) ?? null;
    const result = results.get(k) ?? null;
    const any = (target ?? result)!;
    const metric = entities.get(any.metricId);
    if (!target && !metric?.curated) continue; // a count the text reports once, no series
    const place = entities.get(any.jurisdiction);
    const verdict =
      target && result ? judge(target, result, metric?.curated ? metric.key : null) : null;
    const cite = (f: FigureNode | null) => ({
      text: f?.text ?? null,
      report: f?.reportId ?? null,
      start: f?.span.start ?? null,
      end: f?.span.end ?? null,
      sentence: f ? (commitments.get(f.commitmentId)?.text ?? null) : null,
    });
    const t = cite(target);
    const r = cite(result);
    rows.push({
      jurisdiction: place?.name ?? any.jurisdiction,
      jurisdiction_en: place?.nameEn ?? null,
      jurisdiction_code: place?.code ?? null,
      year: any.year,
      metric: metric?.key ?? any.metricId,
      metric_name: metric?.name ?? null,
      metric_curated: metric?.curated ?? false,
      measure: any.measure,
      unit: target?.unit ?? result?.unit ?? null,
      target_status: target?.status ?? null,
      target_value: target?.value ?? null,
      target_low: target?.low ?? null,
      target_high: target?.high ?? null,
      target_qualifier: target?.qualifier ?? null,
      target_direction: target?.direction ?? null,
      result_value: result?.value ?? null,
      result_qualifier: result?.qualifier ?? null,
      result_direction: result?.direction ?? null,
      verdict: verdict?.value ?? null,
      verdict_rule: verdict?.rule ?? null,
      target_text: t.text,
      target_report: t.report,
      target_start: t.start,
      target_end: t.end,
      target_sentence: t.sentence,
      result_text: r.text,
      result_report: r.report,
      result_start: r.start,
      result_end: r.end,
      result_sentence: r.sentence,
    });
  }
  const order = (row: TargetRow) =>
    [
      row.jurisdiction_code ?? '',
      row.jurisdiction,
      String(row.year).padStart(4, '0'),
      row.metric,
      row.measure,
    ].join('\u0000');
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The table as CSV (RFC 4180; empty cells for null), header first. */
export function toTargetsCSV(rows: readonly TargetRow[]): string {
  return csv(rows, [...TARGET_COLUMNS]);
}
