/**
 * ingestReport: a report added at run time. It needs the API key, is validated like a
 * report read from disk, and is stored completely or not at all; with the embedded store
 * it is also written into REPORTS_DIR (first), so it is there after a restart. A stored
 * report is not changed by a request, in text or metadata (src/ingest.ts, addReport).
 */
import { IsIn, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import * as crypto from 'node:crypto';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { extractReport, reportLevel } from '../extract';
import { addReport, ReportFileConflictError } from '../ingest';
import type { Lexicon } from '../extract/lexicon';
import { LEVELS, type ReportNode } from '../model';
import { checkText, parseMeta, ReportError } from '../read';
import { ReportConflictError, ReportTooLargeError } from '../store';
import type { Context } from './context';
import { badInput } from './names';
import { Report } from './types';

@InputType({ description: 'A report and its metadata, as in NAME.txt and NAME.meta.json' })
export class ReportInput {
  @Field(() => ID)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
    message:
      'id must be letters, digits, ".", "_" and "-", starting with a letter or digit, at most 100',
  })
  id!: string;

  @Field() @IsNotEmpty() @MaxLength(500) title!: string;
  @Field() @IsNotEmpty() @MaxLength(200) jurisdiction!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(LEVELS as unknown as string[], { message: `level must be one of ${LEVELS.join(', ')}` })
  level?: string | null;

  @Field(() => Int) @IsInt() @Min(1949) @Max(2100) year!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'deliveredOn must be a date YYYY-MM-DD' })
  deliveredOn?: string | null;

  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) speaker?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(20) language?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) source?: string | null;
  @Field({ description: 'The report text, UTF-8, as published' }) @IsNotEmpty() text!: string;
}

/** Without a level, the jurisdiction's: China is national, a province provincial, else municipal. */
function levelOf(lexicon: Lexicon, jurisdiction: string): string | undefined {
  const level = lexicon.lookupPlace(jurisdiction)?.level;
  return level ? reportLevel(level) : undefined;
}

/** The two keys' hashes compared in constant time: how long it takes tells nothing of the key. */
function sameKey(given: string, key: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();
  return crypto.timingSafeEqual(digest(given), digest(key));
}

function authorize(ctx: Context): void {
  const key = ctx.settings.apiKey;
  const given = /^Bearer\s+(.+)$/i.exec(ctx.authorization ?? '')?.[1];
  if (!key) throw unauthenticated('mutations are disabled: the service has no API_KEY configured');
  if (!given) throw unauthenticated('mutations need the header "Authorization: Bearer <API_KEY>"');
  if (!sameKey(given, key)) throw unauthenticated('the API key is wrong');
}

const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED' } });

@Resolver()
export class IngestResolver {
  @Mutation(() => Report, { description: 'Adds a report (needs the API key); all or nothing' })
  async ingestReport(
    @Arg('input', () => ReportInput) input: ReportInput,
    @Ctx() ctx: Context,
  ): Promise<ReportNode> {
    authorize(ctx);
    const origin = `ingestReport(${input.id})`;
    let graph;
    try {
      const { text, ...fields } = input;
      if (!ctx.lexicon.lookupPlace(fields.jurisdiction)) {
        throw new ReportError(
          origin,
          `"${fields.jurisdiction}" is not a place the gazetteer knows`,
          'jurisdiction',
        );
      }
      const meta = parseMeta(
        { ...fields, level: fields.level ?? levelOf(ctx.lexicon, fields.jurisdiction) },
        origin,
      );
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes > ctx.settings.maxReportBytes) {
        throw new ReportError(
          origin,
          `is ${bytes} bytes, above the limit of ${ctx.settings.maxReportBytes}`,
          'text',
        );
      }
      graph = extractReport({ meta, text: checkText(text, origin), origin }, ctx.lexicon);
    } catch (e) {
      if (e instanceof ReportError) throw badInput(e.message);
      throw e;
    }
    try {
      // One ingest of an id at a time; a stored report is never changed by a request.
      await addReport(ctx.store, graph, ctx.settings.reportsDir);
    } catch (e) {
      if (e instanceof ReportConflictError)
        throw badInput(`${e.message}; give the new one its own id`);
      if (e instanceof ReportFileConflictError || e instanceof ReportTooLargeError)
        throw badInput(e.message);
      throw e;
    }
    return graph.report;
  }
}
