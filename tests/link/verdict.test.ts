/**
 * Met or missed: a result judged against its target, one case per qualifier, a reduction,
 * and the pairs that cannot be compared.
 */
import { judge, relativeTo } from '../../src/link/verdict';
import type { FigureNode } from '../../src/model';

type Fig = Parameters<typeof judge>[0];
const fig = (value: number | null, more: Partial<FigureNode> = {}): Fig => ({
  status: 'SET',
  value,
  low: null,
  high: null,
  unit: '%',
  qualifier: 'EXACT',
  direction: 'UP',
  measure: 'GROWTH',
  ...more,
});
const verdict = (t: Fig, r: Fig, key: string | null) => {
  const v = judge(t, r, key);
  return [v.value, v.rule];
};

test.each([
  // GDP, a floor: 左右 is met half a point below, not further.
  ['ABOUT floor met', fig(6, { qualifier: 'ABOUT' }), fig(5.7), 'gdp', ['MET', 'about-floor']],
  [
    'ABOUT floor missed',
    fig(5.5, { qualifier: 'ABOUT' }),
    fig(3),
    'gdp',
    ['MISSED', 'about-floor'],
  ],
  [
    'ABOUT floor exceeded',
    fig(5.5, { qualifier: 'ABOUT' }),
    fig(8.1),
    'gdp',
    ['MET', 'about-floor'],
  ],
  // CPI, a ceiling: 3%左右 is met by 2%, missed by 3.6%.
  ['ABOUT ceiling met', fig(3, { qualifier: 'ABOUT' }), fig(2), 'cpi', ['MET', 'about-ceiling']],
  [
    'ABOUT ceiling missed',
    fig(3, { qualifier: 'ABOUT' }),
    fig(3.6),
    'cpi',
    ['MISSED', 'about-ceiling'],
  ],
  [
    'ABOUT two-sided',
    fig(100, { qualifier: 'ABOUT', unit: '亿元', measure: 'LEVEL' }),
    fig(106, { unit: '亿元', measure: 'LEVEL' }),
    'special_purpose_bonds',
    ['MISSED', 'about-two-sided'],
  ],
  ['AT_LEAST met', fig(6, { qualifier: 'AT_LEAST' }), fig(6), 'gdp', ['MET', 'at-least']],
  ['AT_LEAST missed', fig(6, { qualifier: 'AT_LEAST' }), fig(5.8), 'gdp', ['MISSED', 'at-least']],
  [
    'MORE_THAN at the bound',
    fig(1100, { qualifier: 'MORE_THAN', unit: '万人', measure: 'LEVEL' }),
    fig(1100, { unit: '万人', measure: 'LEVEL' }),
    'urban_new_jobs',
    ['MISSED', 'more-than'],
  ],
  [
    'AT_MOST met',
    fig(5.5, { qualifier: 'AT_MOST', measure: 'LEVEL' }),
    fig(5.1, { measure: 'LEVEL' }),
    'urban_surveyed_unemployment',
    ['MET', 'at-most'],
  ],
  [
    'AT_MOST missed',
    fig(5.5, { qualifier: 'AT_MOST', measure: 'LEVEL' }),
    fig(5.6, { measure: 'LEVEL' }),
    'urban_surveyed_unemployment',
    ['MISSED', 'at-most'],
  ],
  [
    'RANGE inside',
    fig(4.5, { qualifier: 'RANGE', low: 4.5, high: 5 }),
    fig(4.8),
    'gdp',
    ['MET', 'range-floor'],
  ],
  [
    'RANGE below',
    fig(6, { qualifier: 'RANGE', low: 6, high: 6.5 }),
    fig(5.9),
    'gdp',
    ['MISSED', 'range-floor'],
  ],
  [
    'RANGE above a floor',
    fig(6, { qualifier: 'RANGE', low: 6, high: 6.5 }),
    fig(6.9),
    'gdp',
    ['MET', 'range-floor'],
  ],
  [
    'EXACT floor',
    fig(13000, { unit: '亿斤', measure: 'LEVEL' }),
    fig(13657, { unit: '亿斤', measure: 'LEVEL' }),
    'grain_output',
    ['MET', 'exact-floor'],
  ],
  // 降低3%: a reduction read in its own direction; 下降2.5% falls short, 增长0.5% more so.
  [
    'reduction met',
    fig(3, { direction: 'DOWN' }),
    fig(3.2, { direction: 'DOWN' }),
    'energy_intensity',
    ['MET', 'exact-floor'],
  ],
  [
    'reduction missed',
    fig(3, { direction: 'DOWN' }),
    fig(2.5, { direction: 'DOWN' }),
    'energy_intensity',
    ['MISSED', 'exact-floor'],
  ],
  [
    'reduction reversed',
    fig(3, { direction: 'DOWN', qualifier: 'ABOUT' }),
    fig(0.5, { direction: 'UP' }),
    'energy_intensity',
    ['MISSED', 'about-floor'],
  ],
] as const)('%s', (_name, target, result, key, expected) => {
  expect(verdict(target, result, key)).toEqual(expected);
});

test('a metric read from the text is a quota: more of what the target states meets it', () => {
  const quota = { unit: '万个', measure: 'LEVEL' } as const;
  expect(verdict(fig(5.3, quota), fig(5.6, quota), null)).toEqual(['MET', 'exact-floor']);
  expect(verdict(fig(5.3, quota), fig(5.1, quota), null)).toEqual(['MISSED', 'exact-floor']);
  const cut = { unit: '万人', measure: 'CHANGE', direction: 'DOWN' } as const;
  expect(verdict(fig(1000, cut), fig(1232, cut), null)).toEqual(['MET', 'exact-floor']);
});

test('pairs that cannot be compared say why', () => {
  expect(verdict(fig(null, { status: 'DEFERRED' }), fig(2.3), 'gdp')).toEqual([
    'NOT_COMPARABLE',
    'no-target-number',
  ]);
  expect(verdict(fig(5), fig(5, { unit: '个百分点' }), 'gdp')).toEqual([
    'NOT_COMPARABLE',
    'units-differ',
  ]);
  expect(verdict(fig(5), fig(5, { measure: 'LEVEL' }), 'gdp')).toEqual([
    'NOT_COMPARABLE',
    'measures-differ',
  ]);
});

test("a result in another multiple of the target's unit is read in it", () => {
  // The State Council's 2018 tax cut: 8000多亿元 set, 约1.3万亿元 done.
  const level = { measure: 'LEVEL', direction: null } as const;
  expect(
    judge(
      fig(8000, { ...level, unit: '亿元', qualifier: 'MORE_THAN' }),
      fig(1.3, { ...level, unit: '万亿元', qualifier: 'ABOUT' }),
      'tax_and_fee_cuts',
    ),
  ).toEqual({
    value: 'MET',
    rule: 'more-than',
    tolerance: null,
    explanation: '13000 against more than 8000: met (1.3万亿元 read as 13000亿元)',
  });
  expect(
    verdict(fig(5, { ...level, unit: '万亿元' }), fig(48000, { ...level, unit: '亿元' }), 'gdp'),
  ).toEqual(['MISSED', 'exact-floor']);
  // Another base unit is still no comparison.
  expect(
    verdict(fig(5, { ...level, unit: '万亿元' }), fig(5, { ...level, unit: '万人' }), 'gdp'),
  ).toEqual(['NOT_COMPARABLE', 'units-differ']);
  // Nor is a level against its change in points.
  expect(verdict(fig(5), fig(5, { unit: '个百分点' }), 'gdp')[0]).toBe('NOT_COMPARABLE');
  // Against the national target: 5万亿元 is above 48000亿元, by 0.2 in the target's unit (万亿元).
  const province = fig(5, { ...level, unit: '万亿元' });
  expect(relativeTo(province, fig(48000, { ...level, unit: '亿元' }))).toEqual({
    relation: 'ABOVE',
    difference: 0.2,
  });
});

test('an ABOUT verdict states its tolerance and the comparison', () => {
  expect(judge(fig(5.5, { qualifier: 'ABOUT' }), fig(3), 'gdp')).toEqual({
    value: 'MISSED',
    rule: 'about-floor',
    tolerance: 0.5,
    explanation: '3 against about 5.5 (±0.5, floor): missed',
  });
  expect(
    judge(
      fig(200, { qualifier: 'ABOUT', unit: '万人', measure: 'LEVEL' }),
      fig(191, { unit: '万人', measure: 'LEVEL' }),
      'urban_new_jobs',
    ).tolerance,
  ).toBe(10);
});

test('a target against the national one: above, below, level where the ranges meet', () => {
  const about = (v: number) => fig(v, { qualifier: 'ABOUT' });
  expect(relativeTo(about(5.5), about(5))).toEqual({ relation: 'ABOVE', difference: 0.5 });
  expect(relativeTo(fig(4, { qualifier: 'RANGE', low: 4, high: 4.5 }), about(5))).toEqual({
    relation: 'BELOW',
    difference: -0.75,
  });
  expect(relativeTo(fig(4.5, { qualifier: 'RANGE', low: 4.5, high: 5 }), about(5))).toEqual({
    relation: 'LEVEL',
    difference: -0.25,
  });
  // A bigger cut is below in signed terms: 降低3.5% against 降低3%.
  expect(relativeTo(fig(3.5, { direction: 'DOWN' }), fig(3, { direction: 'DOWN' }))).toEqual({
    relation: 'BELOW',
    difference: -0.5,
  });
  expect(relativeTo(about(5), fig(null, { status: 'DEFERRED' })).relation).toBe('NOT_COMPARABLE');
  expect(relativeTo(about(5), fig(5, { unit: '万人' })).relation).toBe('NOT_COMPARABLE');
});
