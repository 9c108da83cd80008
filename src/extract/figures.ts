/**
 * Stage 4, figures: every quantity a commitment states (quantities.ts) is a Target in the
 * plan or a Result in the review, measuring a Metric (curated, or created from its words),
 * for the year the sentence or its part names.
 */
import {
  BASE_RULE,
  sortKey,
  type CommitmentNode,
  type EntityNode,
  type FigureNode,
} from '../model';
import {
  compiled,
  metricId,
  nameKey,
  placeId,
  type Lexicon,
  type MetricEntry,
  type PlanPeriod,
} from './lexicon';
import {
  endsWithAny,
  escapeRegExp,
  findFigures,
  isEnumeratedGoal,
  isTargetSentence,
  type FigureMention,
} from './quantities';
import type { Outline } from './split';
import { makeEdge, type GraphPart, type Reading } from './stage';

export function figuresStage(
  { input, text, lexicon, jurisdiction }: Reading,
  commitments: readonly CommitmentNode[],
  outline: Outline,
): GraphPart {
  const { meta } = input;
  const figures: FigureNode[] = [];
  const edges: GraphPart['edges'] & object = [];
  const metricNodes = new Map<string, EntityNode>(
    lexicon.metrics.map((m) => [metricId(m.key), curatedMetricNode(m)]),
  );
  const jurisdictionId = placeId(jurisdiction.name);
  // The title of the part a commitment stands in (its top-level section).
  const partTitles = new Map<string, string>();
  for (const s of outline.sections)
    partTitles.set(s.path, s.parentPath ? partTitles.get(s.parentPath)! : s.title);
  const frames = resultFrames(lexicon, text, outline, meta.year, partTitles);
  for (const c of commitments) {
    const path = c.sectionId!.slice(`section:${meta.id}:`.length);
    const years = () =>
      figureYears(
        lexicon,
        c,
        meta.year,
        partTitles.get(path) ?? '',
        frames.get(c.span.start) ?? frames.get(c.paragraph.start) ?? null,
      );
    // 二是科技创新能力明显提升。: in a plan period's part, an enumerated goal of one clause is
    // a target sentence of its own.
    let dated = c.phase === 'PLAN' && isEnumeratedGoal(lexicon, c.text) ? years() : null;
    const mentions = findFigures(lexicon, text, c.span, {
      targetSentence:
        c.phase === 'PLAN' &&
        (isTargetSentence(lexicon, c.text) || (dated !== null && dated.startYear !== null)),
      plan: c.phase === 'PLAN',
    });
    if (mentions.length === 0) continue;
    dated ??= years();
    mentions.forEach((f, k) => {
      // A value of a 分别 list is dated by the list's words (分别达56.2%、34.7%: reached).
      let from = k;
      while (from > 0 && f.rule === 'respectively' && mentions[from - 1]!.rule === 'respectively')
        from--;
      const dates = figureDates(
        lexicon,
        dated,
        c.phase,
        f.measure,
        text.slice(mentions[from]!.span.start, f.span.end),
      );
      if (!dates) return;
      const { year, startYear, base } = dates;
      const kind = c.phase === 'PLAN' ? 'Target' : 'Result';
      // The base a figure is compared with is no part of what it measures (城镇化率从56.1%):
      // the base and the figure are one indicator's.
      const metricText = withoutBase(lexicon, f.metricText);
      const metric = f.metric
        ? metricNodes.get(metricId(f.metric.key))!
        : uncuratedMetric(metricNodes, metricText);
      const repeated = k > 0 && mentions[k - 1]!.span.start === f.span.start;
      const figure: FigureNode = {
        kind,
        id: `${kind.toLowerCase()}:${meta.id}:${f.span.start}${repeated ? `.${k}` : ''}`,
        reportId: meta.id,
        commitmentId: c.id,
        jurisdiction: jurisdictionId,
        status: f.status,
        metricId: metric.id,
        metricText,
        measure: f.measure,
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.unit,
        qualifier: f.qualifier,
        direction: f.direction,
        year,
        startYear,
        text: text.slice(f.span.start, f.span.end),
        span: f.span,
        // A base is stated to compare with: a year's own statement stands over it.
        rule: base ? BASE_RULE : f.rule,
        sortKey: sortKey(meta.year, meta.id, f.span.start),
      };
      figures.push(figure);
      const evidence = { evidence: f.span, lexicon: null, reportId: meta.id };
      edges.push(
        makeEdge({
          type: kind === 'Target' ? 'SETS' : 'REPORTS',
          source: c.id,
          target: figure.id,
          rule: f.rule,
          ...evidence,
        }),
        makeEdge({
          type: 'MEASURES',
          source: figure.id,
          target: metric.id,
          rule: metric.curated ? 'lexicon' : 'text',
          ...evidence,
          lexicon: metric.lexicon,
        }),
      );
    });
  }
  return { figures, entities: [...metricNodes.values()], edges };
}

function curatedMetricNode(m: MetricEntry): EntityNode {
  return {
    kind: 'Metric',
    id: metricId(m.key),
    name: m.name,
    nameEn: m.nameEn,
    aliases: m.aliases,
    keys: [...new Set([m.key, m.name, m.nameEn, ...m.aliases].map(nameKey))].sort(),
    level: null,
    lexicon: `metrics.json#${m.key}`,
    curated: true,
    key: m.key,
    headlineMeasure: m.headlineMeasure,
  };
}

/**
 * An indicator's words without the base written after them (劳动年龄人口平均受教育年限从10.23年,
 * 财政补助由每人每年380元, 死亡人数较“十三五”同期; FrameRules nameBase), and without a word
 * that names nothing before it (分别).
 */
function withoutBase(lexicon: Lexicon, words: string): string {
  const { nameBase } = compiled(lexicon, 'resultFrames', buildFrameRules);
  nameBase.lastIndex = 1;
  const base = nameBase.exec(words);
  if (!base) return words;
  let end = base.index;
  for (
    let w = endsWithAny(words, end, lexicon.figures.metricTrimEnd);
    w && end > w.length;
    w = endsWithAny(words, end, lexicon.figures.metricTrimEnd)
  )
    end -= w.length;
  return words.slice(0, end);
}

/** An indicator no lexicon names, created from its words and shared by every report using them. */
function uncuratedMetric(nodes: Map<string, EntityNode>, metricText: string): EntityNode {
  const text = metricText.replace(/[\s\u200b]/g, '') || '(unnamed)';
  const id = metricId(`text:${text}`);
  let node = nodes.get(id);
  if (!node) {
    node = {
      kind: 'Metric',
      id,
      name: text,
      nameEn: null,
      aliases: [],
      keys: [nameKey(text)],
      level: null,
      lexicon: null,
      curated: false,
      key: `text:${text}`,
      headlineMeasure: null,
    };
    nodes.set(id, node);
  }
  return node;
}

interface Periods {
  /** "十四五时期", "“十四五”末": a five-year plan's period named. */
  patterns: { period: PlanPeriod; pattern: RegExp }[];
  /** Matches where any of the patterns does: most sentences name no period, and one test says so. */
  any: RegExp;
  /**
   * A part heading about a plan period: the patterns, any of its names (第十五个五年规划), or
   * its name before a planTitleWords word (“十五五”主要目标任务).
   */
  titles: { period: PlanPeriod; pattern: RegExp }[];
}

/** After a plan period's name, the words that make it the period's time (“十四五”时期). */
const PERIOD_WORDS = '时期|期间|末';

function buildPeriods(lexicon: Lexicon): Periods {
  const patterns = lexicon.planPeriods.map((period) => ({
    period,
    pattern: new RegExp(`${period.name}”?(${PERIOD_WORDS})`),
  }));
  const titleWords = lexicon.structure.planTitleWords.map(escapeRegExp).join('|');
  return {
    patterns,
    any: new RegExp(patterns.map(({ pattern }) => `(?:${pattern.source})`).join('|')),
    titles: lexicon.planPeriods.map((period) => ({
      period,
      pattern: new RegExp(
        [
          ...period.aliases.map(escapeRegExp),
          `${period.name}”?(?:${PERIOD_WORDS}${titleWords ? `|${titleWords}` : ''})`,
        ].join('|'),
      ),
    })),
  };
}

/** The years a figure is for: the last, and the first of a multi-year one. */
interface Years {
  year: number;
  startYear: number | null;
}

/** What a review paragraph reports on: the past year, or the five years of a plan period. */
type Frame = { kind: 'YEAR' } | { kind: 'PERIOD'; startYear: number; endYear: number };

interface FrameRules {
  /** Each cue of structure.json's resultFrames, as a pattern, with the frame it sets. */
  cues: { kind: Frame['kind']; pattern: RegExp; lastYear: boolean; bare: boolean }[];
  /**
   * A base at the end of a figure's phrase: a number after 从/由 and a few words that are
   * no verb (从1832户, 由每人每年380元, 从2020年的3.68万亿元), or after 较/比 and the time
   * it was (较“十三五”末的9323.1亿元). Groups: the plan period, the year named.
   */
  bases: RegExp[];
  /** A plan period named as a base (较“十三五”末, 较“十三五”时期), not the sentence's period. */
  periodBases: RegExp;
  /** A plan period a change is counted from (较“十三五”末净增, 较“十三五”增长): its name. */
  changeSincePeriod: RegExp;
  /**
   * Where an indicator's words run on into their base: a base word followed by a number
   * within six characters or by nothing (城镇化率从56.1%, 城镇化率从), or 较/比 before a year or
   * a quoted period (死亡人数较2020年). Global, so a search can start past the first character.
   */
  nameBase: RegExp;
  salutation: RegExp;
}

function buildFrameRules(lexicon: Lexicon): FrameRules {
  const { structure, planPeriods } = lexicon;
  // A plan period's name as the reports write it, with or without quotation marks.
  const period = `“?(${planPeriods.map((p) => escapeRegExp(p.name)).join('|')})”?`;
  const words = (list: readonly string[]) => list.map(escapeRegExp).join('|');
  // The time a base was: a plan period's end, or a year (年末, 年底).
  const when = `${period}末|(\\d{4})年[末底]?`;
  // Up to six characters, none of them starting a verb of figures.json.
  const { growthUp, growthDown, changeUp, changeDown, levelVerbs } = lexicon.figures;
  const verbs = words([...growthUp, ...growthDown, ...changeUp, ...changeDown, ...levelVerbs]);
  // 从 and 由, but not in 从业 or 由于.
  const fromWords = structure.baseFromWords
    .map((w) => {
      const not = structure.notBaseWords
        .filter((n) => n.startsWith(w))
        .map((n) => n.slice(w.length));
      return not.length ? `${escapeRegExp(w)}(?!${words(not)})` : escapeRegExp(w);
    })
    .join('|');
  const noVerb = `(?:(?!${verbs})[^\\d，。；、：,;:]){0,6}?`;
  const cue = (kind: Frame['kind']) => (cueWords: string) => ({
    kind,
    pattern: new RegExp(
      escapeRegExp(cueWords).replace('\\{lastYear\\}', '(\\d{4})').replace('\\{period\\}', period),
    ),
    lastYear: cueWords.includes('{lastYear}'),
    // 2025年, 去年: a year named without saying the sentence is about it.
    bare: kind === 'YEAR' && /^(\{lastYear\}年|去年)$/.test(cueWords),
  });
  return {
    cues: [
      ...structure.resultFrames.oneYear.map(cue('YEAR')),
      ...structure.resultFrames.fiveYears.map(cue('PERIOD')),
    ],
    bases: [
      `(?:${fromWords})(?:${when}|${noVerb})`,
      `(?:${words(structure.baseVersusWords)})(?:${when})`,
    ].map((lead) => new RegExp(`${lead}的?[\\d.]+[^\\d]*$`)),
    nameBase: new RegExp(
      `(?:${fromWords})(?=$|[^，。；、]{0,6}\\d)|(?:${words(structure.baseVersusWords)})(?=[\\d“"])`,
      'g',
    ),
    // 较“十三五”末, and the whole period compared with (较“十三五”时期).
    periodBases: new RegExp(
      `(?:${words([...structure.baseFromWords, ...structure.baseVersusWords])})“?[^”，。]{2,4}”?(?:末|${words(lexicon.figures.periodFrameWords)})`,
      'g',
    ),
    changeSincePeriod: new RegExp(
      `(?:${words(structure.baseVersusWords)})“?(${planPeriods.map((p) => escapeRegExp(p.name)).join('|')})”?(?:末|${words(lexicon.figures.periodFrameWords)})?`,
    ),
    salutation: new RegExp(
      `^[\\s\u3000]*(?:(?:${words(structure.salutations)})[！!，,：:]?)?[\\s\u3000]*(?:——)?`,
    ),
  };
}

const periodFrame = ({ startYear, endYear }: { startYear: number; endYear: number }): Frame => ({
  kind: 'PERIOD',
  startYear,
  endYear,
});

/** The plan period named (十四五), else the one that ended the year before the report. */
function periodOf(lexicon: Lexicon, name: string | undefined, reportYear: number): Frame {
  const p =
    lexicon.planPeriods.find((q) => q.name === name) ??
    lexicon.planPeriods.find((q) => q.endYear === reportYear - 1);
  return periodFrame(p ?? { startYear: reportYear - 5, endYear: reportYear - 1 });
}

/**
 * The frame an opening sentence or a heading sets: its first cue's, or none. A year named
 * bare gives way to another cue of the sentence: a one-year cue (2025年是“十四五”收官之年，
 * 是…的一年), else a period (2015年是“十二五”收官之年。); in a heading the first cue
 * decides (2025年和“十四五”时期工作回顾).
 */
function frameOf(
  rules: FrameRules,
  lexicon: Lexicon,
  opening: string,
  reportYear: number,
  heading = false,
) {
  let first: { at: number; bare: boolean; frame: Frame } | null = null;
  let oneYear = false;
  let period: Frame | null = null;
  for (const { kind, pattern, lastYear, bare } of rules.cues) {
    const m = pattern.exec(opening);
    if (!m || (lastYear && Number(m[1]) !== reportYear - 1)) continue;
    const frame: Frame = kind === 'YEAR' ? { kind } : periodOf(lexicon, m[1], reportYear);
    if (kind === 'YEAR' && !bare) oneYear = true;
    if (kind === 'PERIOD') period ??= frame;
    if (!first || m.index < first.at) first = { at: m.index, bare, frame };
  }
  if (first?.bare && !heading && !oneYear && period) return period;
  return first?.frame ?? null;
}

/**
 * The frame of each review sentence, by its start: the one its paragraph's opening
 * sentence sets, else the paragraph before it's in the same part, else the part heading's.
 * A part that reviews 2025 and the 十四五 period opens its 2025 paragraphs with 过去一年
 * and its five-year ones with 这五年, and the paragraphs between carry on the last.
 */
function resultFrames(
  lexicon: Lexicon,
  text: string,
  outline: Outline,
  reportYear: number,
  partTitles: Map<string, string>,
): Map<number, Frame | null> {
  const rules = compiled(lexicon, 'resultFrames', buildFrameRules);
  const ends = new RegExp(`[${escapeRegExp(lexicon.structure.sentenceEnds)}]`);
  const frames = new Map<number, Frame | null>();
  let part: string | null = null;
  let current: Frame | null = null;
  for (const s of outline.sentences) {
    if (s.phase !== 'REVIEW') continue;
    const top = s.sectionPath.split('/')[0]!;
    if (top !== part) {
      part = top;
      current = frameOf(rules, lexicon, partTitles.get(top) ?? '', reportYear, true);
    }
    // A paragraph opens where a line does: the outline keeps a line that starts with the
    // salutation (各位代表！2025年是…) in the paragraph before it.
    const line = text.lastIndexOf('\n', s.span.start - 1) + 1;
    const opens =
      s.span.start === s.paragraph.start ||
      text.slice(line, s.span.start).replace(rules.salutation, '') === '';
    if (opens) {
      const opening = text
        .slice(line, Math.min(s.paragraph.end, line + 80))
        .replace(rules.salutation, '')
        .split(ends)[0]!
        .slice(0, 40);
      current = frameOf(rules, lexicon, opening, reportYear) ?? current;
    }
    frames.set(s.span.start, current);
  }
  return frames;
}

/**
 * The years a commitment's figures are for: the plan's year, or the reviewed year; a
 * sentence that names a year ("到2025年") or a five-year plan ("“十四五”时期", 今后五年)
 * overrides it, and a review paragraph's frame (resultFrames) dates its results.
 */
function figureYears(
  lexicon: Lexicon,
  c: CommitmentNode,
  reportYear: number,
  partTitle: string,
  frame: Frame | null,
): Years & { frame: Frame | null } {
  const until = /到(\d{4})年/.exec(c.text);
  // A review's five-year sentence may name its end (增长到2025年的4.93万亿元): the figures
  // are still the period's, and figureDates dates the levels at its end.
  const periodEnd =
    c.phase === 'REVIEW' && frame?.kind === 'PERIOD' && Number(until?.[1]) === frame.endYear;
  if (until && !periodEnd)
    return {
      year: Number(until[1]),
      startYear: c.phase === 'PLAN' ? reportYear : null,
      frame: null,
    };
  const span = (p: { startYear: number; endYear: number }): Years & { frame: Frame } => ({
    year: p.endYear,
    startYear: p.startYear,
    frame: periodFrame(p),
  });
  if (c.phase === 'PLAN' && lexicon.structure.multiYearPlanCues.some((w) => c.text.includes(w)))
    return span(
      lexicon.planPeriods.find((q) => q.startYear === reportYear) ?? {
        startYear: reportYear,
        endYear: reportYear + 4,
      },
    );
  // 今明两年职业技能培训3500万人次以上: the years ahead it names, when named before the figures.
  const firstNumber = c.text.search(/\d/);
  const ahead = Object.entries(lexicon.structure.yearsAheadCues).find(([w]) => {
    const at = c.text.indexOf(w);
    return at >= 0 && (firstNumber < 0 || at < firstNumber);
  });
  if (c.phase === 'PLAN' && ahead)
    return span({ startYear: reportYear, endYear: reportYear + ahead[1] - 1 });
  // A sentence, or the part it stands in, about a five-year plan's period ("“十四五”时期…")
  // states figures for the whole period: the plan's ahead, the review's behind. A period
  // named as a base (较“十三五”末) is not the sentence's.
  const periods = compiled(lexicon, 'periods', buildPeriods);
  const names = (where: string) =>
    periods.any.test(where)
      ? periods.patterns.filter(({ pattern }) => pattern.test(where)).map(({ period }) => period)
      : [];
  const own = names(
    c.text.replace(compiled(lexicon, 'resultFrames', buildFrameRules).periodBases, ''),
  );
  const inPlan = (p: PlanPeriod) => p.startYear <= reportYear && reportYear <= p.endYear;
  const before = (p: PlanPeriod) => p.endYear < reportYear;
  const named = c.phase === 'PLAN' ? own.find(inPlan) : own.find(before);
  if (named) return span(named);
  if (c.phase === 'REVIEW' && frame)
    return frame.kind === 'PERIOD' ? span(frame) : { year: reportYear - 1, startYear: null, frame };
  const titled = periods.titles
    .filter(({ pattern }) => pattern.test(partTitle))
    .map(({ period }) => period)
    .find(c.phase === 'PLAN' ? inPlan : before);
  if (titled) return span(titled);
  return { year: c.phase === 'PLAN' ? reportYear : reportYear - 1, startYear: null, frame: null };
}

/**
 * One figure's years, from its commitment's, or null for a plan's base, which is no target
 * (由每人每年380元 in 由每人每年380元提高到420元). A review's base (从1832户, 较“十三五”末的
 * 9323.1亿元) is dated by the year or period it names, else the year before the frame. In a
 * review's five-year frame a level or a share reached (达到, 突破) is the state at the
 * period's end, where a growth, a change, a total (新增) or a level held or built up over
 * the years (稳定在, 建成) spans it.
 */
function figureDates(
  lexicon: Lexicon,
  dated: Years & { frame: Frame | null },
  phase: CommitmentNode['phase'],
  measure: FigureMention['measure'],
  phrase: string,
): (Years & { base: boolean }) | null {
  const { year, startYear, frame } = dated;
  const rules = compiled(lexicon, 'resultFrames', buildFrameRules);
  const base = rules.bases.map((b) => b.exec(phrase)).find((m) => m !== null);
  if (base) {
    if (phase === 'PLAN') return null;
    const named = base[1] ? lexicon.planPeriods.find((p) => p.name === base[1]) : undefined;
    return {
      year: named ? named.endYear : base[2] ? Number(base[2]) : (startYear ?? year) - 1,
      startYear: null,
      base: true,
    };
  }
  // 较“十三五”末净增1万亿元, 较“十三五”增长16.3%: a change over the plan period after the one
  // compared with (the base itself, 较“十三五”末的5.4万亿元, was dated above).
  const since =
    phase === 'REVIEW' && measure !== 'LEVEL' && measure !== 'SHARE'
      ? rules.changeSincePeriod.exec(phrase)
      : null;
  const from = since ? lexicon.planPeriods.find((p) => p.name === since[1]) : undefined;
  if (from && from.endYear < year) return { year, startYear: from.endYear + 1, base: false };
  if (phase !== 'REVIEW' || frame?.kind !== 'PERIOD') return { year, startYear, base: false };
  const { levelReachedWords, periodTotalWords } = lexicon.structure;
  const reached =
    levelReachedWords.some((w) => phrase.includes(w)) &&
    !periodTotalWords.some((w) => phrase.includes(w));
  if (startYear !== null && (measure === 'LEVEL' || measure === 'SHARE') && reached)
    return { year, startYear: null, base: false };
  return { year, startYear, base: false };
}
