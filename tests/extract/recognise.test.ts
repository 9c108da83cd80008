import { PlaceMatcher } from '../../src/extract/recognise';
import type { PlaceEntry } from '../../src/extract/lexicon';
import { lexicon } from '../support/lexicon';

const matcher = new PlaceMatcher(lexicon.places, lexicon.placeExclusions);
const find = (text: string) =>
  matcher
    .find(text, { start: 0, end: text.length })
    .map((m) => [m.entry.name, m.rule, text.slice(m.span.start, m.span.end)]);

test('names and aliases, longest first', () => {
  expect(find('支持沈阳市和辽宁省发展，推进沈阳、大连协同。')).toEqual([
    ['沈阳', 'alias', '沈阳市'],
    ['辽宁', 'alias', '辽宁省'],
    ['沈阳', 'explicit', '沈阳'],
    ['大连', 'explicit', '大连'],
  ]);
});

test('a name inside an excluded context is not the place', () => {
  expect(find('培育朝阳产业。')).toEqual([]);
  expect(find('朝阳市发展朝阳产业，朝阳建设新城。')).toEqual([
    ['朝阳', 'alias', '朝阳市'],
    ['朝阳', 'explicit', '朝阳'],
  ]);
});

test('我国 names China', () => {
  expect(find('我国经济发展。')).toEqual([['中国', 'alias', '我国']]);
});

test('an exclusion hides the names inside it, not a longer name that opens with it', () => {
  const entry = (name: string, parent: string): PlaceEntry => ({
    name,
    nameEn: name,
    aliases: [],
    level: 'region',
    parent,
    source: 'test',
  });
  const tiger = new PlaceMatcher(
    [entry('东北', '中国'), entry('东北虎豹国家公园', '东北')],
    ['东北虎'],
  );
  const seen = (text: string) =>
    tiger.find(text, { start: 0, end: text.length }).map((m) => m.entry.name);
  expect(seen('保护东北虎种群。')).toEqual([]);
  expect(seen('建设东北虎豹国家公园，振兴东北。')).toEqual(['东北虎豹国家公园', '东北']);
});

test('a name read across a word boundary is not the place: 海上海南 holds no Shanghai', () => {
  expect(find('发展“海上海南”经济。')).toEqual([]);
});

test('发展中国家 (developing countries) names no place: 中国 is read inside the word', () => {
  expect(find('深化同发展中国家团结合作，中国愿与各国一道。')).toEqual([
    ['中国', 'explicit', '中国'],
  ]);
});

test('区域 and 区位 are words: a city before them is not a district of its name plus 区', () => {
  // 西安区 is a district of Liaoyuan (Jilin) and of Mudanjiang (Heilongjiang).
  expect(find('落实西安区域科技创新中心建设重点任务，发挥西安区位优势。')).toEqual([
    ['西安', 'explicit', '西安'],
    ['西安', 'explicit', '西安'],
  ]);
});
