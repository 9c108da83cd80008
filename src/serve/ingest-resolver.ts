/**
 * ingestReport: a report added at run time. It needs the API key, is validated like a
 * report read from disk, and is stored completely or not at all; with the embedded store
 * it is also written into REPORTS_DIR (first), so it is there after a restart.
 */
import { IsIn, IsInt, IsNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { GraphQLError } from 'graphql';
import * as crypto from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { extractReport, reportLevel } from '../extract';
import { linkReport } from '../link';
import type { Lexicon } from '../extract/lexicon';
import { LEVELS, type ReportNode } from '../model';
import { checkText, parseMeta, ReportError } from '../read';
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
    const [stored] = await ctx.store.reportsByIds([input.id]);
    if (stored && stored.hash !== graph.report.hash) {
      throw badInput(
        `a report with id "${input.id}" is already stored with a different text; give the new one its own id`,
      );
    }
    const files = ctx.settings.reportsDir
      ? await writeReport(ctx.settings.reportsDir, graph.report)
      : null;
    try {
      await ctx.store.ingest(graph);
    } catch (e) {
      await files?.undo();
      throw e;
    }
    await linkReport(ctx.store, graph.report.reportId);
    return graph.report;
  }
}

/** Writes NAME.txt and NAME.meta.json (each via a temporary file); `undo` removes them again. */
async function writeReport(
  dir: string,
  report: ReportNode,
): Promise<{ undo: () => Promise<void> }> {
  const { text } = report;
  const meta = {
    id: report.reportId,
    title: report.title,
    jurisdiction: report.jurisdiction,
    level: report.level,
    year: report.year,
    deliveredOn: report.deliveredOn,
    speaker: report.speaker,
    language: report.language,
    source: report.source,
  };
  const base = path.join(dir, report.reportId);
  const written: string[] = [];
  const write = async (file: string, content: string) => {
    await fs.writeFile(`${file}.tmp`, content, 'utf8');
    await fs.rename(`${file}.tmp`, file);
    written.push(file);
  };
  await write(`${base}.txt`, text);
  await write(
    `${base}.meta.json`,
    `${JSON.stringify(Object.fromEntries(Object.entries(meta).filter(([, v]) => v != null)), null, 2)}\n`,
  );
  return {
    undo: async () => void (await Promise.all(written.map((f) => fs.rm(f, { force: true })))),
  };
}
