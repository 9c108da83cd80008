/**
 * Targets across jurisdictions: each jurisdiction's target for a metric set against the
 * country's for the same year, one year across every jurisdiction loaded, or one
 * jurisdiction across its years.
 */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { placeId } from '../extract/lexicon';
import { relativeTo } from '../link/verdict';
import type { EntityNode, FigureNode } from '../model';
import type { Context } from './context';
import { bounded, figureQuery } from './graph-resolvers';
import { badInput } from './names';
import { Measure, Place, TargetAgainstNational } from './types';

/** The country: the reference every province's and city's target is set against. */
const NATIONAL = placeId('中国');

interface Row {
  year: number;
  jurisdiction: string;
  target: FigureNode;
  national: FigureNode | null;
  relation: string;
  difference: number | null;
}

@Resolver(() => TargetAgainstNational)
export class ComparisonResolver {
  @Query(() => [TargetAgainstNational], {
    description:
      "Targets of a metric set against the country's for the same year: for one year, every jurisdiction loaded; for one jurisdiction, every year (give year, jurisdiction or both)",
  })
  async compareTargets(
    @Arg('metric') metric: string,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Arg('jurisdiction', () => String, { nullable: true }) jurisdiction: string | null,
    @Arg('measure', () => Measure, { nullable: true }) measure: Measure | null,
    @Ctx() ctx: Context,
  ): Promise<Row[]> {
    // An argument left out comes as undefined.
    year ??= null;
    jurisdiction ??= null;
    if (year === null && jurisdiction === null)
      throw badInput(
        'give year (every jurisdiction that year) or jurisdiction (its years), or both',
      );
    if (year !== null) bounded('year', year, 1949, 2100);
    const {
      metrics,
      measure: chosen,
      jurisdictions,
    } = await figureQuery(ctx, metric, jurisdiction, measure);
    // The national reference comes with the jurisdictions asked for (all of them: null), in
    // one request.
    const asked = jurisdictions && [...new Set([...jurisdictions, NATIONAL])];
    const targets = await ctx.store.standingFigures({
      kind: 'Target',
      metrics,
      measure: chosen,
      year,
      jurisdictions: asked,
    });
    const nationalOf = new Map(
      targets.filter((f) => f.jurisdiction === NATIONAL).map((f) => [f.year, f]),
    );
    return targets
      .filter((t) => t.jurisdiction !== NATIONAL)
      .map((target) => {
        const reference = nationalOf.get(target.year) ?? null;
        const { relation, difference } = reference
          ? relativeTo(target, reference)
          : { relation: 'NOT_COMPARABLE', difference: null };
        return {
          year: target.year,
          jurisdiction: target.jurisdiction,
          target,
          national: reference,
          relation,
          difference,
        };
      });
  }

  @FieldResolver(() => Place)
  async jurisdiction(@Root() row: Row, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return ctx.loaders.entity.load(row.jurisdiction);
  }
}
