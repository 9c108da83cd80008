/**
 * Splitting a report into its outline: parts and task sections (from their headings),
 * paragraphs, and sentences, every one as a span of the text exactly as read. Front matter
 * (title, delivery line, salutation), the closing exhortation and any trailer appended by
 * the publisher (a wiki's licence notice) yield no sentences.
 *
 * A part's phase (docs/decisions.md, "Phase of a part by what it is"): the genre's order
 * first (every part after the first plan part plans), then its heading's words, then the
 * time its heading names, then the time its own paragraphs open with.
 */
import type { Phase, Span } from '../model';
import type { PlanPeriod, StructureRules } from './lexicon';

export interface OutlineSection {
  /** "一", "二/（一）": the heading markers from the top down. */
  path: string;
  parentPath: string | null;
  title: string;
  /** Position among its siblings, from the heading's numeral. */
  ordinal: number;
  phase: Phase | null;
  span: Span;
}

export interface OutlineSentence {
  span: Span;
  paragraph: Span;
  /** The paragraph's opening (topic) sentence, which frames the rest of it. */
  topic: Span;
  /** The enumeration item it belongs to ("一是", "（1）"), if any. */
  item: string | null;
  sectionPath: string;
  phase: Phase;
}

export interface Outline {
  sections: OutlineSection[];
  sentences: OutlineSentence[];
  /** Where the report body ends: the closing exhortation or trailer starts here. */
  bodyEnd: number;
}

const NUMERALS = '一二三四五六七八九十';
// "一是……二是……" enumerations, and numbered lists "（1）", "1．", at a sentence's start or after its colon.
const ITEM = new RegExp(`(?:^|[：:])\\s*([${NUMERALS}]+是|（\\d+）|\\(\\d+\\)|\\d+[．.、](?!\\d))`);
const PART_HEADING = new RegExp(`^([${NUMERALS}]+)、`);
const TASK_HEADING = new RegExp(`^（([${NUMERALS}]+)）`);
/** Headings are short; a longer "一、" line is a list item inside a paragraph. */
const MAX_HEADING_LENGTH = 60;
/** An unnumbered part heading ("2026年重点工作" on its own line) is shorter still. */
const MAX_UNNUMBERED_HEADING_LENGTH = 30;
/** Punctuation an unnumbered heading does not hold: it would be a clause of a sentence. */
const NOT_IN_A_HEADING = '：:，,；;、';
// A year written in digits ("2025年"), not the tail of a longer number.
const YEAR = /(?<!\d)(\d{4})年/;
// Whitespace the reports use: ASCII, the ideographic space of indents, zero-width spaces.
const SPACE = /[\s\u3000\u200b\ufeff]/;

/** The numeral of a position (1 → "一", 12 → "十二"): the path of an unnumbered part. */
export function numeralOf(n: number): string {
  const digit = (d: number): string => NUMERALS[d - 1]!;
  if (n <= 10) return digit(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digit(tens)}十${ones ? digit(ones) : ''}`;
}

export function chineseNumeral(s: string): number {
  // 一..十, 十一..十九, 二十..: enough for outlines.
  const digit = (c: string | undefined): number => (c ? NUMERALS.indexOf(c) + 1 : 0);
  if (s === '十') return 10;
  const ten = s.indexOf('十');
  if (ten < 0) return digit(s[0]);
  return (ten === 0 ? 1 : digit(s[0])) * 10 + digit(s[ten + 1]);
}

interface Line {
  start: number;
  end: number; // exclusive, without the line break
  /** The line as it stands, before trimming. */
  raw: string;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && SPACE.test(text[start]!)) start++;
  while (end > start && SPACE.test(text[end - 1]!)) end--;
  return { start, end };
}

function lines(text: string, end: number): Line[] {
  const out: Line[] = [];
  let start = 0;
  while (start <= end) {
    let nl = text.indexOf('\n', start);
    if (nl < 0 || nl > end) nl = end;
    const t = trimSpan(text, start, nl);
    out.push({ start: t.start, end: t.end, raw: text.slice(start, nl) });
    start = nl + 1;
  }
  return out;
}

/** End of the report body: before a publisher's trailer and the closing exhortation. */
function findBodyEnd(text: string, rules: StructureRules): number {
  let end = text.length;
  for (const marker of rules.trailerMarkers) {
    const i = text.indexOf(marker);
    if (i >= 0 && i < end) end = i;
  }
  // The closing exhortation follows the last salutation ("各位代表！让我们……").
  for (const salutation of rules.salutations) {
    const i = text.lastIndexOf(salutation, end);
    if (i < 0) continue;
    const tail = text.slice(i, end);
    if (rules.closingMarkers.some((m) => tail.includes(m))) end = Math.min(end, i);
  }
  return end;
}

/** A word that places what follows in time: looking back (REVIEW) or ahead (PLAN). */
interface TimeCue {
  word: string;
  phase: Phase;
}

/**
 * The words that place a text in time: the look-back and look-ahead words of the rules, and
 * the plan periods' names (a period that ended before the report's year looks back,
 * “十四五”时期 in a 2026 report; the current or a later one looks ahead).
 */
function timeCues(
  rules: StructureRules,
  periods: readonly PlanPeriod[],
  reportYear: number,
): TimeCue[] {
  const cues: TimeCue[] = [];
  for (const word of rules.reviewTimeCues) cues.push({ word, phase: 'REVIEW' });
  for (const word of rules.planTimeCues) cues.push({ word, phase: 'PLAN' });
  for (const period of periods) {
    const phase: Phase = period.endYear < reportYear ? 'REVIEW' : 'PLAN';
    for (const word of [period.name, ...period.aliases]) cues.push({ word, phase });
  }
  return cues;
}

/**
 * The time `s` first names: a cue word (the longest of those starting at the same place)
 * or a year ("2025年": before the report's year looks back, the year or later ahead).
 */
function firstTimeCue(s: string, reportYear: number, cues: readonly TimeCue[]): Phase | null {
  let at = s.length;
  let length = 0;
  let phase: Phase | null = null;
  for (const cue of cues) {
    const i = s.indexOf(cue.word);
    if (i < 0 || i > at || (i === at && cue.word.length <= length)) continue;
    at = i;
    length = cue.word.length;
    phase = cue.phase;
  }
  const year = YEAR.exec(s);
  if (year && year.index < at) phase = Number(year[1]) < reportYear ? 'REVIEW' : 'PLAN';
  return phase;
}

/** Whether a heading names both or either of the review and the plan by its words. */
function phaseOfHeadingWords(title: string, rules: StructureRules): Phase | 'MIXED' | null {
  const review = rules.reviewHeadingWords.some((w) => title.includes(w));
  const plan = rules.planHeadingWords.some((w) => title.includes(w));
  if (review && plan) return 'MIXED';
  if (review) return 'REVIEW';
  if (plan) return 'PLAN';
  return null;
}

function phaseOfHeading(
  title: string,
  reportYear: number,
  rules: StructureRules,
  cues: readonly TimeCue[],
): Phase | 'MIXED' | null {
  return phaseOfHeadingWords(title, rules) ?? firstTimeCue(title, reportYear, cues);
}

/**
 * Whether `chars` holds the code unit `c`: `chars.includes(text[i])` for an `i` inside the
 * text, without making a one-character string of every character it is asked about.
 */
function isOneOf(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

function sentenceEndAt(text: string, i: number, end: number, rules: StructureRules): number {
  // Include runs of terminators ("！？") and closing quotes or brackets after them.
  let j = i + 1;
  while (
    j < end &&
    (isOneOf(rules.sentenceEnds, text.charCodeAt(j)) ||
      isOneOf(rules.closingPunctuation, text.charCodeAt(j)))
  )
    j++;
  return j;
}

function isSalutation(sentence: string, rules: StructureRules): boolean {
  const bare = sentence.replace(/[！!：:，,\s]/g, '');
  return rules.salutations.includes(bare);
}

/**
 * Splits a report. `periods` are the plan periods (“十四五”, …) whose names place a heading
 * or a paragraph in time; without them years and the rules' time words still do.
 */
export function splitReport(
  text: string,
  reportYear: number,
  rules: StructureRules,
  periods: readonly PlanPeriod[] = [],
): Outline {
  const bodyEnd = findBodyEnd(text, rules);
  const sections: OutlineSection[] = [];
  const sentences: OutlineSentence[] = [];
  const cues = timeCues(rules, periods, reportYear);
  // A plan period over before the report's year, as a plan part's paragraph may open on it.
  const pastPeriods = periods
    .filter((p) => p.endYear < reportYear)
    .flatMap((p) => p.aliases.filter((a) => a !== p.name));

  let part: OutlineSection | null = null;
  // UNDECIDED: neither the order nor the heading decides; the part's paragraphs will.
  let partPhase: Phase | 'MIXED' | 'UNDECIDED' = 'PLAN';
  let current: OutlineSection | null = null;
  const seenPaths = new Set<string>();
  /** Whether the parts are numbered ("一、") or stand unnumbered on their lines (set by the first). */
  let style: 'numbered' | 'unnumbered' | null = null;
  /** A part that plans (or the mixed one that turns to the plan) has begun: the rest plans. */
  let planBegun = false;
  /** Where the current part's sections and sentences start, to set an undecided phase. */
  let partSections = 0;
  let partSentences = 0;
  /** Paragraph openings of an undecided part: looking back minus looking ahead. */
  let lookingBack = 0;
  /** The numeral of the last item of a numbered list inside the current part ("一、" again). */
  let listItem = 0;
  let salutationSeen = false;
  let parts = 0;

  const addSection = (
    marker: string,
    numeral: string,
    parent: OutlineSection | null,
    title: Span,
    phase: Phase | null,
    ordinal = chineseNumeral(numeral),
  ) => {
    let path = parent ? `${parent.path}/${marker}` : marker;
    // Keep ids unique even if a report repeats a heading number.
    for (let n = 2; seenPaths.has(path); n++)
      path = `${parent ? `${parent.path}/` : ''}${marker}~${n}`;
    seenPaths.add(path);
    const s: OutlineSection = {
      path,
      parentPath: parent?.path ?? null,
      title: text.slice(title.start, title.end).replace(/[。.]$/, ''),
      ordinal,
      phase,
      span: title,
    };
    sections.push(s);
    return s;
  };

  // Paragraph assembly: a paragraph runs over lines until a blank line, a heading, or a
  // line that ends a sentence (the wiki texts break lines inside terms such as "PM\n2.5").
  let para: Span | null = null;
  const flush = () => {
    if (!para || !current || !part) {
      para = null;
      return;
    }
    const p = trimSpan(text, para.start, para.end);
    para = null;
    if (p.start >= p.end) return;
    let phase: Phase;
    if (partPhase === 'MIXED') {
      const opening = text.slice(p.start, p.start + 8);
      phase = rules.reviewParagraphOpeners.some((o) => opening.startsWith(o)) ? 'REVIEW' : 'PLAN';
    } else if (partPhase === 'UNDECIDED')
      phase = 'PLAN'; // set when the part ends
    else if (partPhase === 'PLAN' && pastPeriods.some((w) => text.startsWith(w, p.start)))
      // A plan part's paragraph on the plan that ended (“十四五”时期，上海发展历程…) reviews it.
      phase = 'REVIEW';
    else phase = partPhase;
    const first = sentences.length;
    let s = p.start;
    for (let i = p.start; i < p.end; i++) {
      if (!isOneOf(rules.sentenceEnds, text.charCodeAt(i))) continue;
      const e = sentenceEndAt(text, i, p.end, rules);
      pushSentence(s, e, p, phase);
      s = e;
      i = e - 1;
    }
    if (s < p.end) pushSentence(s, p.end, p, phase);
    const own = sentences.slice(first);
    if (own.length === 0) return;
    if (partPhase === 'UNDECIDED') {
      const opening = text.slice(own[0]!.span.start, own[0]!.span.end);
      const cue = firstTimeCue(opening, reportYear, cues);
      if (cue) lookingBack += cue === 'REVIEW' ? 1 : -1;
    }
    // An item runs until the next marker; a paragraph that is only an item's heading
    // ("一是保持宏观政策连续性。" on its own line) carries its item into the paragraphs after it.
    let item = carriedItem;
    for (const sentence of own) {
      sentence.topic = own[0]!.span;
      const marker = ITEM.exec(text.slice(sentence.span.start, sentence.span.end));
      if (marker) item = marker[1]!;
      sentence.item = item;
    }
    carriedItem =
      own.length === 1 && ITEM.exec(text.slice(own[0]!.span.start, own[0]!.span.end)) ? item : null;
  };
  let carriedItem: string | null = null;
  const pushSentence = (start: number, end: number, paragraph: Span, phase: Phase) => {
    const span = trimSpan(text, start, end);
    if (span.start >= span.end) return;
    if (isSalutation(text.slice(span.start, span.end), rules)) return;
    sentences.push({ span, paragraph, topic: span, item: null, sectionPath: current!.path, phase });
  };

  /**
   * An undecided part, when it ends, takes the time its paragraphs open with: REVIEW when
   * more look back than ahead, PLAN when more look ahead; with neither, the genre's order
   * (the first part reviews, any other plans).
   */
  const decidePart = () => {
    if (partPhase !== 'UNDECIDED') return;
    const phase: Phase = lookingBack > 0 || (lookingBack === 0 && parts === 1) ? 'REVIEW' : 'PLAN';
    for (let i = partSections; i < sections.length; i++) sections[i]!.phase = phase;
    for (let i = partSentences; i < sentences.length; i++) sentences[i]!.phase = phase;
    partPhase = phase;
    if (phase === 'PLAN') planBegun = true;
  };

  /** A section's phase: its part's, unless the part is mixed (or not decided yet). */
  const sectionPhase = (): Phase | null =>
    partPhase === 'MIXED' || partPhase === 'UNDECIDED' ? null : partPhase;

  /** A new part: its phase by the order, its heading, or (later) its paragraphs. */
  const addPart = (marker: string, title: Span, ordinal: number) => {
    decidePart();
    const titleText = text.slice(title.start, title.end);
    partPhase = planBegun
      ? 'PLAN'
      : (phaseOfHeading(titleText, reportYear, rules, cues) ?? 'UNDECIDED');
    if (partPhase === 'PLAN' || partPhase === 'MIXED') planBegun = true;
    parts++;
    partSections = sections.length;
    partSentences = sentences.length;
    lookingBack = 0;
    listItem = 0;
    part = addSection(marker, marker, null, title, sectionPhase(), ordinal);
    current = part;
  };

  for (const line of lines(text, bodyEnd)) {
    if (line.start >= line.end) {
      // A line of nothing but zero-width spaces is a wiki page-break artefact that can fall
      // inside a word ("人\n\u200b\n民"); a truly empty line ends the paragraph.
      if (!line.raw.includes('\u200b')) flush();
      continue;
    }
    const content = text.slice(line.start, line.end);
    if (!salutationSeen && !part && isSalutation(content, rules)) {
      // The opening salutation ("各位代表：") stands alone: the line after it starts afresh.
      salutationSeen = true;
      flush();
      continue;
    }
    const partMatch = PART_HEADING.exec(content);
    const taskMatch = partMatch ? null : TASK_HEADING.exec(content);
    const match = partMatch ?? taskMatch;
    if (match && (partMatch || part)) {
      // The heading is the line's first sentence; text after it opens a paragraph.
      let headEnd = line.end;
      for (let i = line.start + match[0].length; i < line.end; i++) {
        if (isOneOf(rules.sentenceEnds, text.charCodeAt(i))) {
          headEnd = sentenceEndAt(text, i, line.end, rules);
          break;
        }
      }
      if (headEnd - line.start <= MAX_HEADING_LENGTH) {
        flush();
        carriedItem = null;
        const title = trimSpan(text, line.start + match[0].length, headEnd);
        if (partMatch) {
          const n = chineseNumeral(match[1]!);
          if (!part || (style === 'numbered' && continuesParts(n, title))) {
            style = 'numbered';
            addPart(match[1]!, title, n);
          } else {
            // A numbered list inside the part (the livelihood projects "一、…" "二、…"
            // within the plan): its items are sections of the part, not parts.
            current = addSection(match[0], match[1]!, part, title, sectionPhase());
            listItem = n;
          }
        } else {
          current = addSection(match[0], match[1]!, part, title, sectionPhase());
        }
        if (headEnd < line.end) para = { start: headEnd, end: line.end };
        continue;
      }
    }
    if (!para && !match && salutationSeen && style !== 'numbered' && isUnnumberedHeading(content)) {
      flush();
      carriedItem = null;
      style = 'unnumbered';
      const ordinal = parts + 1;
      addPart(numeralOf(ordinal), { start: line.start, end: line.end }, ordinal);
      continue;
    }
    if (!para) para = { start: line.start, end: line.end };
    else para.end = line.end;
    if (
      rules.sentenceEnds.includes(text[line.end - 1]!) ||
      rules.closingPunctuation.includes(text[line.end - 1]!)
    ) {
      const last = text[line.end - 1]!;
      // A line ending in a closing bracket only ends the paragraph after a sentence end.
      if (
        rules.sentenceEnds.includes(last) ||
        rules.sentenceEnds.includes(text[line.end - 2] ?? '')
      )
        flush();
    }
  }
  flush();
  decidePart();
  return { sections, sentences, bodyEnd };

  /**
   * Whether a numbered heading after the parts so far is the next part: its numeral must
   * be past the last part's, and a numeral that would also continue a list inside the part
   * (三 after a list's 二 in part 二) is a part only if it reads as one.
   */
  function continuesParts(n: number, title: Span): boolean {
    if (n <= part!.ordinal) return false;
    if (listItem > 0 && n === listItem + 1) {
      return readsAsPartHeading(text.slice(title.start, title.end));
    }
    return true;
  }

  /** A heading's words or the time it names: what makes a short line a part heading. */
  function readsAsPartHeading(title: string): boolean {
    return phaseOfHeading(title, reportYear, rules, cues) !== null;
  }

  /**
   * A part heading without a numeral: a short line on its own, after the salutation, with
   * no sentence punctuation (not even a comma), that names a review or a plan by its words
   * ("“十四五”时期工作回顾", "2026年重点工作"). A time alone is not enough: a line broken
   * for emphasis ("“十五五”时期经济社会发展的" / "主要目标" / "是：…") names one too.
   */
  function isUnnumberedHeading(line: string): boolean {
    if (line.length > MAX_UNNUMBERED_HEADING_LENGTH) return false;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (isOneOf(rules.sentenceEnds, c) || isOneOf(NOT_IN_A_HEADING, c)) return false;
    }
    return phaseOfHeadingWords(line, rules) !== null;
  }
}
