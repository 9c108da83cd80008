/**
 * Full-text search for the embedded store, tokenising the way Lucene's CJK analyzer does
 * (overlapping bigrams of Chinese characters, whole words otherwise), so that it finds the
 * same hits as Neo4j's full-text index; scores differ.
 */
import type { GraphNode } from '../../model';
import type { SearchHit } from '..';

const HAN = /\p{Script=Han}/u;
/** A letter or digit that is no Chinese character. */
const LETTER = String.raw`(?:(?!\p{Script=Han})[\p{L}\p{N}])`;
/** A run of Chinese characters, or a word (an apostrophe between letters inside it). */
const TOKEN = new RegExp(String.raw`\p{Script=Han}+|${LETTER}+(?:['’]${LETTER}+)*`, 'gu');

export function tokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let run = '';
  const flushRun = () => {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = '';
  };
  // An apostrophe between letters stays inside the word, as in Lucene's standard tokenizer
  // (Shenyang's is one token, which "Shenyang" does not find). Chinese characters are never
  // part of a word (800个经济…: 800, then the bigrams of 个经济…), as in Lucene, which splits
  // them off one by one.
  for (const m of lower.matchAll(TOKEN)) {
    if (HAN.test(m[0][0]!)) {
      run = m[0];
      flushRun();
    } else out.push(m[0]);
  }
  return out;
}

/** The words a node is found by. */
export function searchableText(n: GraphNode): string | null {
  switch (n.kind) {
    case 'Commitment':
      return n.text;
    case 'Section':
      return n.title;
    case 'Report':
    case 'Target':
    case 'Result':
      return null;
    default:
      return [n.name, n.nameEn ?? '', ...n.aliases].join(' ');
  }
}

/** Distinct tokens of a node's words, for the score's length norm; nodes are not changed in place. */
const tokenCounts = new WeakMap<GraphNode, number>();
function tokenCount(node: GraphNode, words: string): number {
  let n = tokenCounts.get(node);
  if (n === undefined) tokenCounts.set(node, (n = new Set(tokens(words)).size));
  return n;
}

const isHanBigram = (t: string) => t.length === 2 && HAN.test(t[0]!) && HAN.test(t[1]!);

export function searchNodes(nodes: Iterable<GraphNode>, text: string, first: number): SearchHit[] {
  const query = [...new Set(tokens(text))];
  if (query.length === 0) return [];
  // A bigram of Chinese characters is one of a text's tokens exactly when the text holds it
  // (two Chinese characters side by side are in one run): such a query is answered without
  // tokenising every text, which with 600 reports took a second. Other tokens (a word, a
  // lone character) must be whole tokens: a text holding them is tokenised to check.
  const bigramsOnly = query.every(isHanBigram);
  const hits: SearchHit[] = [];
  for (const node of nodes) {
    const words = searchableText(node);
    if (!words) continue;
    let matched = 0;
    let have: Set<string> | null = null;
    if (bigramsOnly) {
      for (const t of query) if (words.includes(t)) matched++;
    } else {
      const lower = words.toLowerCase();
      if (!query.some((t) => lower.includes(t))) continue;
      have = new Set(tokens(words));
      matched = query.filter((t) => have!.has(t)).length;
    }
    if (matched === 0) continue;
    // Share of the query found, favouring shorter texts a little, as Lucene's length norm does.
    const size = have ? have.size : tokenCount(node, words);
    hits.push({ node, score: matched / query.length + 1 / (10 + size) });
  }
  return hits.sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : 1)).slice(0, first);
}
