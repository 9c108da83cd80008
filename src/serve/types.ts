/**
 * The GraphQL types of the contract (../shared/DESIGN.md), as type-graphql classes. Their
 * instances are the domain model's plain objects: a class here only says how a domain
 * object is shown; computed fields are resolved in resolvers.ts.
 */
import { IsIn, IsOptional, Max, MaxLength, Min, ArrayMaxSize } from 'class-validator';
import {
  ArgsType,
  Field,
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

export const MAX_FIRST = 1000;
export const MAX_NAME_LENGTH = 200;

@ObjectType({ description: 'Offsets into Report.text in UTF-16 code units, end exclusive' })
export class Span {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
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
  @Field(() => String, { nullable: true, description: 'country, province, city, district, ...' })
  level!: string | null;
  @Field(() => Place, { nullable: true }) parent!: Place | null;
  @Field(() => [Place]) parts!: Place[];
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
  @Field(() => [Place]) places!: Place[];
  @Field(() => [Link]) links!: Link[];
}

@InputType()
export class CommitmentFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Names (any language); a commitment matches any',
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
}
