/**
 * Resolvers: each answers from the store interface only, through the request's loaders.
 */
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { placeId } from '../extract/lexicon';
import type {
  CommitmentNode,
  EntityNode,
  FigureNode,
  GraphNode,
  ReportNode,
  SectionNode,
} from '../model';
import type { CommitmentQuery, FigureQuery } from '../store';
import type { Context } from './context';
import {
  badInput,
  boundedName,
  gazetteerParent,
  gazetteerParts,
  notFound,
  resolveKind,
  resolveName,
  suggest,
} from './names';
import { ComparisonResolver } from './comparison-resolvers';
import { TableResolver } from './table-resolvers';
import { GraphResolver, MetricPointResolver } from './graph-resolvers';
import { verdictOn } from './verdicts';
import { IngestResolver } from './ingest-resolver';
import {
  Commitment,
  CommitmentConnection,
  Continuation,
  CommitmentFilter,
  Entity,
  Figure,
  FigureFilter,
  Industry,
  Passage,
  Organization,
  Project,
  ProjectFilter,
  Theme,
  Link,
  ListArgs,
  Metric,
  Result,
  Target,
  PageArgs,
  Verdict,
  Place,
  Report,
  Section,
  SharedEntity,
  EntityKind,
} from './types';

// Cursors are opaque to clients: the base64url of the last commitment's sort key.
const encodeCursor = (sortKey: string): string =>
  Buffer.from(sortKey, 'utf8').toString('base64url');
const SORT_KEY = /^\d{4} [A-Za-z0-9._-]+ \d{9}$/;
function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!SORT_KEY.test(key))
    throw badInput(`"after" is not a cursor this service gave out: ${JSON.stringify(cursor)}`);
  return key;
}

async function connection(
  ctx: Context,
  query: CommitmentQuery,
  page: PageArgs,
): Promise<CommitmentConnection> {
  const result = await ctx.store.commitments(query, {
    first: page.first ?? 50,
    after: decodeCursor(page.after),
  });
  const last = result.nodes.at(-1);
  return {
    totalCount: result.totalCount,
    nodes: result.nodes as unknown as Commitment[],
    pageInfo: {
      hasNextPage: result.hasNextPage,
      endCursor: last ? encodeCursor(last.sortKey) : null,
    },
  };
}

/** Entity ids for the names a filter gives; a name that resolves to nothing is an error. */
async function resolveNames(ctx: Context, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const name of names) {
    boundedName('name', name);
    const found = await resolveName(ctx, name);
    if (found.length === 0)
      throw notFound(`nothing is named ${JSON.stringify(name)}`, await suggest(ctx, name));
    for (const e of found) ids.push(e.id);
  }
  return ids;
}

@Resolver()
export class QueryResolver {
  @Query(() => [Report], { description: 'Every stored report, by year then id' })
  async reports(@Ctx() ctx: Context): Promise<ReportNode[]> {
    return ctx.store.reports();
  }

  @Query(() => Report, {
    nullable: true,
    description: 'A report by its id (liaoning-2022); null when absent',
  })
  async report(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ReportNode | null> {
    return ctx.loaders.report.load(id);
  }

  @Query(() => [Entity], {
    description:
      'Entities a name denotes: Chinese, alias, English or pinyin, any case; or an entity id (place:沈阳)',
  })
  async resolve(@Arg('name') name: string, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return resolveName(ctx, boundedName('name', name));
  }

  @Query(() => Commitment, {
    nullable: true,
    description: 'A commitment by its id (commitment:liaoning-2022:6385); null when absent',
  })
  async commitment(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<CommitmentNode | null> {
    return ctx.loaders.commitment.load(boundedName('id', id));
  }

  @Query(() => CommitmentConnection, { description: 'Commitments in report order' })
  async commitments(
    @Arg('filter', () => CommitmentFilter, { nullable: true }) filter: CommitmentFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ): Promise<CommitmentConnection> {
    const query: CommitmentQuery = { phase: filter?.phase ?? null };
    if (filter?.report) query.report = await existingReport(ctx, filter.report);
    if (filter?.involves) query.involves = await resolveNames(ctx, filter.involves);
    if (filter?.theme) query.serves = await resolveKind(ctx, filter.theme, 'Theme', 'theme');
    if (filter?.industry)
      query.concerns = await resolveKind(ctx, filter.industry, 'Industry', 'industry');
    if (filter?.text) query.text = filter.text;
    return connection(ctx, query, page);
  }
}

async function figureQuery(
  ctx: Context,
  kind: 'Target' | 'Result',
  filter: FigureFilter | null,
): Promise<FigureQuery> {
  const query: FigureQuery = {
    kind,
    measure: filter?.measure ?? null,
    year: filter?.year ?? null,
    status: filter?.status ?? null,
  };
  if (filter?.report) query.report = await existingReport(ctx, filter.report);
  if (filter?.metric) {
    const metrics = (await ctx.store.resolve(filter.metric)).filter((e) => e.kind === 'Metric');
    if (metrics.length === 0) throw notFound(`no metric is named ${JSON.stringify(filter.metric)}`);
    query.metrics = metrics.map((m) => m.id);
  }
  if (filter?.jurisdiction) {
    const places = (await resolveName(ctx, filter.jurisdiction)).filter((e) => e.kind === 'Place');
    if (places.length === 0)
      throw notFound(`no place is named ${JSON.stringify(filter.jurisdiction)}`);
    query.jurisdictions = places.map((p) => p.id);
  }
  return query;
}

async function existingReport(ctx: Context, id: string): Promise<string> {
  const [report] = await ctx.store.reportsByIds([id]);
  if (!report) {
    const ids = (await ctx.store.reports()).map((r) => r.reportId);
    throw notFound(`no report has id ${JSON.stringify(id)}`, ids);
  }
  return id;
}

@Resolver()
export class FigureQueryResolver {
  @Query(() => [Target], { description: 'Targets in report order' })
  async targets(
    @Arg('filter', () => FigureFilter, { nullable: true }) filter: FigureFilter | null,
    @Args(() => ListArgs) { first }: ListArgs,
    @Ctx() ctx: Context,
  ): Promise<FigureNode[]> {
    return ctx.store.figures(await figureQuery(ctx, 'Target', filter), first ?? 100);
  }

  @Query(() => [Result], { description: 'Results in report order' })
  async results(
    @Arg('filter', () => FigureFilter, { nullable: true }) filter: FigureFilter | null,
    @Args(() => ListArgs) { first }: ListArgs,
    @Ctx() ctx: Context,
  ): Promise<FigureNode[]> {
    return ctx.store.figures(await figureQuery(ctx, 'Result', filter), first ?? 100);
  }
}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => [Project], { description: 'Named projects, by id' })
  async projects(
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Args(() => ListArgs) { first }: ListArgs,
    @Ctx() ctx: Context,
  ): Promise<EntityNode[]> {
    return ctx.store.projects(
      {
        themes: filter?.servesTheme
          ? await resolveKind(ctx, filter.servesTheme, 'Theme', 'theme')
          : null,
        places: filter?.involves ? await resolveKind(ctx, filter.involves, 'Place', 'place') : null,
        report: filter?.report ? await existingReport(ctx, filter.report) : null,
      },
      first ?? 100,
    );
  }

  @FieldResolver(() => [Place])
  async places(@Root() p: EntityNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return ctx.loaders.located.load(p.id);
  }

  @FieldResolver(() => [Theme])
  async themes(@Root() p: EntityNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return ctx.loaders.projectThemes.load(p.id);
  }
}

/** A store's SharedEntity as the GraphQL type shows it: its reports resolved when asked. */
interface SharedRow {
  entity: EntityNode;
  reportIds: string[];
  commitmentCount: number;
}

@Resolver(() => SharedEntity)
export class SharedEntityResolver {
  @Query(() => [SharedEntity], {
    description:
      'Entities of a kind that the commitments of at least minReports reports link (the programmes, projects or places several governments commit to): the most reports first, then by id',
  })
  async sharedEntities(
    @Arg('kind', () => EntityKind) kind: EntityKind,
    @Arg('minReports', () => Int, { defaultValue: 2 }) minReports: number,
    @Arg('curated', () => Boolean, {
      nullable: true,
      description: 'true: lexicon entries only; false: those read from the text only',
    })
    curated: boolean | null,
    @Arg('year', () => Int, {
      nullable: true,
      description: "Only the reports of that year (the 2026 reports' shared programmes)",
    })
    year: number | null,
    @Args(() => ListArgs) { first }: ListArgs,
    @Ctx() ctx: Context,
  ): Promise<SharedRow[]> {
    if (kind === EntityKind.METRIC)
      throw badInput('metrics are linked through figures: ask targetTable or metricSeries');
    if (minReports < 1) throw badInput(`minReports must be at least 1, not ${minReports}`);
    const rows = await ctx.store.sharedEntities(
      { kind: kind as EntityNode['kind'], minReports, curated: curated ?? null, year },
      first ?? 100,
    );
    return rows.map((r) => ({
      entity: r.entity,
      reportIds: r.reportIds,
      commitmentCount: r.commitments,
    }));
  }

  @FieldResolver(() => [Report])
  async reports(@Root() row: SharedRow, @Ctx() ctx: Context): Promise<ReportNode[]> {
    const reports = await ctx.loaders.report.loadMany(row.reportIds);
    return reports
      .filter((r): r is ReportNode => !!r && !(r instanceof Error))
      .sort((a, b) => a.year - b.year || (a.reportId < b.reportId ? -1 : 1));
  }
}

@Resolver(() => Theme)
export class ThemeResolver {
  @FieldResolver(() => [Theme])
  async components(@Root() t: EntityNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return ctx.loaders.components.load(t.id);
  }
}

@Resolver(() => Industry)
export class IndustryResolver {
  @FieldResolver(() => Industry, { nullable: true })
  async parent(@Root() i: EntityNode, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return (await ctx.loaders.wholes.load(i.id))[0] ?? null;
  }
}

@Resolver(() => Figure)
export class FigureResolver {
  @FieldResolver(() => Metric)
  async metric(@Root() f: FigureNode, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return ctx.loaders.entity.load(f.metricId);
  }

  @FieldResolver(() => Commitment)
  async commitment(@Root() f: FigureNode, @Ctx() ctx: Context): Promise<CommitmentNode | null> {
    return ctx.loaders.commitment.load(f.commitmentId);
  }

  @FieldResolver(() => Report)
  async report(@Root() f: FigureNode, @Ctx() ctx: Context): Promise<ReportNode | null> {
    return ctx.loaders.report.load(f.reportId);
  }

  @FieldResolver(() => Place)
  async jurisdiction(@Root() f: FigureNode, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return ctx.loaders.entity.load(f.jurisdiction);
  }
}

/** Nodes at the other end of a node's edges of one type, in a direction, in edge-id order. */
async function across(ctx: Context, id: string, type: string, direction: 'out' | 'in') {
  const edges = (await ctx.loaders.around.load(id)).filter(
    (e) => e.type === type && (direction === 'out' ? e.source === id : e.target === id),
  );
  const nodes = await ctx.loaders.node.loadMany(
    edges.map((e) => (direction === 'out' ? e.target : e.source)),
  );
  return edges
    .map((edge, i) => ({ edge, node: nodes[i] as GraphNode }))
    .filter((x) => x.node && !(x.node instanceof Error));
}

/** CONTINUES edges of a commitment, as the commitments at their other end with score and rule. */
async function continuations(ctx: Context, id: string, direction: 'out' | 'in') {
  return (await across(ctx, id, 'CONTINUES', direction)).map(({ edge, node }) => ({
    commitment: node,
    score: edge.score ?? 0,
    rule: edge.rule,
  }));
}

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => [Result], { description: 'Results later reports gave for it (OUTCOME_OF)' })
  async outcomes(@Root() t: FigureNode, @Ctx() ctx: Context) {
    return (await across(ctx, t.id, 'OUTCOME_OF', 'in')).map((x) => x.node);
  }

  @FieldResolver(() => Verdict, { nullable: true })
  async verdict(@Root() t: FigureNode, @Ctx() ctx: Context): Promise<Verdict | null> {
    const result = (await across(ctx, t.id, 'OUTCOME_OF', 'in'))[0]?.node as FigureNode | undefined;
    return result ? verdictOn(ctx, t, result) : null;
  }
}

@Resolver(() => Result)
export class ResultResolver {
  @FieldResolver(() => Target, { nullable: true })
  async outcomeOf(@Root() r: FigureNode, @Ctx() ctx: Context) {
    return (await across(ctx, r.id, 'OUTCOME_OF', 'out'))[0]?.node ?? null;
  }

  @FieldResolver(() => Verdict, { nullable: true })
  async verdict(@Root() r: FigureNode, @Ctx() ctx: Context): Promise<Verdict | null> {
    const target = (await across(ctx, r.id, 'OUTCOME_OF', 'out'))[0]?.node as
      FigureNode | undefined;
    return target ? verdictOn(ctx, target, r) : null;
  }
}

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => Place)
  async jurisdiction(@Root() report: ReportNode, @Ctx() ctx: Context): Promise<EntityNode | null> {
    const place = ctx.lexicon.lookupPlace(report.jurisdiction);
    return place ? ctx.loaders.entity.load(placeId(place.name)) : null;
  }

  @FieldResolver(() => [Section])
  async sections(@Root() report: ReportNode, @Ctx() ctx: Context): Promise<SectionNode[]> {
    return ctx.loaders.sectionsOfReport.load(report.reportId);
  }

  @FieldResolver(() => CommitmentConnection)
  async commitments(
    @Root() report: ReportNode,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return connection(ctx, { report: report.reportId }, page);
  }
}

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Report)
  async report(@Root() section: SectionNode, @Ctx() ctx: Context): Promise<ReportNode | null> {
    return ctx.loaders.report.load(section.reportId);
  }

  @FieldResolver(() => Section, { nullable: true })
  async parent(@Root() section: SectionNode, @Ctx() ctx: Context): Promise<SectionNode | null> {
    return section.parentId ? ctx.loaders.section.load(section.parentId) : null;
  }

  @FieldResolver(() => [Section])
  async children(@Root() section: SectionNode, @Ctx() ctx: Context): Promise<SectionNode[]> {
    const all = await ctx.loaders.sectionsOfReport.load(section.reportId);
    return all.filter((s) => s.parentId === section.id);
  }

  @FieldResolver(() => CommitmentConnection)
  async commitments(
    @Root() section: SectionNode,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return connection(ctx, { sections: [section.id] }, page);
  }
}

async function linked(
  ctx: Context,
  c: CommitmentNode,
  type: string,
  kind: EntityNode['kind'],
): Promise<EntityNode[]> {
  const links = await ctx.loaders.links.load(c.id);
  return links.filter((l) => l.edge.type === type && l.entity.kind === kind).map((l) => l.entity);
}

@Resolver(() => Commitment)
export class CommitmentResolver {
  @FieldResolver(() => Passage)
  async passage(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<Passage> {
    const report = await ctx.loaders.report.load(c.reportId);
    // The sentence may run past a paragraph the splitter closed early: cover both.
    const start = Math.min(c.paragraph.start, c.span.start);
    const end = Math.max(c.paragraph.end, c.span.end);
    return { start, end, text: report ? report.text.slice(start, end) : '' };
  }

  @FieldResolver(() => Report)
  async report(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<ReportNode | null> {
    return ctx.loaders.report.load(c.reportId);
  }

  @FieldResolver(() => Section, { nullable: true })
  async section(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<SectionNode | null> {
    return c.sectionId ? ctx.loaders.section.load(c.sectionId) : null;
  }

  @FieldResolver(() => [Place])
  async places(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return linked(ctx, c, 'INVOLVES', 'Place');
  }

  @FieldResolver(() => [Industry])
  async industries(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return linked(ctx, c, 'CONCERNS', 'Industry');
  }

  @FieldResolver(() => [Theme])
  async themes(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return linked(ctx, c, 'SERVES', 'Theme');
  }

  @FieldResolver(() => [Project])
  async projects(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return linked(ctx, c, 'MENTIONS', 'Project');
  }

  @FieldResolver(() => [Organization])
  async organizations(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    return linked(ctx, c, 'MENTIONS', 'Organization');
  }

  @FieldResolver(() => [Target])
  async targets(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<FigureNode[]> {
    return (await ctx.loaders.figures.load(c.id)).filter((f) => f.kind === 'Target');
  }

  @FieldResolver(() => [Result])
  async results(@Root() c: CommitmentNode, @Ctx() ctx: Context): Promise<FigureNode[]> {
    return (await ctx.loaders.figures.load(c.id)).filter((f) => f.kind === 'Result');
  }

  @FieldResolver(() => [Continuation])
  async continues(@Root() c: CommitmentNode, @Ctx() ctx: Context) {
    return continuations(ctx, c.id, 'out');
  }

  @FieldResolver(() => [Continuation])
  async continuedBy(@Root() c: CommitmentNode, @Ctx() ctx: Context) {
    return continuations(ctx, c.id, 'in');
  }

  @FieldResolver(() => [Link])
  async links(@Root() c: CommitmentNode, @Ctx() ctx: Context) {
    const links = await ctx.loaders.links.load(c.id);
    return links.map((l) => ({
      kind: l.edge.type,
      entity: l.entity,
      rule: l.edge.rule,
      evidence: l.edge.evidence,
    }));
  }
}

@Resolver(() => Place)
export class PlaceResolver {
  @FieldResolver(() => Place, { nullable: true })
  async parent(@Root() place: EntityNode, @Ctx() ctx: Context): Promise<EntityNode | null> {
    return (await ctx.loaders.wholes.load(place.id))[0] ?? gazetteerParent(ctx, place);
  }

  @FieldResolver(() => [Place])
  async parts(@Root() place: EntityNode, @Ctx() ctx: Context): Promise<EntityNode[]> {
    // What the store holds (zones by form among them) and the gazetteer's divisions no
    // stored report names, by id as the store orders them.
    const stored = await ctx.loaders.parts.load(place.id);
    const ids = new Set(stored.map((p) => p.id));
    const more = gazetteerParts(ctx, place).filter((p) => !ids.has(p.id));
    if (more.length === 0) return stored;
    return [...stored, ...more].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

@Resolver(() => Entity)
export class EntityResolver {
  @FieldResolver(() => CommitmentConnection)
  async commitments(
    @Root() entity: EntityNode,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return connection(ctx, { linked: [entity.id] }, page);
  }
}

export const resolvers = [
  IngestResolver,
  GraphResolver,
  MetricPointResolver,
  ComparisonResolver,
  TableResolver,
  QueryResolver,
  ReportResolver,
  SectionResolver,
  CommitmentResolver,
  PlaceResolver,
  EntityResolver,
  FigureQueryResolver,
  FigureResolver,
  ProjectResolver,
  SharedEntityResolver,
  ThemeResolver,
  IndustryResolver,
  TargetResolver,
  ResultResolver,
] as const;
