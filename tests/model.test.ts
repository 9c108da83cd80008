/**
 * Domain rules of the model that linking and the API share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_KINDS, standingFigure, type Qualifier } from '../src/model';

test('the standing figure is the first stated in the latest report', () => {
  const f = (id: string, reportId: string, qualifier: Qualifier = 'EXACT') => ({
    id,
    kind: 'Target' as const,
    reportId,
    qualifier,
  });
  expect(standingFigure([])).toBeUndefined();
  // Within one report the headline comes first, a repetition later.
  expect(standingFigure([f('headline', 'r1'), f('again', 'r1')])?.id).toBe('headline');
  // A later report (the year's own) overrides an earlier one (a plan's).
  expect(standingFigure([f('plan', 'r1'), f('own', 'r2'), f('own-again', 'r2')])?.id).toBe('own');
  // A target's bound is the target, whatever follows it.
  expect(standingFigure([f('bound', 'r1', 'AT_LEAST'), f('point', 'r1')])?.id).toBe('bound');
});

test("of a result, the latest report's first point value stands over a milestone it passed", () => {
  const r = (id: string, reportId: string, qualifier: Qualifier) => ({
    id,
    kind: 'Result' as const,
    reportId,
    qualifier,
  });
  // 突破3万亿元 … 完成32765亿元: the amount, not the milestone.
  const milestone = r('milestone', 'r2', 'MORE_THAN');
  expect(
    standingFigure([milestone, r('amount', 'r2', 'EXACT'), r('about', 'r2', 'ABOUT')])?.id,
  ).toBe('amount');
  expect(standingFigure([milestone, r('about', 'r2', 'ABOUT')])?.id).toBe('about');
  // Only the latest report's: an earlier report's exact value does not stand over it.
  expect(standingFigure([r('earlier', 'r1', 'EXACT'), milestone])?.id).toBe('milestone');
  expect(standingFigure([milestone, r('nearly', 'r2', 'NEARLY')])?.id).toBe('milestone');
});

test('the Cypher that scans entities names every entity label, and only those', () => {
  for (const file of ['query/resolve', 'query/entity-keys']) {
    const text = readFileSync(path.join(__dirname, '..', 'cypher', `${file}.cypher`), 'utf8');
    const labels = [...text.matchAll(/\bn:(\w+)/g)].map((m) => m[1]);
    expect(new Set(labels)).toEqual(new Set(ENTITY_KINDS));
  }
});
