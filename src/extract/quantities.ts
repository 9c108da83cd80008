/**
 * Quantities in a sentence: every number with a unit, with the indicator it measures, its
 * measure (level, growth, change, share), direction, qualifier (以上, 左右, …) and unit as
 * written; "分别" lists become one figure per value. In target sentences ("主要预期目标是：…")
 * indicators named without a number become QUALITATIVE figures, and targets explicitly
 * left for the five-year plan become DEFERRED ones. The words are the lexicon's
 * (graph/figures.json, graph/metrics.json).
 */
import type { Direction, FigureStatus, Measure, Qualifier, Span } from '../model';
import { compiled, type FigureRules, type Lexicon, type MetricEntry } from './lexicon';
import { append } from './stage';

export interface FigureMention {
  status: FigureStatus;
  /** The indicator as written (after dropping words such as 全年, 实现). */
  metricText: string;
  /** The curated metric, when one of its names is in metricText. */
  metric: MetricEntry | null;
  measure: Measure;
  value: number | null;
  /** A RANGE's ends (value is the low end); null otherwise. */
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: Qualifier;
  direction: Direction | null;
  /** The phrase stating the figure, as a span of the report text. */
  span: Span;
  /**
   * Which rule produced it: quantity, classifier (the counted noun after the unit),
   * respectively, inherited-metric, compared-with, qualitative, deferred.
   */
  rule: string;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;

const HAN = /\p{Script=Han}/u;

/** The lexicon's quantity words, sorted for matching once per lexicon. */
interface Rules {
  F: FigureRules;
  UNITS: string[];
  MULTIPLIERS: string[];
  VERBS: string[];
  QUALIFIERS_BEFORE: string[];
  QUALIFIERS_AFTER: string[];
  RANGE_SEPARATORS: string[];
  COUNTED_UNITS: Set<string>;
  /** Words a count's lead may be made of: lead verbs, trim words, enumerators. */
  LEAD_WORDS: Set<string>;
  COUNTED_STOPS: string[];
  COUNTED_TRIM_END: string[];
  /** countedLeadWords of two characters or more (一 character may end a noun: 新区), longest first. */
  PREDICATE_VERBS: string[];
  /** countedLeadWords that may follow a subject (no verbs of change), longest first. */
  SUBJECT_COUNT_VERBS: string[];
  /** Words a subject may be made of without naming an indicator (比上年, 同比, 年均). */
  TRIM_WORDS: Set<string>;
  /** Trimmed from the start of an indicator's words (我们将, 二是), longest first. */
  TRIM_START: string[];
  /** Verbs of a change in amount (新增, 减少): one opening a clause governs the object after it. */
  CHANGE_VERBS: Set<string>;
  /** Words that refer to the figure before (其中). */
  BACK_REFERENCES: Set<string>;
  /** Modals before a verb (要, 再, 将), longest first. */
  MODALS: string[];
  /** A span of time ending an indicator's words (连续3年保持: 连续3年). */
  SPAN_END: RegExp;
  /** Every metric's names, in lexicon order. */
  METRIC_NAMES: { metric: MetricEntry; alias: string }[];
  /** The same names, to ask whether a word is one. */
  METRIC_ALIASES: Set<string>;
  /** Indicators that are a ratio of two others, by "part/whole" key. */
  RATIOS: Map<string, MetricEntry>;
  /** Spelled numbers after their verbs (突破千亿元), found from their unit's first character. */
  SPELLED: { starts: string[]; numbers: string[]; verbs: string[] } | null;
  /** Number words of a doubling (翻一番), longest first. */
  DOUBLING_NUMBERS: string[];
  /** A plan period as a time frame opening an indicator's words (“十三五”时期). */
  PERIOD_LEAD: RegExp;
  /** A year opening an indicator's words (2025年全省地区生产总值): the figure's date, no name. */
  YEAR_LEAD: RegExp;
  /** Words that are only a period compared with, and its value (较“十三五”末的9323.1亿元). */
  PERIOD_BASE_ONLY: RegExp;
  /** The name is only a place's below a province's, or a region's or a foreign one's. */
  PLACE_OF_ITS_OWN: (name: string) => boolean;
}

/**
 * The characters a spelled number's unit starts with (万, 亿: the multipliers that are no
 * spelled number themselves), and the spelled numbers and verbs, longest first; null
 * without verbs.
 */
function spelledRules(F: FigureRules): Rules['SPELLED'] {
  const { after, numbers } = F.spelledNumbers;
  if (after.length === 0) return null;
  const units = Object.keys(F.unitMultipliers).filter((m) => !numbers.includes(m));
  return {
    starts: [...new Set(units.map((m) => m[0]!))],
    numbers: [...numbers].sort(byLengthDesc),
    verbs: [...after].sort(byLengthDesc),
  };
}

function buildRules(lexicon: Lexicon): Rules {
  const F = lexicon.figures;
  const metricNames = lexicon.metrics.flatMap((metric) =>
    [metric.name, ...metric.aliases].map((alias) => ({ metric, alias })),
  );
  const changeVerbs = new Set([...F.growthUp, ...F.growthDown, ...F.changeUp, ...F.changeDown]);
  return {
    F,
    UNITS: [...F.units].sort(byLengthDesc),
    MULTIPLIERS: Object.keys(F.unitMultipliers).sort(byLengthDesc),
    VERBS: [
      ...new Set([...F.growthUp, ...F.growthDown, ...F.changeUp, ...F.changeDown, ...F.levelVerbs]),
    ].sort(byLengthDesc),
    QUALIFIERS_BEFORE: Object.keys(F.qualifiersBefore).sort(byLengthDesc),
    QUALIFIERS_AFTER: Object.keys(F.qualifiersAfter).sort(byLengthDesc),
    RANGE_SEPARATORS: [...F.rangeSeparators].sort(byLengthDesc),
    COUNTED_UNITS: new Set(F.countedUnits),
    LEAD_WORDS: new Set([
      ...F.countedLeadWords,
      ...F.metricTrimStart,
      ...F.enumerators,
      ...F.countedScopeWords,
      ...F.countedPrepositions,
    ]),
    TRIM_WORDS: new Set(F.metricTrimEnd),
    // 二是改造农村危房8000户: an enumerator opening a clause is no part of what it names.
    TRIM_START: [...F.metricTrimStart, ...F.enumerators].sort(byLengthDesc),
    CHANGE_VERBS: new Set([...F.changeUp, ...F.changeDown]),
    BACK_REFERENCES: new Set(F.backReferences),
    PREDICATE_VERBS: F.countedLeadWords.filter((w) => w.length > 1).sort(byLengthDesc),
    // After a subject, a verb of change says how much the subject changed (完整性指数提升2个等级).
    SUBJECT_COUNT_VERBS: F.countedLeadWords.filter((w) => !changeVerbs.has(w)).sort(byLengthDesc),
    COUNTED_STOPS: [...F.countedStopWords].sort(byLengthDesc),
    COUNTED_TRIM_END: [...F.countedTrimEnd, ...Object.keys(F.qualifiersBefore)].sort(byLengthDesc),
    MODALS: [...F.modalsBeforeVerb].sort(byLengthDesc),
    SPAN_END: new RegExp(
      `(?:${F.spans.lead.map(escapeRegExp).join('|')})[\\d一二两三四五六七八九十]+(?:${[
        ...F.spans.units,
      ]
        .sort(byLengthDesc)
        .map(escapeRegExp)
        .join('|')})$`,
    ),
    METRIC_NAMES: metricNames,
    METRIC_ALIASES: new Set(metricNames.map(({ alias }) => alias)),
    SPELLED: spelledRules(F),
    DOUBLING_NUMBERS: Object.keys(F.doublings.numbers).sort(byLengthDesc),
    YEAR_LEAD: new RegExp(`^(?:19|20)\\d\\d年(?:${F.yearLeadEnds.map(escapeRegExp).join('|')})?`),
    PERIOD_LEAD: new RegExp(
      `^(?:${lexicon.planPeriods
        .flatMap((p) => [p.name, ...p.aliases])
        .sort(byLengthDesc)
        .map(escapeRegExp)
        .join('|')})[”"]?(?:${F.periodFrameWords.map(escapeRegExp).join('|')})`,
    ),
    PERIOD_BASE_ONLY: new RegExp(
      `^(?:${lexicon.structure.baseVersusWords.map(escapeRegExp).join('|')})“?(?:${lexicon.planPeriods
        .flatMap((p) => [p.name, ...p.aliases])
        .sort(byLengthDesc)
        .map(escapeRegExp)
        .join(
          '|',
        )})[”"]?(?:末|同期|${F.periodFrameWords.map(escapeRegExp).join('|')})?的?(?:[\\d.]+[^\\d]*)?$`,
    ),
    PLACE_OF_ITS_OWN: (name) => {
      const places = lexicon.lookupPlaces(name);
      return (
        places.length > 0 && places.every((p) => p.level !== 'province' && p.level !== 'country')
      );
    },
    RATIOS: new Map(
      lexicon.metrics.flatMap((m) =>
        m.ratioOf ? [[`${m.ratioOf.part}/${m.ratioOf.whole}`, m]] : [],
      ),
    ),
  };
}

const rulesOf = (lexicon: Lexicon): Rules => compiled(lexicon, 'quantities', buildRules);

/** The unit written at `i`: a base unit (千米), or a multiplier and a base unit (亿户, 万亿元). */
function unitAt(r: Rules, s: string, i: number): string | undefined {
  const base = baseUnitAt(r, s, i);
  if (base) return base;
  const multiplier = startsWithAny(s, i, r.MULTIPLIERS);
  const after = multiplier ? baseUnitAt(r, s, i + multiplier.length) : undefined;
  return multiplier && after && after !== '%' && after !== '％' ? multiplier + after : undefined;
}

/**
 * The unit after the last of the numbers listed with 、 from `i` (、22个百分点, 、6.5%), if
 * `i` starts such a list; a number read there with no unit is none.
 */
function unitOfListAt(r: Rules, s: string, i: number): string | undefined {
  if (s[i] !== '、') return undefined;
  const list = /^(?:、\d+(?:\.\d+)?)+/.exec(s.slice(i, i + 40));
  return list ? unitAt(r, s, i + list[0].length) : undefined;
}

/**
 * Whether `words` are only a whole's head (wholeHeads: 总量, 总投资, 占比) written right
 * after the figure before, past nothing but a 、 or a comma: that indicator's whole.
 */
function wholeOfPrevious(
  r: Rules,
  s: string,
  words: string,
  wordsStart: number,
  previous: { raw: Raw; figure: FigureMention; counted: Counted | null },
): boolean {
  if (!r.F.wholeHeads.includes(words)) return false;
  const before = previous.figure.metricText;
  if (before === '' || namesNothing(r, before) || before.endsWith(words)) return false;
  return adjoins(s, previous.counted?.end ?? previous.raw.end, wordsStart);
}

/** Whether nothing but a 、 or a comma stands between `from` and `to` (规上工业增加值增长7.6%、高于…). */
function adjoins(s: string, from: number, to: number): boolean {
  return /^[、，,]?$/.test(s.slice(from, to).replace(INVISIBLE, ''));
}

/** A base unit written at `i`, unless a milestone's word starts there (台阶 is no 台). */
function baseUnitAt(r: Rules, s: string, i: number): string | undefined {
  const unit = startsWithAny(s, i, r.UNITS);
  return unit && !startsWithAny(s, i, r.F.milestoneWords) ? unit : undefined;
}
// The punctuation that ends a clause, by code unit: the scans test every character of a
// sentence, and a regex test of s[i] costs a one-character string apiece.
const CLAUSE_BREAKS = new Set([...'，,。；;：:！？!?'].map((c) => c.charCodeAt(0)));
const isClauseBreak = (c: number) => CLAUSE_BREAKS.has(c);
const NUMBER = /\d+(?:\.\d+)?/g;
// The conjunctions listItems parts subjects at (以及 holds 及).
const JOINED = /[和及与]/;
// Inside a sentence the wiki texts carry line breaks and zero-width spaces; they are not words.
const INVISIBLE = /[\s\u3000\u200b]/g;

interface MetricMatch {
  metric: MetricEntry;
  alias: string;
  at: number;
}

/** The curated metric named in a text: the earliest name, the longest at the same place. */
function matchMetric(r: Rules, text: string): MetricMatch | null {
  let best: MetricMatch | null = null;
  const found: MetricMatch[] = [];
  for (const { metric, alias } of r.METRIC_NAMES) {
    const at = text.indexOf(alias);
    if (at < 0) continue;
    found.push({ metric, alias, at });
    if (!best || at < best.at || (at === best.at && alias.length > best.alias.length))
      best = { metric, alias, at };
  }
  // A name that overlaps the first and runs on past it is its head (全社会研发经费投入强度:
  // 研发经费投入强度, not 全社会研发经费投入): compounds end in their head.
  for (let changed = best !== null; changed;) {
    changed = false;
    const end = best!.at + best!.alias.length;
    for (const m of found) {
      if (m.at > best!.at && m.at < end && m.at + m.alias.length > end) {
        best = m;
        changed = true;
        break;
      }
    }
  }
  return best;
}

/**
 * The text with the metric names that follow 单位 ("per unit of"), 占, 与, 人均 or 快于
 * blanked out: there a name is part of another indicator (单位地区生产总值用水量 is water
 * per unit of GDP, 制造业增加值占地区生产总值比重 manufacturing's share of it, 人均地区生产总值
 * GDP per person, 快于经济增速 what is compared with it), unless a curated name starts with
 * the prefix itself (单位GDP能耗).
 */
function maskDenominators(r: Rules, text: string): string {
  let out = text;
  const { perUnitPrefixes, shareOfPrefixes, perCapitaPrefixes, comparedWithPrefixes } = r.F;
  for (const prefix of [
    ...perUnitPrefixes,
    ...shareOfPrefixes,
    ...perCapitaPrefixes,
    ...comparedWithPrefixes,
  ]) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
      if (r.METRIC_NAMES.some(({ alias }) => text.startsWith(alias, at))) continue;
      // 占全社会研发投入比重: a whole may be scoped (全社会, 全省) before its name.
      const after = perUnitPrefixes.includes(prefix)
        ? at + prefix.length
        : pastScope(r, text, at + prefix.length);
      let longest = 0;
      for (const { alias } of r.METRIC_NAMES) {
        if (alias.length > longest && text.startsWith(alias, after)) longest = alias.length;
      }
      if (longest > 0) {
        out = out.slice(0, after) + '\u0000'.repeat(longest) + out.slice(after + longest);
      }
    }
  }
  // 消费对经济增长的贡献率: what contributes to an indicator is measured, not the indicator.
  for (const word of r.F.contributionWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const end = text[at - 1] === '的' ? at - 1 : at;
      let longest = 0;
      for (const { alias } of r.METRIC_NAMES) {
        if (
          alias.length > longest &&
          end >= alias.length &&
          text.startsWith(alias, end - alias.length)
        )
          longest = alias.length;
      }
      if (longest > 0)
        out = out.slice(0, end - longest) + '\u0000'.repeat(longest) + out.slice(end);
    }
  }
  return out;
}

/** The curated metric an indicator's words name, if any. */
export function findMetric(lexicon: Lexicon, text: string): MetricEntry | null {
  return metricOf(rulesOf(lexicon), text);
}

function metricOf(r: Rules, text: string): MetricEntry | null {
  const words = text.replace(INVISIBLE, '').replace(/（[^）]*）|\([^)]*\)/g, '');
  if (comparedWithOnly(r, words) || shareOfScope(r, words)) return null;
  const ratio = ratioOf(r, words);
  if (ratio) return ratio;
  if (shareOfOther(r, words)) return null;
  let masked = maskDenominators(r, words);
  let match = matchMetric(r, masked);
  // 经济年均增长: a name a word of time is written into (经济增长, averaged over the years).
  const inside = match ? undefined : r.F.wordsInsideNames.find((w) => masked.includes(w));
  if (inside) {
    masked = masked.split(inside).join('');
    match = matchMetric(r, masked);
  }
  if (!match) return null;
  // 企业研发经费, 东盟进出口, 县域经济增长: a breakdown of the indicator, another one; not
  // the last of a list of parts (货物和服务进出口 is all trade).
  const breakdown = match.metric.breakdowns?.find((w) => masked.startsWith(w, match.at - w.length));
  if (breakdown && !'和及与、'.includes(masked[match.at - breakdown.length - 1] ?? '-'))
    return null;
  // 沈阳地区生产总值, 兰州新区经济总量, 美国进出口: a city's, a zone's, a region's or a foreign
  // country's figure, not the report's jurisdiction's (a province's own name may be it).
  if (placeBefore(r, masked, match.at)) return null;
  return match.metric;
}

/** A place's name ends right before `at` (two to six characters), other than a province's. */
function placeBefore(r: Rules, words: string, at: number): boolean {
  for (let n = 2; n <= 6 && n <= at; n++)
    if (r.PLACE_OF_ITS_OWN(words.slice(at - n, at))) return true;
  return false;
}

/**
 * 研发支出占国内生产总值比重, 研发经费支出相当于全市生产总值的比例: the part before a share
 * prefix and the whole after it (past a scope word) make a curated ratio (metrics.json
 * ratioOf), here R&D intensity.
 */
function ratioOf(r: Rules, words: string): MetricEntry | null {
  if (r.RATIOS.size === 0) return null;
  for (const prefix of r.F.shareOfPrefixes) {
    const at = words.indexOf(prefix);
    if (at <= 0) continue;
    const part = matchMetric(r, maskDenominators(r, words.slice(0, at)));
    const whole = matchMetric(r, words.slice(pastScope(r, words, at + prefix.length)));
    if (!part || whole?.at !== 0) continue;
    const ratio = r.RATIOS.get(`${part.metric.key}/${whole.metric.key}`);
    if (ratio) return ratio;
  }
  return null;
}

/** A percentage level of an indicator that is a share (研发投入强度3.42%) is a share. */
const measureFor = (metric: MetricEntry | null, measure: Measure, unit: string): Measure =>
  metric?.headlineMeasure === 'SHARE' && measure === 'LEVEL' && unit === '%' ? 'SHARE' : measure;

/**
 * 园区规模工业增加值占全省比重, 进出口总额占全国比重: a share of a whole that is only a scope
 * is the share of a part (the parks', the province's) in the indicator's total, not the
 * indicator.
 */
function shareOfScope(r: Rules, words: string): boolean {
  return r.F.shareOfPrefixes.some((prefix) => {
    const at = words.lastIndexOf(prefix);
    if (at < 0) return false;
    const after = pastScope(r, words, at + prefix.length);
    if (after === at + prefix.length) return false;
    const rest = words.slice(after).replace(/^的/, '');
    return rest === '' || r.F.shareWords.includes(rest);
  });
}

/**
 * 企业经铁路进出口货值占全线货值的 (60.8%), 高耗能制造业增加值占规模工业增加值比重: a share of a
 * whole that is no curated indicator's name (what the words after the prefix and a scope
 * word say, up to a share word or the 的 before the figure) is not the part's indicator
 * either, nor the indicator a name inside the whole would be (工业增加值).
 */
function shareOfOther(r: Rules, words: string): boolean {
  return r.F.shareOfPrefixes.some((prefix) => {
    const at = words.lastIndexOf(prefix);
    if (at <= 0) return false;
    const rest = words.slice(pastScope(r, words, at + prefix.length));
    const word = r.F.shareWords.find((w) => rest.endsWith(w));
    if (!word && !rest.endsWith('的')) return false;
    const whole = rest.slice(0, word ? -word.length : -1).replace(/中?的$/, '');
    if (whole === '') return false;
    const named = matchMetric(r, whole);
    return !named || named.at !== 0 || named.alias.length !== whole.length;
  });
}

/**
 * 经济增速高于全国 (0.5个百分点): the figure is a lead over what the words end by comparing
 * with, not the indicator they name.
 */
function comparedWithOnly(r: Rules, words: string): boolean {
  return r.F.comparedWithPrefixes.some((prefix) => {
    const at = words.lastIndexOf(prefix);
    if (at < 0) return false;
    const rest = words.slice(pastScope(r, words, at + prefix.length));
    return rest === '' || r.F.comparedWithEnds.includes(rest);
  });
}

/** Where the words at `at` go on past a scope word (全社会, 全省), if one is written there. */
const pastScope = (r: Rules, words: string, at: number): number =>
  at + (startsWithAny(words, at, r.F.denominatorScopes)?.length ?? 0);

export function isTargetSentence(lexicon: Lexicon, sentence: string): boolean {
  return lexicon.figures.targetSentenceMarkers.some((m) => sentence.includes(m));
}

/**
 * A sentence that is one enumerated clause (二是科技创新能力明显提升。), perhaps after the
 * colon of the words that announce it (要努力实现以下目标任务：一是…).
 */
export function isEnumeratedGoal(lexicon: Lexicon, sentence: string): boolean {
  const all = sentence.replace(INVISIBLE, '');
  const words = all.slice(Math.max(all.lastIndexOf('：'), all.lastIndexOf(':')) + 1);
  const marker = lexicon.figures.enumerators.find((e) => words.startsWith(e));
  if (!marker) return false;
  const body = words.slice(marker.length).replace(/[。！]$/, '');
  return body.length > 0 && ![...body].some((ch) => isClauseBreak(ch.charCodeAt(0)));
}

interface Raw {
  value: number;
  /** A RANGE's ends. */
  low: number | null;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  numberStart: number;
  end: number;
  /** Where the words before the number (and its qualifier 超过, 近) end. */
  leadEnd: number;
  verb: string | null;
  verbStart: number;
  /** Where the indicator's words end: at the verb, or at the number when the verb opens the clause. */
  subjectEnd: number;
  /** With a verb that opens the clause (新增减税降费167.6亿元), where its object starts. */
  objectStart: number | null;
  /**
   * The object follows an earlier quantity the verb also governs (新增科技型中小企业4000家、
   * 高新技术企业1500家): the phrase starts at the object, not at the verb.
   */
  listed: boolean;
  clauseStart: number;
  /** 均 (each) between the indicators and the value: each of them has it (sharedPredicate). */
  each: boolean;
  /** A multiplier standing for the unit before a noun (1亿多人才): a count of it, or none. */
  bareBeforeNoun: boolean;
}

function startsWithAny(s: string, at: number, words: readonly string[]): string | undefined {
  return words.find((w) => s.startsWith(w, at));
}

/** `s` matched literally inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What may stand before an indicator's or a count's words in a clause: spaces, quotes, brackets. */
const OPENER = /[\s\u3000\u200b“”"（）()]/;

/** Where the openers written from `at` end. */
function pastOpeners(s: string, at: number): number {
  let end = at;
  while (end < s.length && OPENER.test(s[end]!)) end++;
  return end;
}

/** Where a run of `words` written from `at` ends (`at` itself when none is written there). */
function pastAll(s: string, at: number, words: readonly string[]): number {
  let end = at;
  for (let w = startsWithAny(s, end, words); w; w = startsWithAny(s, end, words)) end += w.length;
  return end;
}

export function endsWithAny(s: string, end: number, words: readonly string[]): string | undefined {
  return words.find((w) => end - w.length >= 0 && s.startsWith(w, end - w.length));
}

const NUMBER_AT = /\d+(?:\.\d+)?/y;
const SPACES_AT = /[\s\u3000\u200b]*/y;
const normalUnit = (unit: string) => (unit === '％' ? '%' : unit);

/** `i` past the spaces (and wiki line breaks) at `i`. */
function skipSpaces(s: string, i: number): number {
  SPACES_AT.lastIndex = i;
  return i + SPACES_AT.exec(s)![0].length;
}

/**
 * A range whose low end is the number at `numberStart` (ending at `numberEnd`): 4.5%—5%,
 * 4.5-5%, 6.5%－7%, 5%到5.5%. The low end's unit may be left out; if written, it is the
 * high end's. Not a range: "从40%到45%" (a change), or ends not rising (2.5-1).
 */
function rangeAt(
  r: Rules,
  s: string,
  numberStart: number,
  numberEnd: number,
): { low: number; high: number; highStart: number; unit: string; end: number } | null {
  const lowUnit = unitAt(r, s, numberEnd);
  let i = skipSpaces(s, numberEnd + (lowUnit?.length ?? 0));
  const separator = startsWithAny(s, i, r.RANGE_SEPARATORS);
  if (!separator) return null;
  i = skipSpaces(s, i + separator.length);
  NUMBER_AT.lastIndex = i;
  const high = NUMBER_AT.exec(s);
  if (!high) return null;
  const highEnd = i + high[0].length;
  if (startsWithAny(s, highEnd, r.F.notQuantityAfter)) return null;
  const unit = unitAt(r, s, highEnd);
  if (!unit || (lowUnit && normalUnit(lowUnit) !== normalUnit(unit))) return null;
  const low = Number(s.slice(numberStart, numberEnd));
  if (!(low < Number(high[0]))) return null;
  const before = s.slice(0, numberStart).replace(INVISIBLE, '');
  if (endsWithAny(before, before.length, r.F.rangeNotAfter)) return null;
  return { low, high: Number(high[0]), highStart: i, unit, end: highEnd + unit.length };
}

/** A number as numbersIn finds it; a doubling's carries where its verb (翻) starts. */
interface SpelledOrWritten {
  index: number;
  text: string;
  value: number;
  spelled: boolean;
  verbStart?: number;
}

/**
 * The numbers of `s` in order: written in digits, and spelled milestones after a verb such as
 * 突破 or 超 (突破千亿元 is 1000亿元, 进出口总额突破万亿元 1万亿元; graph/figures.json
 * spelledNumbers). A spelled number's text may be empty: its unit then starts the number.
 */
function* numbersIn(r: Rules, s: string): Generator<SpelledOrWritten> {
  const spelled: SpelledOrWritten[] = [];
  // From each 万 or 亿 back to a verb, through a spelled number if one is written: a scan
  // for the verbs themselves cost a tenth of the extraction.
  for (const start of r.SPELLED?.starts ?? []) {
    for (let at = s.indexOf(start); at >= 0; at = s.indexOf(start, at + 1)) {
      const text = endsWithAny(s, at, r.SPELLED!.numbers) ?? '';
      const index = at - text.length;
      if (endsWithAny(s, index, r.SPELLED!.verbs))
        spelled.push({ index, text, value: r.F.unitMultipliers[text] ?? 1, spelled: true });
    }
  }
  // Doublings, from each 番 back to 翻: 翻一番, 翻了两番, 翻番.
  const D = r.F.doublings;
  for (let at = s.indexOf(D.unit); at >= 0; at = s.indexOf(D.unit, at + 1)) {
    const text = endsWithAny(s, at, r.DOUBLING_NUMBERS) ?? '';
    const index = at - text.length;
    const between = endsWithAny(s, index, D.between) ?? '';
    const verbStart = index - between.length - D.verb.length;
    if (verbStart < 0 || !s.startsWith(D.verb, verbStart)) continue;
    if (endsWithAny(s, verbStart, D.notAfter)) continue;
    spelled.push({ index, text, value: text ? D.numbers[text]! : 1, spelled: true, verbStart });
  }
  spelled.sort((x, y) => x.index - y.index);
  let k = 0;
  for (const m of s.matchAll(NUMBER)) {
    while (k < spelled.length && spelled[k]!.index < m.index) yield spelled[k++]!;
    yield { index: m.index, text: m[0], value: Number(m[0]), spelled: false };
  }
  while (k < spelled.length) yield spelled[k++]!;
}

/** Numbers with a unit in `s`, with their qualifier and the verb that governs them. */
function quantities(r: Rules, s: string): Raw[] {
  const out: Raw[] = [];
  // The high end of a range read with its low end is no quantity of its own.
  let skipTo = 0;
  for (const m of numbersIn(r, s)) {
    if (m.index < skipTo) continue;
    const numberStart = m.index;
    // 稳经济“30条”, “3个100万”: a number in a short quotation names something.
    if (insideQuote(r, s, numberStart)) continue;
    let i = numberStart + m.text.length;
    const before = s.slice(0, numberStart).replace(/[\s\u200b]+$/, '');
    if (/[A-Za-z.]$/.test(before) || endsWithAny(before, before.length, r.F.notQuantityBefore))
      continue;
    let qualifier: Qualifier = 'EXACT';
    let unit: string | undefined;
    let bareBeforeNoun = false;
    let low: number | null = null;
    let high: number | null = null;
    const range = m.spelled ? null : rangeAt(r, s, numberStart, i);
    if (m.verbStart !== undefined) {
      unit = r.F.doublings.unit;
      i += unit.length;
    } else if (range) {
      ({ low, high, unit } = range);
      qualifier = 'RANGE';
      i = range.end;
      skipTo = range.highStart + 1;
    } else {
      // 平均受教育年限达到10.5年: years, where 2025年 is a date.
      const decimalUnit =
        !m.spelled && m.text.includes('.') ? startsWithAny(s, i, r.F.decimalOnlyUnits) : undefined;
      if (!decimalUnit && startsWithAny(s, i, r.F.notQuantityAfter)) continue;
      // 连续24个月保持两位数增长: a span of time, not an amount.
      if (
        endsWithAny(before, before.length, r.F.spans.lead) &&
        startsWithAny(s, i, r.F.spans.units)
      )
        continue;
      const approx = decimalUnit ? undefined : startsWithAny(s, i, ['多', '余']);
      if (approx) {
        qualifier = 'MORE_THAN';
        i += approx.length;
      }
      unit = decimalUnit ?? unitAt(r, s, i);
      let unitLength = unit?.length ?? 0;
      // 提高15、22个百分点, 快于全国3.4个、1个百分点: a value listed before another takes the
      // unit written after the last, when it has none of its own or only its beginning.
      const listed = approx ? undefined : unitOfListAt(r, s, i + unitLength);
      if (listed && (!unit || (listed !== unit && listed.startsWith(unit)))) unit = listed;
      // 减少1109万, 1亿多受过高等教育的人才: a multiplier standing for the unit.
      const bare = unit || m.spelled ? null : bareMultiplierAt(r, s, i);
      if (bare) {
        ({ unit } = bare);
        bareBeforeNoun = !bare.ends;
        unitLength = bare.length;
        if (bare.more && qualifier === 'EXACT') qualifier = 'MORE_THAN';
      }
      if (!unit) continue;
      // 突破千亿元 counts in 亿元: a spelled number goes before a multiplier only (not 千米),
      // and ends its clause (or comes before 以上): followed by a noun it is a class or a
      // modifier (千亿级产业, 超亿元的企业, 生产总值超千亿元县), no figure.
      if (m.spelled) {
        const next = i + unit.length;
        if (
          baseUnit(r, unit) === unit ||
          !(
            next >= s.length ||
            isClauseBreak(s.charCodeAt(next)) ||
            s[next] === '、' ||
            startsWithAny(s, next, r.QUALIFIERS_AFTER)
          )
        )
          continue;
      }
      i += unitLength;
    }
    // 5条多式联运示范线路: a word after the unit that starts with 多 or 余 is no qualifier.
    const after = startsWithAny(s, i, r.F.wordsAfterUnit)
      ? undefined
      : startsWithAny(s, i, r.QUALIFIERS_AFTER);
    if (after && qualifier === 'EXACT') {
      qualifier = r.F.qualifiersAfter[after]!;
      i += after.length;
    }
    // 200亿元县, 30亿元以上项目: an amount before such a noun is a class of it, no figure.
    if (unit.endsWith('元') && startsWithAny(s, i, r.F.classNounsAfterAmount)) continue;
    // 65岁以上老年人, 3岁以下婴幼儿: an age with 以上 or 以下 before a noun is a class of people.
    if (after && r.F.ageClassUnits.includes(unit) && HAN.test(s[i] ?? '')) continue;
    // 30万千瓦级煤电机组, 10万吨级泊位: a unit before 级 names a class of size, no amount.
    if (startsWithAny(s, i, r.F.classAfterUnit)) continue;
    // Words before the number: a qualifier (超过, 近) and then the verb (增长, 控制在).
    let cursor = numberStart;
    const qBefore = endsWithAny(s, cursor, r.QUALIFIERS_BEFORE);
    if (qBefore) {
      if (qualifier === 'EXACT') qualifier = r.F.qualifiersBefore[qBefore]!;
      cursor -= qBefore.length;
    }
    // 增长均12%, 均超过20%: "each" between the words and the value (not 人均, 平均).
    let each = eachBefore(r, s, cursor);
    if (each) cursor -= each.length;
    let clauseStart = cursor;
    while (
      clauseStart > 0 &&
      !isClauseBreak(s.charCodeAt(clauseStart - 1)) &&
      s[clauseStart - 1] !== '、'
    )
      clauseStart--;
    // A verb inside an indicator's name is no verb: 城镇新增就业1100万人.
    const named = matchMetric(r, s.slice(clauseStart, cursor));
    // Nor one inside a noun the genre builds on it (旅游及相关产业增加值, 新的增长点).
    const inName = (k: number) =>
      (named !== null &&
        k >= clauseStart + named.at &&
        k < clauseStart + named.at + named.alias.length) ||
      r.F.nounsWithVerbs.some((w) => covers(s, k, w));
    let verb: string | null = null;
    let verbStart = cursor;
    const earlier = out.at(-1);
    const follows =
      earlier !== undefined &&
      earlier.end <= cursor &&
      /^[、和及与]?$/.test(s.slice(earlier.end, cursor).replace(INVISIBLE, ''));
    const adjacent = endsWithAny(s, cursor, r.VERBS);
    const comparative = adjacent ? undefined : comparativeBefore(r, s, cursor);
    if (m.verbStart !== undefined) {
      // 翻 (and 了) before a doubling's number: its verb, which no other figure has.
      verb = s.slice(m.verbStart, numberStart);
      verbStart = m.verbStart;
    } else if (comparative) {
      // 比去年预算低0.4个百分点: the phrase starts at 比, which tells what it is compared with.
      verb = comparative.word;
      verbStart = comparative.at;
    } else if (adjacent && !inName(cursor - adjacent.length)) {
      verb = adjacent;
      verbStart = cursor - adjacent.length;
    } else if (!adjacent && !follows) {
      // A verb that opens the clause governs an object before the number: 新增减税降费167.6亿元,
      // 新纳入低保、特困供养近600万人 (so here the clause runs on over 、). A value that only
      // follows another (增长7%、8%) is the other's continuation, with no verb of its own to find
      // (the 增加 of 工业增加值 is none).
      let phraseStart = clauseStart;
      while (phraseStart > 0 && !isClauseBreak(s.charCodeAt(phraseStart - 1))) phraseStart--;
      for (let k = phraseStart; k < cursor; k++) {
        const v = startsWithAny(s, k, r.VERBS);
        if (
          v &&
          !inName(k) &&
          r.CHANGE_VERBS.has(v) &&
          // 化解率99.95%: a rate named after a verb.
          !startsWithAny(s, k + v.length, r.F.verbNounEnds)
        ) {
          verb = v;
          verbStart = k;
          break;
        }
      }
    }
    let objectStart =
      verb && !comparative && verbStart + verb.length < cursor ? verbStart + verb.length : null;
    const listed =
      objectStart !== null &&
      earlier !== undefined &&
      earlier.end > objectStart &&
      earlier.end < cursor;
    if (listed) {
      objectStart = earlier.end + /^[、，,\s\u3000\u200b]*/.exec(s.slice(earlier.end))![0].length;
      // "提高13.1%和17.7%": no object of its own; the indicator is the one before.
      if (/^[和及与]?$/.test(s.slice(objectStart, cursor).replace(INVISIBLE, '')))
        objectStart = cursor;
    }
    let subjectEnd = objectStart !== null ? cursor : verbStart;
    // 运输箱量和货值均增长3倍: "each" before the verb.
    if (!each && verb && objectStart === null) {
      each = eachBefore(r, s, verbStart);
      if (each) subjectEnd -= each.length;
    }
    out.push({
      value: m.value,
      low,
      high,
      unit: normalUnit(unit),
      qualifier,
      numberStart,
      end: i,
      leadEnd: cursor,
      verb,
      verbStart,
      subjectEnd,
      objectStart,
      listed,
      clauseStart,
      each: each !== undefined,
      bareBeforeNoun,
    });
  }
  return out;
}

/**
 * A multiplier at `i` with no unit after it (1109万。, 1亿多人才, 5万多个), standing for the unit:
 * the unit (the multiplier, or with the unit written after its 多), how many characters it
 * takes, and whether a 多 or 余 said "more than".
 */
function bareMultiplierAt(
  r: Rules,
  s: string,
  i: number,
): { unit: string; length: number; more: boolean; ends: boolean } | null {
  const { multipliers, notBefore } = r.F.bareMultipliers;
  const multiplier = startsWithAny(s, i, multipliers);
  if (!multiplier) return null;
  let k = i + multiplier.length;
  const more = startsWithAny(s, k, ['多', '余']);
  if (more) k += more.length;
  // 5万多个, 4万多亿元: the unit after 多 (without 多, unitAt had it; 万% is none), which may
  // itself start with a multiplier.
  const unit = more ? unitAt(r, s, k) : baseUnitAt(r, s, k);
  if (unit)
    return more && !unit.endsWith('%') && !unit.endsWith('％')
      ? { unit: multiplier + unit, length: k + unit.length - i, more: true, ends: true }
      : null;
  // What follows, past a qualifier (1亿左右农业转移人口): the clause's end, or a noun.
  const at = k + (startsWithAny(s, k, r.QUALIFIERS_AFTER)?.length ?? 0);
  // 迈上5万亿台阶: a milestone's word after the amount ends it as the clause's end does.
  const ends =
    at >= s.length ||
    isClauseBreak(s.charCodeAt(at)) ||
    s[at] === '、' ||
    startsWithAny(s, at, r.F.milestoneWords) !== undefined;
  const noun = HAN.test(s[at] ?? '') && !startsWithAny(s, at, notBefore);
  return ends || noun ? { unit: multiplier, length: k - i, more: more !== undefined, ends } : null;
}

/**
 * Whether a multiplier's noun names what it counts: not a rate (40.6万高校毕业生初次毕业去向
 * 落实率) nor a class of places or firms (20万以上人口县).
 */
function countsMembers(r: Rules, noun: string): boolean {
  return (
    !endsWithAny(noun, noun.length, r.F.shareWords) &&
    !endsWithAny(noun, noun.length, r.F.classNounsAfterAmount) &&
    !noun.endsWith('率')
  );
}

/** Whether `at` is inside a quotation of at most quotedNames.maxLength characters. */
function insideQuote(r: Rules, s: string, at: number): boolean {
  const { open, close, maxLength } = r.F.quotedNames;
  const opened = s.lastIndexOf(open, at);
  if (opened < 0 || s.lastIndexOf(close, at) > opened) return false;
  const closed = s.indexOf(close, at);
  return closed >= 0 && closed - opened - open.length <= maxLength;
}

/**
 * A comparative ending at `at` after a period compared with (比去年预算低, 比去年多): the
 * comparative, and where its 比 stands. Other comparisons (比全国高) are leads, not changes.
 */
function comparativeBefore(
  r: Rules,
  s: string,
  at: number,
): { word: string; at: number } | undefined {
  const { word: than, bases, up, down } = r.F.comparatives;
  const word = endsWithAny(s, at, up) ?? endsWithAny(s, at, down);
  if (!word) return undefined;
  const base = endsWithAny(s, at - word.length, bases);
  if (!base) return undefined;
  const start = at - word.length - base.length - than.length;
  return s.startsWith(than, start) ? { word, at: start } : undefined;
}

/** A word for "each" (均) ending at `at`, unless it ends another word there (人均, 平均). */
function eachBefore(r: Rules, s: string, at: number): string | undefined {
  const { eachWords, eachNotAfter, modals } = r.F.sharedPredicate;
  // 要分别下降2%, 分别要, 都要减少: a modal on either side of the word is read past with it.
  const after = endsWithAny(s, at, modals)?.length ?? 0;
  const word = endsWithAny(s, at - after, eachWords);
  if (!word || endsWithAny(s, at - after - word.length, eachNotAfter)) return undefined;
  const before = after > 0 ? 0 : (endsWithAny(s, at - word.length, modals)?.length ?? 0);
  return s.slice(at - after - word.length - before, at);
}

function measureOf(
  r: Rules,
  raw: Raw,
  metricText: string,
): { measure: Measure; direction: Direction | null } {
  const v = raw.verb;
  const percent = raw.unit === '%';
  if (raw.unit === r.F.doublings.unit) return { measure: 'CHANGE', direction: 'UP' };
  // 比去年预算低0.4个百分点, 比去年多100万人: a comparison with an earlier period is a change.
  const { up, down } = r.F.comparatives;
  if (v && (up.includes(v) || down.includes(v)))
    return { measure: percent ? 'GROWTH' : 'CHANGE', direction: down.includes(v) ? 'DOWN' : 'UP' };
  if (raw.unit === '个百分点') {
    const down = v && (r.F.growthDown.includes(v) || r.F.changeDown.includes(v));
    return { measure: 'CHANGE', direction: down ? 'DOWN' : 'UP' };
  }
  if (v && percent && r.F.growthUp.includes(v)) return { measure: 'GROWTH', direction: 'UP' };
  if (v && percent && r.F.growthDown.includes(v)) return { measure: 'GROWTH', direction: 'DOWN' };
  // 经济增长预期7%左右, 居民消费价格涨幅控制在3%: the indicator names the growth rate.
  if (percent && (!v || r.F.levelVerbs.includes(v))) {
    let noun = metricText;
    for (const w of r.F.growthNounTrail) if (noun.endsWith(w)) noun = noun.slice(0, -w.length);
    if (r.F.growthUp.some((w) => noun.endsWith(w))) return { measure: 'GROWTH', direction: 'UP' };
    if (r.F.growthDown.some((w) => noun.endsWith(w)))
      return { measure: 'GROWTH', direction: 'DOWN' };
  }
  if (v && !percent && (r.F.changeUp.includes(v) || r.F.growthUp.includes(v)))
    return { measure: 'CHANGE', direction: 'UP' };
  if (v && !percent && (r.F.changeDown.includes(v) || r.F.growthDown.includes(v))) {
    return { measure: 'CHANGE', direction: 'DOWN' };
  }
  if (percent && r.F.shareWords.some((w) => metricText.includes(w)))
    return { measure: 'SHARE', direction: null };
  return { measure: 'LEVEL', direction: null };
}

function trimMetric(r: Rules, text: string): { text: string; offset: number } {
  // 增长1.7%（同口径增长2.5%以上）: a bracket opened and not closed before the number starts a
  // remark of its own, whose words are the figure's.
  let offset = openRemark(text);
  for (let changed = true; changed;) {
    changed = false;
    const past = pastOpeners(text, offset);
    if (past > offset) {
      offset = past;
      changed = true;
    }
    const w = startsWithAny(text, offset, r.TRIM_START);
    if (w && text.length - offset > w.length && !startsWithAny(text, offset, r.F.wordsNotTrimmed)) {
      offset += w.length;
      changed = true;
    }
    const rest = text.slice(offset);
    const period = r.PERIOD_LEAD.exec(rest) ?? r.YEAR_LEAD.exec(rest);
    if (period && text.length - offset > period[0].length) {
      offset += period[0].length;
      changed = true;
    }
  }
  let end = text.length;
  for (let changed = true; changed;) {
    changed = false;
    while (end > offset && /[\s\u3000\u200b，、]/.test(text[end - 1]!)) {
      end--;
      changed = true;
    }
    const w = endsWithAny(text, end, r.F.metricTrimEnd) ?? endsWithAny(text, end, r.MODALS);
    if (w && end - offset > w.length && !endsWithAny(text, end, r.F.wordsNotTrimmed)) {
      end -= w.length;
      changed = true;
    }
    // 水质优良比例连续3年保持100%: the span of time is not the indicator's.
    const span = r.SPAN_END.exec(text.slice(offset, end));
    if (span && end - offset > span[0].length) {
      end -= span[0].length;
      changed = true;
    }
  }
  // “十百千万”工程项目完成投资: a quote or bracket that opens the words and closes inside them
  // is part of them, not an opener.
  for (const [open, close] of QUOTE_PAIRS) {
    const kept = text.slice(offset, end);
    if (kept.split(close).length <= kept.split(open).length) continue;
    const at = text.lastIndexOf(open, offset - 1);
    if (at >= 0 && pastOpeners(text, at) >= offset) offset = at;
  }
  return { text: text.slice(offset, end), offset };
}

const BRACKET_PAIRS = [
  ['（', '）'],
  ['(', ')'],
] as const;
const QUOTE_PAIRS = [['“', '”'], ...BRACKET_PAIRS] as const;

/**
 * Just after the last opening bracket `text` leaves unclosed (a full-width one before an
 * ASCII one), else 0.
 */
function openRemark(text: string): number {
  for (const [open, close] of BRACKET_PAIRS) {
    const at = text.lastIndexOf(open);
    if (at >= 0 && !text.includes(close, at)) return at + open.length;
  }
  return 0;
}

const IGNORABLE_IN_WORDS = /[\s\u3000\u200b、和及与]/;

/**
 * `s.slice(start, end)` cut into words of `words` (spaces, 、 and 和 between them are
 * skipped): the words in order, or null when it cannot be cut so.
 */
function wordsOf(
  s: string,
  start: number,
  end: number,
  words: ReadonlySet<string>,
): { word: string; at: number }[] | null {
  // cut[i]: how the text up to i is cut (null: it cannot be); filled left to right.
  const cut: ({ word: string; at: number }[] | null)[] = Array(end - start + 1).fill(null);
  cut[0] = [];
  for (let i = 0; i < end - start; i++) {
    const done = cut[i];
    if (!done) continue;
    if (IGNORABLE_IN_WORDS.test(s[start + i]!)) {
      cut[i + 1] ??= done;
      continue;
    }
    for (let n = 1; n <= 6 && i + n <= end - start; n++) {
      const word = s.slice(start + i, start + i + n);
      if (words.has(word)) cut[i + n] ??= [...done, { word, at: start + i }];
    }
  }
  return cut[end - start] ?? null;
}

/**
 * The subject's words name no indicator: only words such as 比上年, 同比, 年均, 累计 (the
 * metricTrimEnd words; not 全省 or 推动, before a count whose noun follows it).
 */
// 比上年 names no indicator, nor does a period compared with (较“十三五”末的9323.1亿元增加…).
const namesNothing = (r: Rules, words: string) =>
  madeOf(words, r.TRIM_WORDS) || r.PERIOD_BASE_ONLY.test(words);

/** 其中56项 after 259项制度创新成果: some of the items the figure before counts, in its unit. */
const refersBack = (r: Rules, words: string, raw: Raw, before: Raw) =>
  madeOf(words, r.BACK_REFERENCES) && baseUnit(r, raw.unit) === baseUnit(r, before.unit);

/** Whether `words` are one or more of `set`, and nothing else. */
const madeOf = (words: string, set: ReadonlySet<string>) =>
  (wordsOf(words, 0, words.length, set)?.length ?? 0) > 0;

const baseUnit = (r: Rules, unit: string) => {
  const multiplier = r.MULTIPLIERS.find((m) => unit.startsWith(m) && unit.length > m.length);
  return multiplier ? unit.slice(multiplier.length) : unit;
};

interface Counted {
  /** The counted noun phrase after the unit, and where it ends. */
  text: string;
  end: number;
  /** Where the figure's phrase starts: the lead verb (建设), past 一是 and 全省. */
  start: number;
  /** No lead of its own: a later count of a list (建设30个A、20个B). */
  continuation: boolean;
  /** The count opens its clause and is its subject (600个高频事项实现…). */
  opening: boolean;
}

/**
 * A predicate word at `at` ends a count's noun, unless 的 follows it: then it is a modifier of
 * the noun (取消165项国务院部门及其指定地方实施的审批事项: 实施的审批事项, items carried out by them).
 */
function stopsAt(r: Rules, s: string, at: number): boolean {
  const word = startsWithAny(s, at, r.COUNTED_STOPS);
  return word !== undefined && s[at + word.length] !== '的';
}

/**
 * Where a subject count's noun stopped: at a predicate word, or before another count of a
 * list sharing the predicate (、6个…, 和275个…).
 */
const endsPhrase = (r: Rules, s: string, at: number) =>
  stopsAt(r, s, at) ||
  (s[at] === '、' && /^[\s\u3000\u200b]*[近超约]?\d/.test(s.slice(at + 1, at + 8))) ||
  (/\d/.test(s[at] ?? '') && /[和及与]/.test(s[at - 1] ?? ''));

/**
 * A count in a classifier whose lead is only a verb (一是建设30个养老服务中心, 培育50个以上…),
 * or a later count of such a list: what it counts is the noun phrase after the unit, up to
 * a clause break, a number or a word that starts the predicate (帮助6万名就业困难人员实现就业).
 * A count that opens its clause (600个高频事项实现…, 7所高职学校入选…) is the clause's
 * subject: its noun is taken only when a predicate word ends it, or a 、 before another
 * count (5个国家区域医疗中心、6个…), since without one it runs on into the predicate
 * (352项重要改革举措稳步实施).
 */
function countedNoun(
  r: Rules,
  s: string,
  raw: Raw,
  previous: { raw: Raw; counted: Counted | null } | null,
): Counted | null {
  const classifier =
    r.COUNTED_UNITS.has(baseUnit(r, raw.unit)) ||
    r.F.bareMultipliers.multipliers.includes(raw.unit);
  // 建设25万亩高标准农田, 完成141公里架空线入地: a measure led by a verb measures the noun after it
  // too (countedMeasures), but only after a lead verb (no subject or continuation).
  if (!classifier && !r.F.countedMeasures.includes(baseUnit(r, raw.unit))) return null;
  const previousEnd = previous ? (previous.counted?.end ?? previous.raw.end) : -1;
  const leadStart = Math.max(raw.clauseStart, previousEnd);
  const wordsBefore = s.slice(0, raw.leadEnd).replace(/[\s\u3000\u200b]+$/, '');
  // 醴娄等7条高速公路: examples before 等, then the count of what they are examples of.
  const examples =
    raw.leadEnd - pastOpeners(s, leadStart) > 1 && wordsBefore.endsWith(r.F.examplesWord);
  // 基本消除国家挂牌督办的527条黑臭水体: after a modifier ending in 的 the count's noun follows it.
  const modifierBefore = !examples && wordsBefore.endsWith('的');
  // 创建了5个: a particle after the lead's verb is no word of its own.
  const particle = endsWithAny(s, raw.leadEnd, r.F.verbParticles);
  const verbEnd =
    particle && raw.leadEnd - particle.length > leadStart
      ? raw.leadEnd - particle.length
      : raw.leadEnd;
  let lead = examples
    ? [{ word: '', at: leadStart }]
    : wordsOf(s, leadStart, verbEnd, r.LEAD_WORDS);
  if (!lead && modifierBefore) lead = [];
  // 自贸试验区累计推出259项制度创新成果: a subject, then the verb that leads the count. A verb
  // of one character ends one of two (办好, 筹建, 更新), whose phrase starts with it.
  if (!lead) {
    const verb = endsWithAny(s, verbEnd, r.SUBJECT_COUNT_VERBS);
    if (!verb || verbEnd - verb.length <= leadStart) return null;
    lead = [{ word: verb, at: verbEnd - Math.max(2, verb.length) }];
  }
  const verbs = examples ? lead : lead.filter(({ word }) => r.F.countedLeadWords.includes(word));
  const continuation =
    verbs.length === 0 &&
    previous?.counted != null &&
    lead.length === 0 &&
    ![...s.slice(previousEnd, raw.leadEnd)].some((c) => isClauseBreak(c.charCodeAt(0)));
  // 其中56项为…, 全省8个品种入选: a scope word before it leaves the count its clause's subject.
  const scoped =
    !examples && lead.length > 0 && lead.every(({ word }) => r.F.countedScopeWords.includes(word));
  const opening =
    verbs.length === 0 &&
    !continuation &&
    leadStart <= raw.clauseStart &&
    (scoped || pastOpeners(s, raw.clauseStart) >= raw.leadEnd);
  // 与54个国家和地区开展科技合作: after a preposition the count's noun runs to the clause's verb.
  const prepositional =
    !examples &&
    verbs.length === 0 &&
    endsWithAny(s, raw.leadEnd, r.F.countedPrepositions) !== undefined;
  const afterModifier = modifierBefore && verbs.length === 0;
  if (verbs.length === 0 && !continuation && !opening && !prepositional && !afterModifier)
    return null;
  // 将2.8万亿元中央财政资金纳入直达机制: after a preposition a measure's noun follows it too.
  if (!classifier && verbs.length === 0 && !prepositional) return null;
  let start = raw.end;
  if (s.startsWith('的', start)) start++;
  let end = start;
  while (
    end < s.length &&
    !isClauseBreak(s.charCodeAt(end)) &&
    s[end] !== '、' &&
    !/\d/.test(s[end]!) &&
    !stopsAt(r, s, end) &&
    !((prepositional || afterModifier) && startsWithAny(s, end, r.PREDICATE_VERBS)) &&
    !(afterModifier && startsWithAny(s, end, r.MODALS))
  ) {
    // A quoted name is kept whole, numbers and all (100个“15分钟高品质生活服务圈”).
    const close = s[end] === '“' ? s.indexOf('”', end) : -1;
    end =
      close > end && ![...s.slice(end, close)].some((c) => isClauseBreak(c.charCodeAt(0)))
        ? close + 1
        : end + 1;
  }
  const nounEnd = end;
  // An opening bracket whose close is cut off (县（市、区）) is cut with it.
  const open = s.lastIndexOf('（', end - 1);
  if (open >= start && s.indexOf('）', open) >= end) end = open;
  for (let changed = true; changed;) {
    changed = false;
    while (end > start && /[\s\u3000\u200b]/.test(s[end - 1]!)) {
      end--;
      changed = true;
    }
    const w = endsWithAny(s, end, r.COUNTED_TRIM_END);
    if (w && end - start > w.length) {
      end -= w.length;
      changed = true;
    }
  }
  // Too long for a name, a noun phrase whose modifier ends in 的 counts its head
  // (国务院部门及其指定地方实施的审批事项: 审批事项).
  const modified = s.lastIndexOf('的', end - 1);
  if (end - start > r.F.countedMaxLength && modified >= start && end - modified > 2)
    start = modified + 1;
  // One character (批次: 次) is no noun phrase; a long one is a clause, not a name; a remark
  // (47.63万户（套）) or 及 (首批12项及第二批14项) starts none.
  if (end - start < 2 || end - start > r.F.countedMaxLength) return null;
  if (/^[（(及]/.test(s[start]!)) return null;
  // As the clause's subject (no verb leads it), the noun must end where the predicate starts.
  const led = examples && startsWithAny(s, pastOpeners(s, leadStart), r.F.countedLeadWords);
  if ((opening || (examples && !led)) && !endsPhrase(r, s, nounEnd)) return null;
  if (
    (prepositional || afterModifier) &&
    !endsPhrase(r, s, nounEnd) &&
    !startsWithAny(s, nounEnd, r.PREDICATE_VERBS) &&
    // After a modifier the clause's end or a modal (的57个项目要加快建设) ends the noun too.
    !(
      afterModifier &&
      (nounEnd >= s.length ||
        isClauseBreak(s.charCodeAt(nounEnd)) ||
        startsWithAny(s, nounEnd, r.MODALS) !== undefined)
    )
  )
    return null;
  return {
    text: s.slice(start, end),
    end,
    start: verbs.length === 0 ? raw.leadEnd : verbs[0]!.at,
    continuation,
    opening,
  };
}

/** Figures stated in `text.slice(sentence.start, sentence.end)`; spans are into `text`. */
export function findFigures(
  lexicon: Lexicon,
  text: string,
  sentence: Span,
  options: { targetSentence: boolean; plan?: boolean },
): FigureMention[] {
  const r = rulesOf(lexicon);
  const s = text.slice(sentence.start, sentence.end);
  const at = (i: number) => sentence.start + i;
  const figures: FigureMention[] = [];
  const raws = quantities(r, s);
  // Figures whose words may join several indicators, with what the words before them said.
  const joined = new Map<FigureMention, { each: boolean; measure: Measure }>();

  let previous: { raw: Raw; figure: FigureMention; counted: Counted | null } | null = null as {
    raw: Raw;
    figure: FigureMention;
    counted: Counted | null;
  } | null;
  for (const raw of raws) {
    const subjectStart = raw.objectStart ?? raw.clauseStart;
    const trimmed = trimMetric(r, s.slice(subjectStart, raw.subjectEnd));
    const wordsStart = subjectStart + trimmed.offset;
    let metricText = trimmed.text;
    let metricStart =
      raw.objectStart !== null && !raw.listed ? raw.verbStart : subjectStart + trimmed.offset;
    // Where the figure's phrase starts: at the verb before it, unless the phrase is an
    // object after an earlier quantity, or a count whose noun follows it.
    let phraseStart = raw.verb && !raw.listed ? raw.verbStart : raw.numberStart;
    let end = raw.end;
    let rule = raw.unit === r.F.doublings.unit ? 'doubling' : 'quantity';
    // "增长6.6%和10.1%", "27584亿元、增长5.8%": the indicator is the one before.
    const between = previous ? s.slice(previous.raw.end, raw.numberStart) : '';
    const continues = previous !== null && /^[和、及与，,]?$/.test(between.replace(INVISIBLE, ''));
    const counted = countedNoun(r, s, raw, previous);
    // 1亿多受过高等教育的人才 counts its noun; a multiplier before words it does not count
    // (把14亿多中国人的饭碗) is no figure.
    if (raw.bareBeforeNoun && !(counted && countsMembers(r, counted.text))) continue;
    let governed: Raw = raw;
    if (counted) {
      // "建设30个养老服务中心": the count is of the noun after the unit.
      metricText = counted.text;
      metricStart = counted.start;
      phraseStart = counted.start;
      end = counted.end;
      rule = counted.opening ? 'classifier-subject' : 'classifier';
      if (counted.continuation) governed = previous!.raw;
    } else if (
      previous &&
      // "比上年增长7.4%": words such as 比上年 name no indicator; it is the one before.
      (metricText === '' ||
        namesNothing(r, metricText) ||
        refersBack(r, metricText, raw, previous.raw) ||
        (continues && !raw.verb))
    ) {
      // 较“十三五”末的9323.1亿元: the period compared with stays in the phrase, which tells a
      // base (dated by it) from the figure itself.
      if (!r.PERIOD_BASE_ONLY.test(metricText)) metricStart = phraseStart;
      metricText = previous.figure.metricText;
      rule = continues && !raw.verb ? 'respectively' : 'inherited-metric';
      if (rule === 'respectively') governed = previous.raw;
    } else if (previous && wholeOfPrevious(r, s, metricText, wordsStart, previous)) {
      // 新增上市公司45家、总量达1224家: the whole of the indicator just before (上市公司总量).
      metricText = previous.figure.metricText + metricText;
      rule = 'inherited-metric';
    }
    const { measure, direction } = measureOf(r, { ...raw, verb: governed.verb }, metricText);
    // 规上工业增加值增长7.6%、高于全国1.7个百分点: a lead in points over the country (or over
    // another indicator: 快于经济增速) is the lead of the indicator just before.
    if (
      previous &&
      adjoins(s, previous.raw.end, wordsStart) &&
      r.F.leadUnits.includes(raw.unit) &&
      startsWithAny(metricText, 0, r.F.comparedWithPrefixes) !== undefined &&
      !startsWithAny(previous.figure.metricText, 0, r.F.comparedWithPrefixes) &&
      !namesNothing(r, previous.figure.metricText)
    ) {
      metricText = previous.figure.metricText + metricText;
      rule = 'compared-with';
    }
    // No curated indicator is a count of things (个, 家): 地区生产总值连续迈上4个万亿元台阶
    // counts steps, 有进出口实绩的企业达242家 firms.
    // Nor a lead over something compared with (地区生产总值快于2024年 is no GDP figure).
    const countUnit = r.COUNTED_UNITS.has(baseUnit(r, raw.unit));
    const metric = countUnit || rule === 'compared-with' ? null : metricOf(r, metricText);
    const figure: FigureMention = {
      status: 'SET',
      metricText,
      metric,
      measure: measureFor(metric, measure, raw.unit),
      value: raw.value,
      low: raw.low,
      high: raw.high,
      unit: raw.unit,
      qualifier: raw.qualifier,
      direction,
      span: {
        start: at(Math.min(metricStart, phraseStart)),
        end: at(end),
      },
      rule,
    };
    // 主要做了6个方面工作: the parts the report is written in are counted, not a policy's; no
    // figure, though what follows reads it as before (推出8个方面90项政策措施: 90项 is counted).
    if (!(countUnit && startsWithAny(s, raw.end, r.F.uncountedNouns))) figures.push(figure);
    // Words that may join indicators (most join none: the test spares the list's allocation).
    if ((rule === 'quantity' || rule === 'doubling') && (raw.each || JOINED.test(metricText)))
      joined.set(figure, { each: raw.each, measure });
    previous = {
      raw: governed !== raw ? { ...raw, verb: governed.verb } : raw,
      figure,
      counted,
    };
  }
  splitRespectively(r, figures, s, sentence.start);
  splitShared(r, figures, joined, s, sentence.start);
  // A plan sentence that sets figures for several curated indicators is the year's list of
  // targets even without a marker (城镇新增就业900万人以上，…；居民消费价格涨幅3.5%左右；…).
  const listsTargets =
    options.plan === true &&
    new Set(figures.flatMap((f) => (f.metric ? [f.metric.key] : []))).size >= r.F.targetListMinimum;
  if (options.targetSentence || listsTargets)
    append(figures, statedWithoutNumbers(r, s, sentence.start, figures));
  else if (options.plan !== false) append(figures, deferred(r, s, sentence.start, figures));
  return figures.sort((a, b) => a.span.start - b.span.start);
}

/**
 * "城乡居民收入分别增长6.6%和10.1%": each value gets its own subject. The subjects may be
 * listed before the head's own words (城镇、农村居民人均可支配收入) and share its head noun; a
 * qualifier written after the last value (4.5%、5.5%左右) or before the first (超过98%、85%)
 * holds for each value. Without 分别, values written one after another go one to each of as
 * many subjects.
 */
function splitRespectively(r: Rules, figures: FigureMention[], s: string, base: number): void {
  for (let i = 0; i < figures.length; i++) {
    const group = [figures[i]!];
    // A list's values follow one another (4.5%、5.5%, 5.6%和4%); a value after a comma is
    // the next clause's, whose indicator may be the one before (27584亿元，增长5.8%).
    for (
      let next = figures[i + 1];
      next?.rule === 'respectively';
      next = figures[i + group.length]
    ) {
      if (!adjacent(s, group.at(-1)!, next, base)) break;
      group.push(next);
    }
    if (group.length < 2) continue;
    const head = group[0]!;
    const phrase = s.slice(head.span.start - base, group.at(-1)!.span.end - base);
    const said =
      phrase.includes(r.F.respectivelyWord) ||
      s.slice(0, head.span.end - base).includes(r.F.respectivelyWord);
    const subjects = subjectsOf(r, s, head, base, group.length);
    // Without 分别, values written one after the other (超过98%、85%) still go one to each of
    // as many listed subjects (农村自来水、卫生户厕普及率).
    if (!said && !subjects) {
      i += group.length - 1;
      continue;
    }
    // The head's phrase takes in the subjects listed before its own words.
    if (subjects) head.span.start = Math.min(head.span.start, base + subjects.start);
    // A qualifier after the last value (4.5%、5.5%左右) or before the first (超过98%、85%)
    // holds for each value.
    const before =
      head.qualifier !== 'EXACT' && !endsWithAny(s, head.span.end - base, r.QUALIFIERS_AFTER);
    const shared =
      group.at(-1)!.qualifier !== 'EXACT' || !before ? group.at(-1)!.qualifier : head.qualifier;
    // 城市道路4767公里，地下管网1.8万公里，较“十三五”时期分别增长4.8%、50%: a list whose own
    // words name nothing has as subjects the figures just before it, one value each.
    const earlier = figures.slice(Math.max(0, i - group.length), i);
    const listedBefore =
      said &&
      !subjects &&
      head.rule === 'inherited-metric' &&
      earlier.length === group.length &&
      earlier.every((f) => f.rule !== 'respectively') &&
      new Set(earlier.map((f) => f.metricText)).size === group.length
        ? earlier
        : null;
    group.forEach((f, k) => {
      if (subjects) {
        f.metricText = subjects.items[k]!;
        f.metric = metricOf(r, f.metricText);
        f.measure = measureFor(f.metric, f.measure, f.unit ?? '');
      } else if (listedBefore) {
        f.metricText = listedBefore[k]!.metricText;
        f.metric = listedBefore[k]!.metric;
        f.measure = measureFor(f.metric, f.measure, f.unit ?? '');
      }
      if (f.qualifier === 'EXACT') f.qualifier = shared;
      f.rule = 'respectively';
    });
    i += group.length - 1;
  }
}

/**
 * "国内生产总值和城乡居民人均收入比2010年翻一番", "旅游人次和花费增长均超过20%": indicators joined
 * before one value share it, a figure each, when 均 says so or when each is a curated
 * indicator (黄标车和老旧车 is one count of two kinds of car).
 */
function splitShared(
  r: Rules,
  figures: FigureMention[],
  joined: Map<FigureMention, { each: boolean; measure: Measure }>,
  s: string,
  base: number,
): void {
  for (let i = 0; i < figures.length; i++) {
    const f = figures[i]!;
    const read = joined.get(f);
    // A 分别 list's values each have their subject already.
    if (!read || f.rule === 'respectively') continue;
    const items = listItems(r, f.metricText);
    // 接待游客人次、旅游总花费均增长8%: with 均 the subjects listed with 、 before the clause's
    // own words are the value's too.
    if (read.each) {
      let at = s.lastIndexOf(f.metricText, f.span.end - base);
      while (at > 0 && s[at - 1] === '、') {
        let start = at - 1;
        while (start > 0 && !isClauseBreak(s.charCodeAt(start - 1)) && s[start - 1] !== '、')
          start--;
        const item = trimMetric(r, s.slice(start, at - 1));
        if (item.text.length === 0) break;
        items.unshift(item.text);
        f.span.start = Math.min(f.span.start, base + start + item.offset);
        at = start;
      }
    }
    if (items.length < 2) continue;
    if (r.F.sharedPredicate.relationWords.some((w) => f.metricText.includes(w))) continue;
    // 基本养老保险、基本医疗保险参保率: the subjects share the head of the longest, as a 分别
    // list's do.
    const named = shareHead(r, items);
    const metrics = named.map((x) => metricOf(r, x));
    const curated = new Set(metrics.map((m) => m?.key));
    if (!read.each && (curated.has(undefined) || curated.size < named.length)) continue;
    const split = named.map((x, k): FigureMention => ({
      ...f,
      metricText: metrics[k] ? x : withoutGrowthWords(r, x),
      metric: metrics[k]!,
      measure: measureFor(metrics[k]!, read.measure, f.unit ?? ''),
      span: { ...f.span },
      rule: 'shared-predicate',
    }));
    figures.splice(i, 1, ...split);
    i += split.length - 1;
  }
}

/** 社会融资规模余额预期增长 → 社会融资规模余额: the growth words the value's verb stood after. */
function withoutGrowthWords(r: Rules, name: string): string {
  const words = [...r.F.growthNounTrail, ...r.F.growthUp, ...r.F.growthDown];
  let end = name.length;
  for (let w = endsWithAny(name, end, words); w && end - w.length >= 2;) {
    end -= w.length;
    w = endsWithAny(name, end, words);
  }
  return name.slice(0, end);
}

/** Whether value `b` follows value `a` with only a 、 or a 和 between them. */
function adjacent(s: string, a: FigureMention, b: FigureMention, base: number): boolean {
  return /^[、和及与]$/.test(
    s.slice(a.span.end - base, b.span.start - base).replace(INVISIBLE, ''),
  );
}

/**
 * The n subjects of a 分别 list whose first value is `head`, and where in `s` the first is
 * written; null if they are not n.
 */
function subjectsOf(
  r: Rules,
  s: string,
  head: FigureMention,
  base: number,
  n: number,
): { items: string[]; start: number } | null {
  let at = s.lastIndexOf(head.metricText, head.span.end - base);
  const { prefix, parts } = r.F.urbanRuralPrefix;
  if (n === 2 && head.metricText.startsWith(prefix)) {
    const rest = head.metricText.slice(prefix.length);
    return { items: parts.map((p) => p + rest), start: at };
  }
  // Subjects are listed with 、 first; the number's clause starts after the last 、, so those
  // listed before the head's words are found walking back. Only when they are fewer than the
  // values does a 和 or 及 part them (能耗和二氧化碳排放): in 金融业、软件和信息服务业 it joins
  // the words of one industry.
  let items = head.metricText.split('、').filter((x) => x.length > 0);
  let first = at;
  while (items.length < n && at > 0 && s[at - 1] === '、') {
    let start = at - 1;
    while (start > 0 && !isClauseBreak(s.charCodeAt(start - 1)) && s[start - 1] !== '、') start--;
    const item = trimMetric(r, s.slice(start, at - 1));
    if (item.text.length === 0) break;
    items.unshift(item.text);
    first = start + item.offset;
    at = start;
  }
  if (items.length < n) items = items.flatMap((x) => listItems(r, x));
  const sectors = sectorItems(r, items, n);
  if (sectors && first >= 0) return { items: sectors, start: first };
  return items.length === n && first >= 0 ? { items: shareHead(r, items), start: first } : null;
}

/**
 * Sectors listed by their ordinals (第一、二、三产业增加值; 第一、第三产业增加值; 一二三产增加值,
 * the ordinals run together): each ordinal takes the last item's words after its own
 * ordinals (产业增加值), and 第 when any item is written with it. Null unless the items are
 * such a list of `n` ordinals: those before the last one ordinal each, the last ordinals and
 * then one of the sector nouns.
 */
function sectorItems(r: Rules, items: readonly string[], n: number): string[] | null {
  const { ordinals, mark, nouns } = r.F.sectorOrdinals;
  const unmarked = (x: string) => (x.startsWith(mark) ? x.slice(mark.length) : x);
  const last = unmarked(items.at(-1)!);
  let k = 0;
  while (k < last.length && ordinals.includes(last[k]!)) k++;
  if (k === 0 || !nouns.some((w) => last.startsWith(w, k))) return null;
  const listed = items.slice(0, -1).map(unmarked);
  if (!listed.every((x) => x.length === 1 && ordinals.includes(x))) return null;
  const all = [...listed, ...last.slice(0, k)];
  if (all.length !== n || all.length < 2) return null;
  const prefix = items.some((x) => x.startsWith(mark)) ? mark : '';
  return all.map((o) => prefix + o + last.slice(k));
}

/** The conjuncts joined by 和, 及 or 以及 (能耗和二氧化碳排放), but not inside a word (普及率). */
function listItems(r: Rules, text: string): string[] {
  const items: string[] = [];
  let start = 0;
  for (let k = 0; k < text.length; k++) {
    const joiner = text.startsWith('以及', k) ? 2 : '和及'.includes(text[k]!) ? 1 : 0;
    if (joiner === 0 || r.F.wordsWithJoiners.some((w) => covers(text, k, w))) continue;
    items.push(text.slice(start, k));
    start = k + joiner;
    k = start - 1;
  }
  items.push(text.slice(start));
  return items.filter((x) => x.length > 0);
}

/** Whether `word` is written in `text` over position k. */
function covers(text: string, k: number, word: string): boolean {
  for (let j = 0; j < word.length; j++) if (text.startsWith(word, k - j)) return true;
  return false;
}

/**
 * Conjuncts that share words of the longest one (the whole): 城镇、农村居民人均可支配收入 are
 * 城镇居民… and 农村居民…; 原煤、原油、天然气产量 are 原煤产量, 原油产量 and 天然气产量;
 * 一般公共预算收入、支出 are …收入 and 一般公共预算支出. A conjunct that names no indicator of
 * its own takes the whole's ending when written before it: the ending that makes it a curated
 * indicator's name, else the whole's shared head (sharedHeads), unless it ends in a head of
 * its own (省外游客、入境过夜游客; any rate, …率); before that, words it ends in that the whole repeats are
 * followed by the whole's words after them (先进制造业、高技术制造业增加值: 先进制造业增加值).
 * Written after the whole, a conjunct that is itself a head takes the place of the whole's head,
 * and one after a whole per unit of an indicator is per that unit too (单位国内生产总值用水量、
 * 能耗、二氧化碳排放量: 单位国内生产总值能耗 …).
 */
function shareHead(r: Rules, items: string[]): string[] {
  let full = 0;
  items.forEach((x, k) => {
    if (x.length > items[full]!.length) full = k;
  });
  const whole = items[full]!;
  const head = r.F.sharedHeads.find((h) => whole.endsWith(h) && whole.length > h.length);
  const perUnit = perUnitLead(r, whole);
  return items.map((x, k) => {
    if (k === full || metricOf(r, x)) return x;
    if (k > full) {
      if (perUnit && !x.startsWith(perUnit)) return perUnit + x;
      return head && r.F.sharedHeads.includes(x) ? whole.slice(0, -head.length) + x : x;
    }
    for (let cut = 1; cut < whole.length; cut++) {
      const joined = x + whole.slice(cut);
      if (r.METRIC_ALIASES.has(joined)) return joined;
    }
    // A rate written whole (污水治理（管控）率) is a head of its own, as a listed head is.
    if (r.F.sharedHeads.some((h) => x.endsWith(h)) || x.endsWith('率')) return x;
    // Parallel words (先进制造业、高技术制造业增加值占…比重): what follows them in the whole.
    for (let len = x.length - 1; len >= 2; len--) {
      const at = whole.indexOf(x.slice(-len));
      if (at > 0 && at + len < whole.length) return x + whole.slice(at + len);
    }
    return head ? x + head : x;
  });
}

/** 单位国内生产总值 in 单位国内生产总值用水量: a per-unit prefix and the curated name after it. */
function perUnitLead(r: Rules, whole: string): string | null {
  for (const p of r.F.perUnitPrefixes) {
    if (!whole.startsWith(p)) continue;
    const names = r.METRIC_NAMES.filter(({ alias }) => whole.startsWith(alias, p.length));
    const longest = names.sort((a, b) => b.alias.length - a.alias.length)[0];
    if (longest && whole.length > p.length + longest.alias.length) return p + longest.alias;
  }
  return null;
}

function clauses(s: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || isClauseBreak(s.charCodeAt(i))) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  return out;
}

function directionIn(r: Rules, clause: string): Direction | null {
  if (r.F.growthDown.some((w) => clause.includes(w))) return 'DOWN';
  if (r.F.growthUp.some((w) => clause.includes(w))) return 'UP';
  return null;
}

function unquantified(
  r: Rules,
  s: string,
  base: number,
  clause: Span,
  status: FigureStatus,
  rule: string,
): FigureMention[] {
  const raw = s.slice(clause.start, clause.end);
  // 单位生产总值二氧化碳排放量: a name after 单位 (or 占, 人均 …) is another indicator's
  // denominator, as metricOf has it; masking keeps the positions.
  const match = matchMetric(r, maskDenominators(r, raw));
  if (!match) return [];
  const { offset } = trimMetric(r, raw);
  const figure = (m: MetricMatch, by: string): FigureMention => ({
    status,
    // The indicator as written is the name found: 居民收入 in 居民收入稳步增长.
    metricText: m.alias,
    metric: m.metric,
    measure: m.metric.headlineMeasure,
    value: null,
    low: null,
    high: null,
    unit: null,
    qualifier: 'EXACT',
    direction: status === 'QUALITATIVE' ? directionIn(r, raw) : null,
    span: { start: base + clause.start + offset, end: base + clause.end },
    rule: by,
  });
  const out = [figure(match, rule)];
  // 单位国内生产总值能耗和主要污染物排放量继续下降: curated names joined right after the first
  // share its words, a figure each. (居民收入增长与经济增长同步 joins no name to 居民收入.)
  const { joiners, relationWords } = r.F.sharedPredicate;
  if (relationWords.some((w) => raw.includes(w))) return out;
  for (let at = match.at + match.alias.length; joiners.includes(raw[at]!);) {
    const next = matchMetric(r, raw.slice(at + 1));
    if (next?.at !== 0 || out.some((f) => f.metric === next.metric)) break;
    out.push(figure(next, 'shared-predicate'));
    at += 1 + next.alias.length;
  }
  if (out.length > 1 && rule === 'qualitative') out[0]!.rule = 'shared-predicate';
  return out;
}

/**
 * A goal stated in words, its subject before a verb of progress (科技创新能力大幅提高,
 * 在高质量发展上继续走在前列): a qualitative target about the subject, an indicator no lexicon
 * names; null when the clause is not so made (在实际工作中努力争取更好结果).
 */
function qualitativeGoal(r: Rules, s: string, base: number, clause: Span): FigureMention | null {
  const { lead, adverbs, verbs, endVerbs, frame, maxLength } = r.F.qualitativeGoals;
  const raw = s.slice(clause.start, clause.end);
  const from = pastAll(raw, /^[\s\u3000\u200b]*/.exec(raw)![0].length, [
    ...lead,
    ...r.F.enumerators,
  ]);
  // Where the predicate starts: adverbs, then a verb.
  const predicateAt = (k: number): boolean => {
    const at = pastAll(raw, k, adverbs);
    // 打赢脱贫攻坚战: no verb inside a noun built on one.
    return (
      startsWithAny(raw, at, verbs) !== undefined &&
      !r.F.nounsWithVerbs.some((w) => covers(raw, at, w))
    );
  };
  let start = from;
  let end = -1;
  if (raw.startsWith(frame[0], from)) {
    for (let k = raw.indexOf(frame[1], from); k >= 0; k = raw.indexOf(frame[1], k + 1)) {
      if (predicateAt(k + frame[1].length)) {
        start = from + frame[0].length;
        end = k;
        break;
      }
    }
  }
  if (end < 0) {
    for (let k = from + 2; k < raw.length && end < 0; k++) if (predicateAt(k)) end = k;
  }
  if (end < 0) return null;
  // 贫困人口全部脱贫: a goal that ends what its subject counts is a fall.
  const ends = startsWithAny(raw, pastAll(raw, end, adverbs), endVerbs) !== undefined;
  const trimmed = trimMetric(r, raw.slice(start, end));
  const subject = trimmed.text.replace(INVISIBLE, '');
  // 推动实现…, 全面完成国家下达的目标: the words before the verb are no subject.
  if (
    subject.length < 2 ||
    subject.length > maxLength ||
    pastAll(subject, 0, adverbs) === subject.length ||
    r.F.metricTrimStart.includes(subject)
  )
    return null;
  return {
    status: 'QUALITATIVE',
    metricText: subject,
    metric: null,
    measure: ends ? 'CHANGE' : 'LEVEL',
    value: null,
    low: null,
    high: null,
    unit: null,
    qualifier: 'EXACT',
    direction: ends ? 'DOWN' : directionIn(r, raw),
    span: { start: base + clause.start + from, end: base + clause.end },
    rule: 'qualitative',
  };
}

/**
 * Goals listed with 、 (农村贫困人口全部脱贫、贫困县全部摘帽): a goal each when every part is
 * one on its own; else the clause's one goal, about a listed subject (经济实力、科技实力显著增强).
 */
function qualitativeGoals(r: Rules, s: string, base: number, clause: Span): FigureMention[] {
  const parts: Span[] = [];
  let start = clause.start;
  for (let k = clause.start; k <= clause.end; k++) {
    if (k < clause.end && s[k] !== '、') continue;
    parts.push({ start, end: k });
    start = k + 1;
  }
  if (parts.length > 1) {
    const each = parts.map((p) => qualitativeGoal(r, s, base, p));
    if (each.every((f) => f !== null)) return each;
  }
  const goal = qualitativeGoal(r, s, base, clause);
  return goal ? [goal] : [];
}

const isDeferred = (r: Rules, clause: string) =>
  r.F.deferredPhrases.some((p) => clause.includes(p));

function overlaps(figures: FigureMention[], base: number, clause: Span): boolean {
  return figures.some((f) => f.span.start < base + clause.end && f.span.end > base + clause.start);
}

function statedWithoutNumbers(
  r: Rules,
  s: string,
  base: number,
  figures: FigureMention[],
): FigureMention[] {
  const out: FigureMention[] = [];
  for (const clause of clauses(s)) {
    if (overlaps(figures, base, clause)) continue;
    const text = s.slice(clause.start, clause.end);
    if (r.F.targetSentenceMarkers.some((m) => text.includes(m)) && !metricOf(r, text)) continue;
    if (isDeferred(r, text)) {
      out.push(...unquantified(r, s, base, clause, 'DEFERRED', 'deferred'));
      continue;
    }
    const stated = unquantified(r, s, base, clause, 'QUALITATIVE', 'qualitative');
    out.push(...(stated.length > 0 ? stated : qualitativeGoals(r, s, base, clause)));
  }
  return out;
}

function deferred(r: Rules, s: string, base: number, figures: FigureMention[]): FigureMention[] {
  const out: FigureMention[] = [];
  // Most sentences defer nothing; then no clause of theirs can, and none need be cut out.
  if (!isDeferred(r, s)) return out;
  for (const clause of clauses(s)) {
    const text = s.slice(clause.start, clause.end);
    if (
      !isDeferred(r, text) ||
      !text.includes('目标') ||
      !metricOf(r, text) ||
      overlaps(figures, base, clause)
    )
      continue;
    out.push(...unquantified(r, s, base, clause, 'DEFERRED', 'deferred'));
  }
  return out;
}
