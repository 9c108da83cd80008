/**
 * Reading quantities, one sentence at a time.
 */
import { findFigures, type FigureMention } from '../../src/extract/quantities';
import { lexicon } from '../support/lexicon';

/** The figures of one sentence, as a plan sentence that is no target sentence unless said so. */
function figures(sentence: string, options: { targetSentence?: boolean } = {}): FigureMention[] {
  return findFigures(
    lexicon,
    sentence,
    { start: 0, end: sentence.length },
    { targetSentence: false, ...options },
  );
}

const brief = (f: FigureMention) => ({
  metricText: f.metricText,
  metric: f.metric?.key ?? null,
  value: f.value,
  unit: f.unit,
  qualifier: f.qualifier,
});

test.each([
  ['城镇调查失业率控制在5.5%以内', 'urban_surveyed_unemployment', 5.5],
  ['城镇调查失业率全年控制在5.5%以内', 'urban_surveyed_unemployment', 5.5],
  ['城镇登记失业率4.5%以内', null, 4.5],
  ['财政赤字率一直控制在3%以内', 'deficit_ratio', 3],
])('以内 is AT_MOST: %s', (sentence, metric, value) => {
  expect(figures(sentence).map(brief)).toEqual([
    expect.objectContaining({ metric, value, qualifier: 'AT_MOST' }),
  ]);
});
