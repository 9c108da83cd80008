/**
 * The tidy table of targets and results (export/targets.ts) over GraphQL: the rows typed,
 * and the same as CSV, for a metric, a jurisdiction, or everything stored.
 */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { targetTable, toTargetsCSV, type TargetRow as Row } from '../export/targets';
import type { GraphNode } from '../model';
import type { Context } from './context';
import { boundedName, resolveKind } from './names';
import { TargetTable } from './types';

/** Every figure, as the table reads them (the store's own cap is far above any corpus). */
const ALL = 1_000_000;

@Resolver()
export class TableResolver {
  @Query(() => TargetTable, {
    description:
      'One row per jurisdiction, year, metric and measure: the standing target and result, the verdict and both citations; as rows and as CSV (policy-kg export --format targets-csv)',
  })
  async targetTable(
    @Arg('metric', () => String, { nullable: true }) metric: string | null,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction: string | null,
    @Ctx() ctx: Context,
  ): Promise<{ rows: Row[]; csv: string; totalCount: number }> {
    // Capped as every name argument is (names.ts).
    if (metric) boundedName('metric', metric);
    if (jurisdiction) boundedName('jurisdiction', jurisdiction);
    const [metrics, jurisdictions] = await Promise.all([
      metric ? resolveKind(ctx, metric, 'Metric', 'metric') : null,
      jurisdiction ? resolveKind(ctx, jurisdiction, 'Place', 'place') : null,
    ]);
    const query = { metrics, jurisdictions };
    const [targets, results] = await Promise.all([
      ctx.store.figures({ kind: 'Target', ...query }, ALL),
      ctx.store.figures({ kind: 'Result', ...query }, ALL),
    ]);
    const figures = [...targets, ...results];
    const entityIds = [...new Set(figures.flatMap((f) => [f.metricId, f.jurisdiction]))];
    const commitmentIds = [...new Set(figures.map((f) => f.commitmentId))];
    const [entities, commitments] = await Promise.all([
      ctx.store.entitiesByIds(entityIds),
      ctx.store.commitmentsByIds(commitmentIds),
    ]);
    const nodes: GraphNode[] = [...figures];
    for (const n of [...entities, ...commitments]) if (n) nodes.push(n);
    const rows = targetTable(nodes);
    return { rows, csv: toTargetsCSV(rows), totalCount: rows.length };
  }
}
