/**
 * Splitting a report into its outline: parts and task sections (from their headings),
 * paragraphs, and sentences, every one as a span of the text exactly as read. Front matter
 * (title, delivery line, salutation), the closing exhortation and any trailer appended by
 * the publisher (a wiki's licence notice) yield no sentences.
 */
import type { Phase, Span } from '../model';
import type { StructureRules } from './lexicon';

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
// Whitespace the reports use: ASCII, the ideographic space of indents, zero-width spaces.
const SPACE = /[\s\u3000\u200b\ufeff]/;

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

function phaseOfHeading(
  title: string,
  reportYear: number,
  rules: StructureRules,
): Phase | 'MIXED' | null {
  const review = rules.reviewHeadingWords.some((w) => title.includes(w));
  const plan = rules.planHeadingWords.some((w) => title.includes(w));
  if (review && plan) return 'MIXED';
  if (review) return 'REVIEW';
  if (plan) return 'PLAN';
  const year = /(\d{4})年/.exec(title);
  if (year) return Number(year[1]) < reportYear ? 'REVIEW' : 'PLAN';
  return null;
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

export function splitReport(text: string, reportYear: number, rules: StructureRules): Outline {
  const bodyEnd = findBodyEnd(text, rules);
  const sections: OutlineSection[] = [];
  const sentences: OutlineSentence[] = [];

  let part: OutlineSection | null = null;
  let partPhase: Phase | 'MIXED' | null = null;
  let current: OutlineSection | null = null;
  const seenPaths = new Set<string>();

  const addSection = (
    marker: string,
    numeral: string,
    parent: OutlineSection | null,
    title: Span,
    phase: Phase | null,
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
      ordinal: chineseNumeral(numeral),
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
    } else phase = partPhase ?? 'PLAN';
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

  for (const line of lines(text, bodyEnd)) {
    if (line.start >= line.end) {
      // A line of nothing but zero-width spaces is a wiki page-break artefact that can fall
      // inside a word ("人\n\u200b\n民"); a truly empty line ends the paragraph.
      if (!line.raw.includes('\u200b')) flush();
      continue;
    }
    const content = text.slice(line.start, line.end);
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
          const titleText = text.slice(title.start, title.end);
          partPhase = phaseOfHeading(titleText, reportYear, rules) ?? partPhase;
          part = addSection(
            match[1]!,
            match[1]!,
            null,
            title,
            partPhase === 'MIXED' ? null : partPhase,
          );
          current = part;
        } else {
          current = addSection(
            match[0],
            match[1]!,
            part,
            title,
            partPhase === 'MIXED' ? null : partPhase,
          );
        }
        if (headEnd < line.end) para = { start: headEnd, end: line.end };
        continue;
      }
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
  return { sections, sentences, bodyEnd };
}
