// The metric view's questions to the service: a metric's series per jurisdiction, one year's
// targets across jurisdictions, and the tidy table as CSV (issue 18).
import { gql, type Span } from './api';

export interface PlaceRef {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface MetricInfo {
  id: string;
  name: string;
  nameEn: string | null;
  key: string;
  curated: boolean;
  headlineMeasure: string | null;
}

/** A target or result with what a citation needs: its sentence, section and report. */
export interface Fig {
  id: string;
  status: 'SET' | 'QUALITATIVE' | 'DEFERRED';
  measure: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string;
  direction: 'UP' | 'DOWN' | null;
  year: number;
  text: string;
  span: Span;
  jurisdiction: PlaceRef;
  report: { id: string; title: string };
  commitment: {
    id: string;
    text: string;
    span: Span;
    section: { path: string; title: string } | null;
  };
}

export interface Verdict {
  value: 'MET' | 'MISSED' | 'NOT_COMPARABLE';
  rule: string;
  tolerance: number | null;
  explanation: string;
}

export interface SeriesPoint {
  year: number;
  jurisdiction: PlaceRef;
  target: Fig | null;
  result: Fig | null;
  verdict: Verdict | null;
}

export interface AgainstNational {
  year: number;
  jurisdiction: PlaceRef;
  relation: 'ABOVE' | 'BELOW' | 'LEVEL' | 'NOT_COMPARABLE';
  difference: number | null;
  national: Fig | null;
}

const FIG = `fragment Fig on Figure {
  id status measure value low high unit qualifier direction year text span { start end }
  jurisdiction { id name nameEn }
  report { id title }
  commitment { id text span { start end } section { path title } }
}`;

const METRIC = `query Metric($name: String!) {
  resolve(name: $name) { id kind name nameEn ... on Metric { key curated headlineMeasure } }
}`;

/** The metric a name or id denotes (a curated one first: "GDP" is gdp, not the words GDP). */
export async function metricInfo(name: string): Promise<MetricInfo | null> {
  const data = await gql<{ resolve: (MetricInfo & { kind: string })[] }>(METRIC, { name });
  const metrics = data.resolve.filter((e) => e.kind === 'METRIC');
  return metrics.find((m) => m.id === name) ?? metrics.find((m) => m.curated) ?? metrics[0] ?? null;
}

const SERIES = `${FIG}
query MetricSeries($metric: String!) {
  metricSeries(metric: $metric) {
    year jurisdiction { id name nameEn }
    target { ...Fig } result { ...Fig }
    verdict { value rule tolerance explanation }
  }
}`;

/** Each year's standing target and result of the metric's headline measure, every jurisdiction. */
export async function metricSeries(metric: string): Promise<SeriesPoint[]> {
  const data = await gql<{ metricSeries: SeriesPoint[] }>(SERIES, { metric });
  return data.metricSeries;
}

const COMPARISON = `${FIG}
query Comparison($metric: String!, $year: Int!) {
  targetComparison(metric: $metric, year: $year) { ...Fig }
  compareTargets(metric: $metric, year: $year) {
    year jurisdiction { id name nameEn } relation difference national { ...Fig }
  }
}`;

export interface Comparison {
  /** One target per jurisdiction, the country's among them when it has one. */
  targets: Fig[];
  /** The others set against the country's. */
  against: AgainstNational[];
}

export async function comparison(metric: string, year: number): Promise<Comparison> {
  const data = await gql<{ targetComparison: Fig[]; compareTargets: AgainstNational[] }>(
    COMPARISON,
    { metric, year },
  );
  return { targets: data.targetComparison, against: data.compareTargets };
}

const AGAINST = `${FIG}
query Against($metric: String!, $jurisdiction: String!) {
  compareTargets(metric: $metric, jurisdiction: $jurisdiction) {
    year jurisdiction { id name nameEn } relation difference national { ...Fig }
  }
}`;

/** A jurisdiction's targets, year by year, set against the country's. */
export async function againstNational(
  metric: string,
  jurisdiction: string,
): Promise<AgainstNational[]> {
  const data = await gql<{ compareTargets: AgainstNational[] }>(AGAINST, { metric, jurisdiction });
  return data.compareTargets;
}

/** The tidy table (one row per jurisdiction, year and measure) as CSV, with its row count. */
export async function targetTableCsv(
  metric: string,
  jurisdiction: string | null,
): Promise<{ totalCount: number; csv: string }> {
  const data = await gql<{ targetTable: { totalCount: number; csv: string } }>(
    `query Table($metric: String, $jurisdiction: String) {
      targetTable(metric: $metric, jurisdiction: $jurisdiction) { totalCount csv }
    }`,
    { metric, jurisdiction },
  );
  return data.targetTable;
}
