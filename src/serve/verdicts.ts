/** Verdicts for the resolvers: the pure judge (src/link/verdict.ts) with the metric's key. */
import { judge } from '../link/verdict';
import type { FigureNode } from '../model';
import type { Context } from './context';
import type { Verdict } from './types';

/** The verdict on a pair, by the curated key of the target's metric. */
export async function verdictOn(
  ctx: Context,
  target: FigureNode,
  result: FigureNode,
): Promise<Verdict> {
  const metric = await ctx.loaders.entity.load(target.metricId);
  return judge(target, result, metric?.curated ? metric.key : null) as Verdict;
}
