/**
 * The GraphQL types of the contract (../shared/DESIGN.md), as type-graphql classes. Their
 * instances are the domain model's plain objects: a class here only says how a domain
 * object is shown; computed fields are resolved in resolvers.ts.
 */
import { IsIn, IsOptional, Max, MaxLength, Min, ArrayMaxSize } from 'class-validator';
import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  InterfaceType,
  ObjectType,
  registerEnumType,
} from 'type-graphql';

export enum Phase {
  PLAN = 'PLAN',
  REVIEW = 'REVIEW',
}
registerEnumType(Phase, {
  name: 'Phase',
  description: 'REVIEW for the part reviewing past work, PLAN after it',
});

/** GraphQL names on the left, the domain model's kinds on the right. */
export enum EntityKind {
  PLACE = 'Place',
  INDUSTRY = 'Industry',
  THEME = 'Theme',
  PROJECT = 'Project',
  ORGANIZATION = 'Organization',
  METRIC = 'Metric',
}
registerEnumType(EntityKind, { name: 'EntityKind' });

export enum Measure {
  LEVEL = 'LEVEL',
  GROWTH = 'GROWTH',
  CHANGE = 'CHANGE',
  SHARE = 'SHARE',
}
registerEnumType(Measure, {
  name: 'Measure',
  description: 'What a figure states: a level, a growth rate, an absolute change, or a share',
});

export enum Qualifier {
  EXACT = 'EXACT',
  ABOUT = 'ABOUT',
  AT_LEAST = 'AT_LEAST',
  AT_MOST = 'AT_MOST',
  MORE_THAN = 'MORE_THAN',
  NEARLY = 'NEARLY',
  RANGE = 'RANGE',
}
registerEnumType(Qualifier, {
  name: 'Qualifier',
  description:
    '左右 ABOUT, 以上 AT_LEAST, 以内 AT_MOST, 多/超过 MORE_THAN, 近 NEARLY, 4.5%—5% RANGE (low and high)',
});

export enum FigureStatus {
  SET = 'SET',
  QUALITATIVE = 'QUALITATIVE',
  DEFERRED = 'DEFERRED',
}
registerEnumType(FigureStatus, {
  name: 'FigureStatus',
  description:
    'SET: a number is given; QUALITATIVE: a target without a number; DEFERRED: explicitly not set for the year',
});

export enum Direction {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(Direction, { name: 'Direction' });

export const MAX_FIRST = 1000;
export const MAX_NAME_LENGTH = 200;

@ObjectType({ description: 'Offsets into Report.text in UTF-16 code units, end exclusive' })
export class Span {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType({
  description: 'A stretch of a report with its words, so a reader need not fetch the whole text',
})
export class Passage {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field() text!: string;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class CommitmentConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [Commitment]) nodes!: Commitment[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, nullable: true })
  @IsOptional()
  @Min(0)
  @Max(MAX_FIRST, { message: `first must not be above ${MAX_FIRST}` })
  first!: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  after?: string | null;
}

@InterfaceType({
  resolveType: (value: { kind: string }) => value.kind,
  description: 'A place, industry, theme, project, organisation or metric commitments link to',
})
export abstract class Entity {
  @Field(() => ID) id!: string;
  @Field(() => EntityKind) kind!: EntityKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameEn!: string | null;
  @Field(() => [String]) aliases!: string[];
  @Field(() => CommitmentConnection, { description: 'Commitments linked to it, in report order' })
  commitments!: CommitmentConnection;
}

@ObjectType({ implements: Entity })
export class Place extends Entity {
  @Field(() => String, {
    nullable: true,
    description: 'country, province, prefecture or county; zone, new-area, region, town, ...',
  })
  level!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The GB/T 2260 code of an administrative division (210100 for 沈阳); null otherwise',
  })
  code!: string | null;
  @Field(() => Place, { nullable: true }) parent!: Place | null;
  @Field(() => [Place]) parts!: Place[];
}

@ObjectType({ implements: Entity, description: 'An industry of the curated taxonomy' })
export class Industry extends Entity {
  @Field(() => Industry, { nullable: true }) parent!: Industry | null;
}

@ObjectType({
  implements: Entity,
  description: 'A policy theme: a slogan, mission, programme or bundle of themes',
})
export class Theme extends Entity {
  @Field({ description: 'From the curated lexicon (true) or a quoted slogan of the text (false)' })
  curated!: boolean;
  @Field(() => [Theme], { description: 'The themes it bundles (五大安全: its five securities)' })
  components!: Theme[];
}

@ObjectType({
  implements: Entity,
  description: 'A named project, found by its form (…高铁, …工程)',
})
export class Project extends Entity {
  @Field(() => [Place], {
    description: 'Where it is, from the places and abbreviations in its name',
  })
  places!: Place[];
  @Field(() => [Theme], { description: 'Themes served by the commitments that name it' })
  themes!: Theme[];
}

@ObjectType({ implements: Entity, description: 'An organisation of the curated list' })
export class Organization extends Entity {}

@ObjectType({
  implements: Entity,
  description: 'An indicator figures measure; curated ones have canonical keys',
})
export class Metric extends Entity {
  @Field({
    description: 'Canonical key (gdp), or "text:<words>" for an indicator no lexicon names',
  })
  key!: string;
  @Field() curated!: boolean;
  @Field(() => Measure, { nullable: true, description: 'The measure its annual target uses' })
  headlineMeasure!: Measure | null;
}

@InputType()
export class FigureFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  report?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A metric key (gdp) or name (地区生产总值, GDP)',
  })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  metric?: string | null;

  @Field(() => Measure, { nullable: true })
  @IsOptional()
  measure?: Measure | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1949)
  @Max(2100)
  year?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The jurisdiction whose report states it (辽宁, China)',
  })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  jurisdiction?: string | null;

  @Field(() => FigureStatus, { nullable: true })
  @IsOptional()
  status?: FigureStatus | null;
}

@InputType()
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'A theme name; its components count too' })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  servesTheme?: string | null;

  @Field(() => String, { nullable: true, description: 'A place name; places inside it count too' })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  involves?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  report?: string | null;
}

@ArgsType()
export class ListArgs {
  @Field(() => Int, { defaultValue: 100, nullable: true })
  @IsOptional()
  @Min(0)
  @Max(MAX_FIRST, { message: `first must not be above ${MAX_FIRST}` })
  first!: number | null;
}

@ObjectType()
export class Report {
  @Field(() => ID, { name: 'id', description: 'The id of its metadata file, e.g. liaoning-2022' })
  reportId!: string;
  @Field() title!: string;
  @Field(() => Place) jurisdiction!: Place;
  @Field() level!: string;
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true }) deliveredOn!: string | null;
  @Field(() => String, { nullable: true }) speaker!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field({ description: 'The report exactly as read; spans index into it' }) text!: string;
  @Field(() => [Section]) sections!: Section[];
  @Field(() => CommitmentConnection) commitments!: CommitmentConnection;
}

@ObjectType()
export class Section {
  @Field(() => ID) id!: string;
  @Field(() => Report) report!: Report;
  @Field() title!: string;
  @Field({ description: 'Heading markers from the top, e.g. "二/（一）"' }) path!: string;
  @Field(() => Int) ordinal!: number;
  @Field(() => Section, { nullable: true }) parent!: Section | null;
  @Field(() => [Section]) children!: Section[];
  @Field(() => CommitmentConnection) commitments!: CommitmentConnection;
}

@ObjectType({ description: 'How a commitment links to an entity, and why' })
export class Link {
  @Field({ description: 'The edge type: INVOLVES, CONCERNS, SERVES, MENTIONS' }) kind!: string;
  @Field(() => Entity) entity!: Entity;
  @Field({ description: 'The rule that made the link' }) rule!: string;
  @Field(() => Span, { nullable: true, description: 'The words of the report it rests on' })
  evidence!: Span | null;
}

@ObjectType({ description: 'One sentence of the report body' })
export class Commitment {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field(() => Phase) phase!: Phase;
  @Field(() => Report) report!: Report;
  @Field(() => Section, { nullable: true }) section!: Section | null;
  @Field(() => Span) span!: Span;
  @Field(() => Span, { description: 'The paragraph the sentence stands in' }) paragraph!: Span;
  @Field(() => Passage, {
    description: "The paragraph with its words (it holds the sentence and its links' evidence)",
  })
  passage!: Passage;
  @Field(() => Span, {
    description: "The paragraph's opening (topic) sentence, which frames the rest",
  })
  topic!: Span;
  @Field(() => String, {
    nullable: true,
    description: 'The enumeration item it belongs to (一是, （1）)',
  })
  item!: string | null;
  @Field(() => [Place]) places!: Place[];
  @Field(() => [Industry]) industries!: Industry[];
  @Field(() => [Theme]) themes!: Theme[];
  @Field(() => [Project]) projects!: Project[];
  @Field(() => [Organization]) organizations!: Organization[];
  @Field(() => [Target]) targets!: Target[];
  @Field(() => [Result]) results!: Result[];
  @Field(() => [Link]) links!: Link[];
  @Field(() => [Continuation], { description: 'Commitments of earlier reports it carries on' })
  continues!: Continuation[];
  @Field(() => [Continuation], { description: 'Commitments of later reports that carry it on' })
  continuedBy!: Continuation[];
}

@ObjectType({ description: 'The same line of work in another report, and how sure the link is' })
export class Continuation {
  @Field(() => Commitment) commitment!: Commitment;
  @Field(() => Float, { description: 'Text similarity (Dice over CJK bigrams), 0 to 1' })
  score!: number;
  @Field({ description: 'similarity+project, similarity+metric or similarity+theme' })
  rule!: string;
}

@InputType()
export class CommitmentFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Names (any language) or entity ids (place:沈阳); a commitment matches any',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @MaxLength(MAX_NAME_LENGTH, { each: true })
  involves?: string[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  report?: string | null;

  @Field(() => Phase, { nullable: true })
  @IsOptional()
  @IsIn([Phase.PLAN, Phase.REVIEW])
  phase?: Phase | null;

  @Field(() => String, { nullable: true, description: 'A theme the commitment serves' })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  theme?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'An industry it concerns (its sub-industries count)',
  })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  industry?: string | null;

  @Field(() => String, { nullable: true, description: 'Words the sentence contains' })
  @IsOptional()
  @MaxLength(MAX_NAME_LENGTH)
  text?: string | null;
}

export enum VerdictValue {
  MET = 'MET',
  MISSED = 'MISSED',
  NOT_COMPARABLE = 'NOT_COMPARABLE',
}
registerEnumType(VerdictValue, {
  name: 'VerdictValue',
  description: 'Whether a result met the target it is the outcome of',
});

@ObjectType({
  description:
    "A result judged against its target by the target's qualifier and the metric's better side (graph/verdicts.json)",
})
export class Verdict {
  @Field(() => VerdictValue) value!: VerdictValue;
  @Field({
    description:
      'The rule that judged it: at-least, more-than, at-most, range-floor, about-ceiling, exact-floor, …, or why not (units-differ, no-target-number)',
  })
  rule!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'How far an ABOUT target may be missed and still be met',
  })
  tolerance!: number | null;
  @Field({ description: 'The comparison in words (3 against about 5.5 (±0.5, floor): missed)' })
  explanation!: string;
}

// Figures come last: their fields are typed by Commitment and Report, which must exist first.
@InterfaceType({
  resolveType: (value: { kind: string }) => value.kind,
  description: 'A quantified figure of a report',
})
export abstract class Figure {
  @Field(() => ID) id!: string;
  @Field(() => FigureStatus) status!: FigureStatus;
  @Field(() => Metric) metric!: Metric;
  @Field({ description: 'The indicator as written' }) metricText!: string;
  @Field(() => Measure) measure!: Measure;
  @Field(() => Float, {
    nullable: true,
    description: 'The number as written (a RANGE: its low end); null unless SET',
  })
  value!: number | null;
  @Field(() => Float, { nullable: true, description: "A RANGE's low end; null otherwise" })
  low!: number | null;
  @Field(() => Float, { nullable: true, description: "A RANGE's high end; null otherwise" })
  high!: number | null;
  @Field(() => String, { nullable: true, description: 'The unit as written (%, 亿元, 万人)' })
  unit!: string | null;
  @Field(() => Qualifier) qualifier!: Qualifier;
  @Field(() => Direction, { nullable: true }) direction!: Direction | null;
  @Field(() => Int, { description: 'The year the figure is for' }) year!: number;
  @Field(() => Place, { description: "The report's jurisdiction" }) jurisdiction!: Place;
  @Field(() => Int, { nullable: true, description: 'First year of a multi-year figure' })
  startYear!: number | null;
  @Field({ description: 'The phrase stating the figure' }) text!: string;
  @Field(() => Span) span!: Span;
  @Field({ description: 'The rule that extracted it' }) rule!: string;
  @Field(() => Commitment) commitment!: Commitment;
  @Field(() => Report) report!: Report;
}

@ObjectType({ implements: Figure, description: 'A planned figure' })
export class Target extends Figure {
  @Field(() => [Result], {
    description: 'Results reported later for it (same jurisdiction, metric, measure and year)',
  })
  outcomes!: Result[];
  @Field(() => Verdict, {
    nullable: true,
    description: 'The verdict on the result reported for it; null while none is',
  })
  verdict!: Verdict | null;
}

@ObjectType({ implements: Figure, description: 'A reported figure' })
export class Result extends Figure {
  @Field(() => Target, { nullable: true }) outcomeOf!: Target | null;
  @Field(() => Verdict, {
    nullable: true,
    description: 'Whether it met the target it is the outcome of; null without one',
  })
  verdict!: Verdict | null;
}

export enum NodeKind {
  REPORT = 'Report',
  SECTION = 'Section',
  COMMITMENT = 'Commitment',
  TARGET = 'Target',
  RESULT = 'Result',
  METRIC = 'Metric',
  PLACE = 'Place',
  INDUSTRY = 'Industry',
  THEME = 'Theme',
  PROJECT = 'Project',
  ORGANIZATION = 'Organization',
}
registerEnumType(NodeKind, { name: 'NodeKind' });

@ObjectType('GraphNode', { description: 'A node of a subgraph, as the explorer draws it' })
export class GraphNodeView {
  @Field(() => ID) id!: string;
  @Field(() => NodeKind) kind!: NodeKind;
  @Field() label!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The report it belongs to, for report-owned nodes',
  })
  report!: string | null;
  @Field(() => Phase, { nullable: true }) phase!: Phase | null;
}

@ObjectType('GraphEdge', {
  description: 'An edge of a subgraph, with the rule and evidence behind it',
})
export class GraphEdgeView {
  @Field(() => ID) id!: string;
  @Field() type!: string;
  @Field(() => ID) source!: string;
  @Field(() => ID) target!: string;
  @Field(() => String, { nullable: true }) rule!: string | null;
  @Field(() => Span, { nullable: true }) evidence!: Span | null;
  @Field(() => Float, { nullable: true }) score!: number | null;
}

@ObjectType()
export class Subgraph {
  @Field(() => [GraphNodeView]) nodes!: GraphNodeView[];
  @Field(() => [GraphEdgeView]) edges!: GraphEdgeView[];
}

@ObjectType()
export class SearchHit {
  @Field(() => ID) id!: string;
  @Field(() => NodeKind) kind!: NodeKind;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'The matching words in context' }) snippet!:
    string | null;
  @Field(() => Float) score!: number;
}

@ObjectType({
  description: 'One year of a metric in one jurisdiction: what was planned and what was reported',
})
export class MetricPoint {
  @Field(() => Int) year!: number;
  @Field(() => Place) jurisdiction!: Place;
  @Field(() => Target, { nullable: true }) target!: Target | null;
  @Field(() => Result, { nullable: true }) result!: Result | null;
  @Field(() => Verdict, {
    nullable: true,
    description: 'Whether the result met the target; null unless both are there',
  })
  verdict!: Verdict | null;
}

export enum Relation {
  ABOVE = 'ABOVE',
  BELOW = 'BELOW',
  LEVEL = 'LEVEL',
  NOT_COMPARABLE = 'NOT_COMPARABLE',
}
registerEnumType(Relation, {
  name: 'Relation',
  description:
    "A target against the country's: ABOVE or BELOW when the ranges they allow do not meet, LEVEL when they do",
});

@ObjectType({ description: "A jurisdiction's target for a year set against the country's" })
export class TargetAgainstNational {
  @Field(() => Int) year!: number;
  @Field(() => Place) jurisdiction!: Place;
  @Field(() => Target) target!: Target;
  @Field(() => Target, { nullable: true, description: "The country's target that year" })
  national!: Target | null;
  @Field(() => Relation) relation!: Relation;
  @Field(() => Float, {
    nullable: true,
    description: 'Middle of the target minus middle of the national one, in the unit as written',
  })
  difference!: number | null;
}

@ObjectType({
  description:
    'A row of the tidy table: names as the CSV columns (jurisdiction, year, metric, measure, target_*, result_*, verdict, citations)',
})
export class TargetRow {
  @Field(() => String, { nullable: true }) jurisdiction!: string | null;
  @Field(() => String, { nullable: true }) jurisdiction_en!: string | null;
  @Field(() => String, { nullable: true }) jurisdiction_code!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) metric!: string | null;
  @Field(() => String, { nullable: true }) metric_name!: string | null;
  @Field(() => Boolean, { nullable: true }) metric_curated!: boolean | null;
  @Field(() => String, { nullable: true }) measure!: string | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) target_status!: string | null;
  @Field(() => Float, { nullable: true }) target_value!: number | null;
  @Field(() => Float, { nullable: true }) target_low!: number | null;
  @Field(() => Float, { nullable: true }) target_high!: number | null;
  @Field(() => String, { nullable: true }) target_qualifier!: string | null;
  @Field(() => String, { nullable: true }) target_direction!: string | null;
  @Field(() => Float, { nullable: true }) result_value!: number | null;
  @Field(() => String, { nullable: true }) result_qualifier!: string | null;
  @Field(() => String, { nullable: true }) result_direction!: string | null;
  @Field(() => String, { nullable: true }) verdict!: string | null;
  @Field(() => String, { nullable: true }) verdict_rule!: string | null;
  @Field(() => String, { nullable: true }) target_text!: string | null;
  @Field(() => String, { nullable: true }) target_report!: string | null;
  @Field(() => Int, { nullable: true }) target_start!: number | null;
  @Field(() => Int, { nullable: true }) target_end!: number | null;
  @Field(() => String, { nullable: true }) target_sentence!: string | null;
  @Field(() => String, { nullable: true }) result_text!: string | null;
  @Field(() => String, { nullable: true }) result_report!: string | null;
  @Field(() => Int, { nullable: true }) result_start!: number | null;
  @Field(() => Int, { nullable: true }) result_end!: number | null;
  @Field(() => String, { nullable: true }) result_sentence!: string | null;
}

@ObjectType({
  description:
    'An entity the commitments of several reports link (directly, not through its parts), with those reports',
})
export class SharedEntity {
  @Field(() => Entity) entity!: Entity;
  @Field(() => [Report], { description: 'The reports whose commitments link it, by year then id' })
  reports!: Report[];
  @Field(() => Int, { description: 'Commitments linking it, over all those reports' })
  commitmentCount!: number;
}

@ObjectType({ description: 'The tidy table of targets and results, typed and as CSV' })
export class TargetTable {
  @Field(() => Int) totalCount!: number;
  @Field(() => [TargetRow]) rows!: TargetRow[];
  @Field({ description: 'The same rows as CSV (RFC 4180, a header first)' }) csv!: string;
}
