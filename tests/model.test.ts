/**
 * Domain rules of the model that linking and the API share.
 */
import { standingFigure } from '../src/model';

test('the standing figure is the first stated in the latest report', () => {
  const f = (id: string, reportId: string) => ({ id, reportId });
  expect(standingFigure([])).toBeUndefined();
  // Within one report the headline comes first, a repetition later.
  expect(standingFigure([f('headline', 'r1'), f('again', 'r1')])?.id).toBe('headline');
  // A later report (the year's own) overrides an earlier one (a plan's).
  expect(standingFigure([f('plan', 'r1'), f('own', 'r2'), f('own-again', 'r2')])?.id).toBe('own');
});
