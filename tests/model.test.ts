/**
 * Domain rules of the model that linking and the API share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ENTITY_KINDS, standingFigure } from '../src/model';

test('the standing figure is the first stated in the latest report', () => {
  const f = (id: string, reportId: string) => ({ id, reportId });
  expect(standingFigure([])).toBeUndefined();
  // Within one report the headline comes first, a repetition later.
  expect(standingFigure([f('headline', 'r1'), f('again', 'r1')])?.id).toBe('headline');
  // A later report (the year's own) overrides an earlier one (a plan's).
  expect(standingFigure([f('plan', 'r1'), f('own', 'r2'), f('own-again', 'r2')])?.id).toBe('own');
});

test('the Cypher that scans entities names every entity label, and only those', () => {
  for (const file of ['query/resolve', 'query/entity-keys']) {
    const text = readFileSync(path.join(__dirname, '..', 'cypher', `${file}.cypher`), 'utf8');
    const labels = [...text.matchAll(/\bn:(\w+)/g)].map((m) => m[1]);
    expect(new Set(labels)).toEqual(new Set(ENTITY_KINDS));
  }
});
