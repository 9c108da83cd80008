/**
 * Full-text search for the embedded store, tokenising the way Lucene's CJK analyzer does
 * (overlapping bigrams of Chinese characters, whole words otherwise), so that it finds the
 * same hits as Neo4j's full-text index; scores differ.
 */
import type { GraphNode } from '../../model';
import type { SearchHit } from '..';

const HAN = /\p{Script=Han}/u;

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
  // (Shenyang's is one token, which "Shenyang" does not find).
  for (const m of lower.matchAll(/\p{Script=Han}+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
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

export function searchNodes(nodes: Iterable<GraphNode>, text: string, first: number): SearchHit[] {
  const query = [...new Set(tokens(text))];
  if (query.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const node of nodes) {
    const words = searchableText(node);
    if (!words) continue;
    const have = new Set(tokens(words));
    const matched = query.filter((t) => have.has(t)).length;
    if (matched === 0) continue;
    // Share of the query found, favouring shorter texts a little, as Lucene's length norm does.
    hits.push({ node, score: matched / query.length + 1 / (10 + have.size) });
  }
  return hits.sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : 1)).slice(0, first);
}
