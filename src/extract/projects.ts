/**
 * Named projects and zones, found by their form: a proper name ending in a form word
 * (…核电, …高铁, …工程, …产业园: graph/projects.json; …自贸试验区, …示范区, …新区:
 * places.json#zoneForms). The verbs that open the clause are not part of the name, and
 * phrases that use the form word without naming one thing (重大项目, 一批…工程, 国家级新区)
 * are not names.
 */
import type { Span } from '../model';
import { compiled, type Lexicon, type ProjectForms } from './lexicon';

export interface ProjectMention {
  name: string;
  span: Span;
  /** The form word it ends in (高铁, 工程, ...). */
  form: string;
  /** Whether its name abbreviates the places a route joins (沈白高铁). */
  route: boolean;
}

const byLengthDesc = (a: string, b: string) => b.length - a.length;
const BREAK = /[，,。；;：:、（）()《》！？\s\u3000\u200b]/;
// A form word followed by these is another word: 工程师, 项目化, 示范区线 (a metro line),
// 大学生 (students), 大学城 (a university town).
const NOT_AFTER = /^[师化线生城]/;
const QUOTES = /[“”"]/g;

/** The lexicon's project forms, sorted and indexed once per lexicon. */
interface Forms {
  P: ProjectForms;
  /** The form words by their first code unit, longest first. */
  suffixesByFirst: Map<number, string[]>;
  // Most characters start no form word, so a sentence is scanned with one array load per
  // character.
  startsSuffix: Uint8Array;
  leading: string[];
  breakers: string[];
  notFollowedBy: string[];
  /**
   * A sentence without a match names none: every form word ends in one of these characters
   * (区, 港; 电, 铁, …), or, for a few form words, is one of them (行动, 计划: 动 alone is in
   * most sentences).
   */
  mayName: RegExp;
}

/** Up to this many form words, a sentence is checked for the words themselves. */
const FEW_FORMS = 4;

function buildForms(P: ProjectForms): Forms {
  const suffixesByFirst = new Map<number, string[]>();
  const startsSuffix = new Uint8Array(0x10000);
  for (const x of [...P.suffixes].sort(byLengthDesc)) {
    const c = x.charCodeAt(0);
    suffixesByFirst.set(c, [...(suffixesByFirst.get(c) ?? []), x]);
    startsSuffix[c] = 1;
  }
  return {
    P,
    suffixesByFirst,
    startsSuffix,
    leading: [...P.leadingWords].sort(byLengthDesc),
    breakers: [...P.nameBreakers, ...P.innerBreakers],
    notFollowedBy: P.notFollowedBy ?? [],
    mayName:
      P.suffixes.length > 0 && P.suffixes.length <= FEW_FORMS
        ? new RegExp(P.suffixes.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'))
        : new RegExp(
            `[${[...new Set(P.suffixes.map((x) => x.slice(-1)))].join('').replace(/[\]\\^-]/g, '\\$&')}]`,
          ),
  };
}

/** The form word at `i`; a loop rather than find(), which cost a closure per character. */
function suffixAt(f: Forms, s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (!f.startsSuffix[c]) return undefined;
  for (const x of f.suffixesByFirst.get(c)!) if (s.startsWith(x, i)) return x;
  return undefined;
}

function stripLeading(f: Forms, name: string, offset: number): { name: string; offset: number } {
  for (let changed = true; changed;) {
    changed = false;
    const w = f.leading.find((x) => name.startsWith(x) && name.length > x.length);
    if (w) {
      name = name.slice(w.length);
      offset += w.length;
      changed = true;
    }
  }
  return { name, offset };
}

// Apart from findProjects' loop: a closure over the loop's variables there would make
// every character of the sentence allocate a scope for them.
function isProjectName({ P }: Forms, name: string, form: string): boolean {
  const stem = name.slice(0, name.length - form.length);
  return !(
    stem.replace(QUOTES, '').length < 2 ||
    name.length > P.maxNameLength ||
    /\d/.test(name) ||
    // “形象工程 (its quote closed later, in quoted) is 形象工程.
    P.genericNames.includes(name.replace(QUOTES, '')) ||
    P.genericStarts.some((g) => name.startsWith(g)) ||
    P.genericWords.some((g) => stem.includes(g)) ||
    P.notNames.some((n) => name.endsWith(n)) ||
    /^“[^”]*”$/.test(stem)
  );
}

export function findProjects(lexicon: Lexicon, text: string, sentence: Span): ProjectMention[] {
  return findByForm(
    compiled(lexicon, 'projects', (l) => buildForms(l.projectForms)),
    text,
    sentence,
  );
}

/** Zones by their form (辽宁自贸试验区, 太平湾合作创新区); `form` is the zone word. */
export function findZones(lexicon: Lexicon, text: string, sentence: Span): ProjectMention[] {
  return findByForm(
    compiled(lexicon, 'zones', (l) => buildForms(l.zoneForms)),
    text,
    sentence,
  );
}

/** Bodies by their form (海南大学, 广州实验室); `form` is the body's word. */
export function findOrganizations(
  lexicon: Lexicon,
  text: string,
  sentence: Span,
): ProjectMention[] {
  return findByForm(
    compiled(lexicon, 'organizations', (l) => buildForms(l.organizationForms)),
    text,
    sentence,
  );
}

/**
 * Programmes by their form (提振消费专项行动); `form` is the programme's word. A quotation that
 * ends in the form word is the programme's own name, whatever qualifies it: 国家“双高计划”,
 * 高职院校“双高计划” and “双高计划” are 双高计划.
 */
export function findProgrammes(lexicon: Lexicon, text: string, sentence: Span): ProjectMention[] {
  const found = findByForm(
    compiled(lexicon, 'programmes', (l) => buildForms(l.programmeForms)),
    text,
    sentence,
  );
  return found
    .filter((m) => !counted(m.name, m.form))
    .map((m) => {
      const q = /“([^“”]+)”$/.exec(m.name);
      if (!q || !q[1]!.endsWith(m.form) || counted(q[1]!, m.form)) return m;
      const end = m.span.end - 1;
      return { ...m, name: q[1]!, span: { start: end - q[1]!.length, end } };
    });
}

/** A count of kinds (六大, 十项): 六大行动 names how many programmes, not one of them. */
const COUNT_OF_KINDS = /^[一二三四五六七八九十两]+[大项]$/;
const counted = (name: string, form: string): boolean =>
  COUNT_OF_KINDS.test(name.replace(QUOTES, '').slice(0, -form.length));

/** Where a name ending just before `i` starts: back to a break, over a bracketed place. */
function nameStart(f: Forms, s: string, i: number): number {
  let start = i;
  while (start > 0 && i - start < f.P.maxNameLength * 2) {
    const c = s[start - 1]!;
    if (f.P.bracketed && (c === '）' || c === ')')) {
      // 中日（大连）地方发展合作示范区: a short bracket with words before it is in the name.
      const open = Math.max(s.lastIndexOf('（', start - 1), s.lastIndexOf('(', start - 1));
      if (open > 0 && start - 1 - open <= 6 && !BREAK.test(s[open - 1]!)) {
        start = open;
        continue;
      }
    }
    if (BREAK.test(c)) break;
    start--;
  }
  return start;
}

/** The punctuation that ends a clause, past which a quotation belongs to no name. */
const CLAUSE_END = /[，,。；;：:！？]/;

/** How far past its form word a quoted name may run to its closing quote. */
const MAX_QUOTED_TAIL = 8;

const quoteBalance = (x: string) => {
  let n = 0;
  for (const c of x) n += c === '“' ? 1 : c === '”' ? -1 : 0;
  return n;
};

/**
 * A name with a quote closed or opened where the text does it (“千万工程”, “千村引领、万村升级”工程:
 * the form word's scan stops at the quote; “三大高速公路新通道”: the quotation goes on past it).
 */
function quoted(
  s: string,
  name: string,
  offset: number,
  end: number,
): { name: string; offset: number; end: number } {
  const balance = quoteBalance(name);
  if (balance > 0) {
    // “三大高速公路新通道”: a form word inside a quotation; the name runs to its close, when
    // the clause does not end first.
    const close = s.indexOf('”', end);
    if (close >= 0 && close - end <= MAX_QUOTED_TAIL && !CLAUSE_END.test(s.slice(end, close))) {
      name += s.slice(end, close + 1);
      end = close + 1;
    }
  } else if (balance < 0) {
    const open = s.lastIndexOf('“', offset - 1);
    if (open >= 0 && !CLAUSE_END.test(s.slice(open, offset))) {
      name = s.slice(open, end);
      offset = open;
    }
  }
  return { name, offset, end };
}

function findByForm(f: Forms, text: string, sentence: Span): ProjectMention[] {
  const s = text.slice(sentence.start, sentence.end);
  if (!f.mayName.test(s)) return [];
  const candidates: ProjectMention[] = [];
  for (let i = 0; i < s.length; i++) {
    let form = suffixAt(f, s, i);
    if (!form) continue;
    let end = i + form.length;
    // 工程项目, 核电站: a form word right after another belongs to the same name.
    for (let next = suffixAt(f, s, end); next; next = suffixAt(f, s, end)) {
      form = next;
      end += next.length;
    }
    if (NOT_AFTER.test(s.slice(end, end + 1)) || f.notFollowedBy.some((w) => s.startsWith(w, end)))
      continue;
    const start = nameStart(f, s, i);
    let { name, offset } = stripLeading(f, s.slice(start, end), start);
    for (const b of f.breakers) {
      const k = name.lastIndexOf(b);
      if (k >= 0) {
        offset += k + b.length;
        name = name.slice(k + b.length);
      }
    }
    ({ name, offset } = stripLeading(f, name, offset));
    if (!isProjectName(f, name, form)) {
      i = end - 1;
      continue;
    }
    ({ name, offset, end } = quoted(s, name, offset, end));
    candidates.push({
      name,
      span: { start: sentence.start + offset, end: sentence.start + end },
      form,
      route: f.P.routeSuffixes.includes(form),
    });
    i = end - 1;
  }
  // A name inside a longer one (沈阳机场 in 沈阳机场第二跑道) is the longer one's.
  return candidates.filter(
    (c) =>
      !candidates.some((o) => o !== c && o.span.start <= c.span.start && c.span.end <= o.span.end),
  );
}
