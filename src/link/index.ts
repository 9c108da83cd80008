/**
 * Linking reports to each other, after they are stored: a Result is the OUTCOME_OF the
 * Target of an earlier report with the same jurisdiction, metric, measure and year; a
 * commitment CONTINUES one of an earlier report of the same jurisdiction when they share
 * a project, a metric or a theme and say much the same thing. Written over the store
 * interface, so both stores link alike; every edge says its rule, and CONTINUES its score.
 */
import {
  edgeId,
  pairable,
  standingFigure,
  type CommitmentNode,
  type FigureNode,
  type GraphEdge,
  type ReportNode,
} from '../model';
import type { GraphStore } from '../store';
import { tokens } from '../store/embedded/search';

const ALL = 100_000;

/** Words two sentences must share (Dice over CJK bigrams), by what else they share. */
export const CONTINUES_THRESHOLD = { project: 0.2, metric: 0.25, theme: 0.35 } as const;
/** At most this many earlier commitments are linked from one commitment. */
export const CONTINUES_PER_COMMITMENT = 3;

export interface LinkOutcome {
  outcomes: number;
  continuations: number;
}

/** Links `reportId` to the stored reports before and after it. */
export async function linkReport(
  store: GraphStore,
  reportId: string,
  read: ReadProfiles = (r) => profiles(store, r.reportId),
): Promise<LinkOutcome> {
  const [report] = await store.reportsByIds([reportId]);
  if (!report) return { outcomes: 0, continuations: 0 };
  const outcomes = await outcomeEdges(store, report);
  const continuations = await continuationEdges(store, report, read);
  await store.mergeEdges([...outcomes, ...continuations]);
  return { outcomes: outcomes.length, continuations: continuations.length };
}

/** What CONTINUES compares of a report's commitments, read from the store. */
type ReadProfiles = (report: ReportNode) => Promise<Profile[]>;

/**
 * Links reports one after another, as a batch does, keeping what was read of one
 * jurisdiction's reports while its reports are linked: each report is compared with every
 * other of its jurisdiction, and 20 reports of a province would otherwise read each
 * other's commitments 380 times instead of 20. Link a batch grouped by jurisdiction.
 */
export function reportLinker(store: GraphStore): (reportId: string) => Promise<LinkOutcome> {
  let jurisdiction: string | null = null;
  const kept = new Map<string, { hash: string; profiles: Promise<Profile[]> }>();
  const read: ReadProfiles = (report) => {
    if (report.jurisdiction !== jurisdiction) {
      kept.clear(); // the next jurisdiction's reports: the last one's are not compared again
      jurisdiction = report.jurisdiction;
    }
    const known = kept.get(report.reportId);
    // A report stored again with another text meanwhile is read again.
    if (known?.hash === report.hash) return known.profiles;
    const reading = profiles(store, report.reportId);
    kept.set(report.reportId, { hash: report.hash, profiles: reading });
    reading.catch(() => {
      if (kept.get(report.reportId)?.profiles === reading) kept.delete(report.reportId);
    });
    return reading;
  };
  return (reportId) => linkReport(store, reportId, read);
}

const annual = (f: FigureNode) => f.startYear === null && pairable(f);
const pairKey = (f: FigureNode) => `${f.jurisdiction} ${f.metricId} ${f.measure} ${f.year}`;

/** Results of this report paired with earlier targets, and its targets with later results. */
async function outcomeEdges(store: GraphStore, report: ReportNode): Promise<GraphEdge[]> {
  // Only figures that can pair with this report's own are read: those of its jurisdictions
  // and metrics, not every figure stored (the whole corpus, for each report linked).
  const own = (
    await Promise.all([
      store.figures({ kind: 'Target', report: report.reportId }, ALL),
      store.figures({ kind: 'Result', report: report.reportId }, ALL),
    ])
  )
    .flat()
    .filter(annual);
  if (own.length === 0) return [];
  const among = {
    jurisdictions: [...new Set(own.map((f) => f.jurisdiction))],
    metrics: [...new Set(own.map((f) => f.metricId))],
  };
  const [targets, results] = await Promise.all([
    store.figures({ kind: 'Target', ...among }, ALL),
    store.figures({ kind: 'Result', ...among }, ALL),
  ]);
  const targetsByKey = new Map<string, FigureNode[]>();
  for (const t of targets.filter(annual)) {
    const list = targetsByKey.get(pairKey(t));
    if (list) list.push(t);
    else targetsByKey.set(pairKey(t), [t]);
  }
  const edges: GraphEdge[] = [];
  for (const r of results.filter(annual)) {
    // The target standing before the result's report (figures are in report order).
    const earlier = (targetsByKey.get(pairKey(r)) ?? []).filter(
      (t) => t.sortKey < r.sortKey && t.reportId !== r.reportId,
    );
    const t = standingFigure(earlier);
    if (!t || (r.reportId !== report.reportId && t.reportId !== report.reportId)) continue;
    edges.push({
      id: edgeId('OUTCOME_OF', r.id, t.id),
      type: 'OUTCOME_OF',
      source: r.id,
      target: t.id,
      rule: 'same-metric-year',
      evidence: r.span,
      lexicon: null,
      reportId: r.reportId,
    });
  }
  return edges;
}

interface Profile {
  commitment: CommitmentNode;
  tokens: Set<string>;
  projects: Set<string>;
  metrics: Set<string>;
  themes: Set<string>;
}

async function profiles(store: GraphStore, reportId: string): Promise<Profile[]> {
  const { nodes } = await store.commitments({ report: reportId }, { first: ALL });
  const ids = nodes.map((c) => c.id);
  const [links, figures] = await Promise.all([
    store.linksOfCommitments(ids, ['MENTIONS', 'SERVES']),
    store.figuresOfCommitments(ids),
  ]);
  return nodes.map((commitment, i) => ({
    commitment,
    tokens: new Set(tokens(commitment.text)),
    projects: new Set(links[i]!.filter((l) => l.entity.kind === 'Project').map((l) => l.entity.id)),
    themes: new Set(links[i]!.filter((l) => l.entity.kind === 'Theme').map((l) => l.entity.id)),
    metrics: new Set(
      figures[i]!.filter((f) => !f.metricId.startsWith('metric:text:')).map((f) => f.metricId),
    ),
  }));
}

const shares = (a: Set<string>, b: Set<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/**
 * The profiles that share a project, a metric or a theme with a given one: the only
 * candidates for CONTINUES, found through an index instead of testing every pair (two
 * reports of 800 commitments are 640,000 pairs).
 */
function sharingIndex(profiles: Profile[]): (p: Profile) => Set<Profile> {
  const index = new Map<string, Profile[]>();
  const keys = (p: Profile) => [
    ...[...p.projects].map((k) => `project ${k}`),
    ...[...p.metrics].map((k) => `metric ${k}`),
    ...[...p.themes].map((k) => `theme ${k}`),
  ];
  for (const p of profiles) {
    for (const k of keys(p)) {
      const list = index.get(k);
      if (list) list.push(p);
      else index.set(k, [p]);
    }
  }
  return (p) => new Set(keys(p).flatMap((k) => index.get(k) ?? []));
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}

/** CONTINUES between this report and the stored reports of its jurisdiction a year apart or more. */
async function continuationEdges(
  store: GraphStore,
  report: ReportNode,
  read: ReadProfiles,
): Promise<GraphEdge[]> {
  const others = (await store.reports()).filter(
    (r) => r.jurisdiction === report.jurisdiction && r.year !== report.year,
  );
  if (others.length === 0) return [];
  const mine = await read(report);
  const edges: GraphEdge[] = [];
  for (const other of others) {
    const theirs = await read(other);
    const [later, earlier] = report.year > other.year ? [mine, theirs] : [theirs, mine];
    const sharing = sharingIndex(earlier);
    for (const a of later) {
      const candidates: { b: Profile; score: number; rule: string }[] = [];
      for (const b of sharing(a)) {
        const rule = shares(a.projects, b.projects)
          ? 'project'
          : shares(a.metrics, b.metrics)
            ? 'metric'
            : shares(a.themes, b.themes)
              ? 'theme'
              : null;
        if (!rule) continue;
        const score = dice(a.tokens, b.tokens);
        if (score >= CONTINUES_THRESHOLD[rule as keyof typeof CONTINUES_THRESHOLD])
          candidates.push({ b, score, rule });
      }
      candidates.sort(
        (x, y) => y.score - x.score || (x.b.commitment.id < y.b.commitment.id ? -1 : 1),
      );
      for (const { b, score, rule } of candidates.slice(0, CONTINUES_PER_COMMITMENT)) {
        edges.push({
          id: edgeId('CONTINUES', a.commitment.id, b.commitment.id),
          type: 'CONTINUES',
          source: a.commitment.id,
          target: b.commitment.id,
          rule: `similarity+${rule}`,
          evidence: a.commitment.span,
          lexicon: null,
          reportId: a.commitment.reportId,
          score: Math.round(score * 1000) / 1000,
        });
      }
    }
  }
  return edges;
}
