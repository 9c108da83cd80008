/**
 * Whole-graph questions: a node's neighbourhood, the path between two nodes, full-text
 * search, and figures across reports (a metric's series, jurisdictions compared).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import {
  nodeLabel,
  type EntityNode,
  type FigureNode,
  type GraphNode,
  type NodeSummary,
} from '../model';
import { neighborhood, shortestPath, type Subgraph as SubgraphData } from '../store/traverse';
import type { Context } from './context';
import { badInput, boundedName, notFound, resolveEntities, resolveKind } from './names';
import { verdictOn } from './verdicts';
import { Measure, MetricPoint, Place, SearchHit, Subgraph, Target, Verdict } from './types';
import { asksOnlyKeys, edgeView, nodeView, snippet } from './views';

export const MAX_DEPTH = 3;
export const MAX_LIMIT = 1000;
export const MAX_PATH = 8;

const view = (g: SubgraphData<GraphNode | NodeSummary>) => ({
  nodes: g.nodes.map(nodeView),
  edges: g.edges.map(edgeView),
});

export function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

interface Point {
  year: number;
  jurisdiction: string;
  target: FigureNode | null;
  result: FigureNode | null;
}

/**
 * Each year's planned and reported figure per jurisdiction, from the standing targets and
 * results (one per jurisdiction and year, by year then jurisdiction).
 */
function series(targets: FigureNode[], results: FigureNode[]): Point[] {
  const key = (f: FigureNode) => `${f.jurisdiction} ${f.year}`;
  const planned = new Map(targets.map((f) => [key(f), f]));
  const reported = new Map(results.map((f) => [key(f), f]));
  return [...new Set([...planned.keys(), ...reported.keys()])]
    .map((k) => {
      const { year, jurisdiction } = (planned.get(k) ?? reported.get(k))!;
      return {
        year,
        jurisdiction,
        target: planned.get(k) ?? null,
        result: reported.get(k) ?? null,
      };
    })
    .sort((a, b) => a.year - b.year || (a.jurisdiction < b.jurisdiction ? -1 : 1));
}

/**
 * A figure question's names resolved: the metric (and a jurisdiction, if given) as ids, and
 * without a measure, the headline one (the measure the metric's annual target uses).
 */
export async function figureQuery(
  ctx: Context,
  metric: string,
  jurisdiction: string | null,
  measure: Measure | null,
) {
  boundedName('metric', metric);
  if (jurisdiction) boundedName('jurisdiction', jurisdiction);
  const [metrics, jurisdictions] = await Promise.all([
    resolveEntities(ctx, metric, 'Metric', 'metric'),
    jurisdiction ? resolveKind(ctx, jurisdiction, 'Place', 'place') : null,
  ]);
  const chosen = measure ?? metrics.find((m) => m.headlineMeasure)?.headlineMeasure ?? null;
  return { metrics: metrics.map((m) => m.id), measure: chosen, jurisdictions };
}

@Resolver()
export class GraphResolver {
  @Query(() => Subgraph, {
    description: 'A node and its neighbours up to `depth` edges away, nearest first',
  })
  async neighborhood(
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { defaultValue: 1 }) depth: number,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const g = await neighborhood(
      ctx.store,
      id,
      bounded('depth', depth, 1, MAX_DEPTH),
      bounded('limit', limit, 1, MAX_LIMIT),
      // Asked for ids only, the store reads no labels, rules or evidence.
      { keysOnly: asksOnlyKeys(info.fieldNodes) },
    );
    if (!g) throw notFound(`no node has id ${JSON.stringify(id)}`);
    return view(g);
  }

  @Query(() => Subgraph, {
    nullable: true,
    description: 'A shortest path between two nodes; null when there is none',
  })
  async path(
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxLength', () => Int, { defaultValue: 4 }) maxLength: number,
    @Ctx() ctx: Context,
  ) {
    const [a, b] = await ctx.store.nodesByIds([from, to]);
    if (!a) throw notFound(`no node has id ${JSON.stringify(from)}`);
    if (!b) throw notFound(`no node has id ${JSON.stringify(to)}`);
    const g = await shortestPath(ctx.store, from, to, bounded('maxLength', maxLength, 1, MAX_PATH));
    return g ? view(g) : null;
  }

  @Query(() => [SearchHit], {
    description: 'Full-text search over sentences, headings and names (Chinese or English)',
  })
  async search(
    @Arg('text') text: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: Context,
  ) {
    if (text.length > 200) throw badInput('text is longer than 200 characters');
    const hits = await ctx.store.search(text, bounded('first', first, 1, MAX_LIMIT));
    return hits.map(({ node, score }) => ({
      id: node.id,
      kind: node.kind,
      label: nodeLabel(node),
      snippet: node.kind === 'Commitment' ? snippet(node.text, text) : null,
      score,
    }));
  }

  @Query(() => [MetricPoint], {
    description:
      "Each year's target and result of a metric, per jurisdiction; without measure, the metric's headline measure",
  })
  async metricSeries(
    @Arg('metric') metric: string,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction: string | null,
    @Arg('measure', () => Measure, { nullable: true }) measure: Measure | null,
    @Ctx() ctx: Context,
  ) {
    const query = await figureQuery(ctx, metric, jurisdiction, measure);
    // Picked in the store, both kinds in one request: every year, however many figures the
    // reports state.
    const { targets, results } = await ctx.store.standingSeries(query);
    return series(targets, results);
  }

  @Query(() => [Target], {
    description: 'One target per jurisdiction for a metric and year, to compare them',
  })
  async targetComparison(
    @Arg('metric') metric: string,
    @Arg('year', () => Int) year: number,
    @Arg('measure', () => Measure, { nullable: true }) measure: Measure | null,
    @Ctx() ctx: Context,
  ) {
    const query = await figureQuery(ctx, metric, null, measure);
    // One year's: by jurisdiction.
    return ctx.store.standingFigures({
      kind: 'Target',
      ...query,
      year: bounded('year', year, 1949, 2100),
    });
  }
}

@Resolver(() => MetricPoint)
export class MetricPointResolver {
  @FieldResolver(() => Place)
  async jurisdiction(@Root() p: Point, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return ctx.loaders.entity.load(p.jurisdiction);
  }

  @FieldResolver(() => Verdict, { nullable: true })
  async verdict(@Root() p: Point, @Ctx() ctx: Context): Promise<Verdict | null> {
    return p.target && p.result ? verdictOn(ctx, p.target, p.result) : null;
  }
}
