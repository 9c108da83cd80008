/**
 * The embedded store's full-text search: tokens as Lucene's CJK analyzer makes them, and
 * the same hits whether a query is only bigrams of Chinese characters (found by substring)
 * or holds other tokens (found by tokenising the texts that may hold them).
 */
import { searchNodes, tokens } from '../../src/store/embedded/search';
import type { CommitmentNode, GraphNode } from '../../src/model';

test('Chinese characters are never part of a word: a number or a Latin word stands alone', () => {
  expect(tokens('新建5G基站2.5万座')).toEqual(['新建', '5g', '基站', '2', '5', '万座']);
  expect(tokens('完成800个经济薄弱村')).toEqual([
    '完成',
    '800',
    '个经',
    '经济',
    '济薄',
    '薄弱',
    '弱村',
  ]);
  expect(tokens('单位GDP能耗')).toEqual(['单位', 'gdp', '能耗']);
  // An apostrophe between letters stays inside the word; a lone character is a token.
  expect(tokens("Shenyang's 沈")).toEqual(["shenyang's", '沈']);
});

const commitment = (id: string, text: string) =>
  ({ kind: 'Commitment', id: `commitment:t:${id}`, text }) as unknown as CommitmentNode;

test('bigram queries and mixed queries find the same texts, scored by the share found', () => {
  const nodes: GraphNode[] = [
    commitment('1', '完成100个乡村振兴示范村创建'),
    commitment('2', '推进乡村\u200b振兴'), // a break inside: 村振 is no bigram of it
    commitment('3', '新建5G基站2.5万座，推进乡村建设'),
    commitment('4', '单位GDP能耗下降'),
  ];
  const ids = (q: string) => searchNodes(nodes, q, 10).map((h) => h.node.id.slice(-1));
  expect(ids('乡村振兴')).toEqual(['1', '2', '3']);
  expect(searchNodes(nodes, '乡村振兴', 10)[0]!.score).toBeGreaterThan(1);
  expect(searchNodes(nodes, '乡村振兴', 10)[2]!.score).toBeLessThan(0.5);
  expect(ids('5G')).toEqual(['3']);
  expect(ids('gdp')).toEqual(['4']);
  // A mixed query: texts holding either part, those holding both first, then the shorter.
  expect(ids('5G 乡村')).toEqual(['3', '2', '1']);
  // A lone character is a token only where it stands alone.
  expect(ids('村')).toEqual([]);
});
