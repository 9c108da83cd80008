/**
 * A made-up report of 宁夏, extracted: a jurisdiction the seeds do not have, for tests that
 * need a report of their own with a given text and year.
 */
import { extractReport } from '../../src/extract';
import type { ReportGraph } from '../../src/model';
import { lexicon } from './lexicon';

export function ningxiaReport(year: number, text: string): ReportGraph {
  return extractReport(
    {
      text,
      meta: {
        id: `ningxia-${year}`,
        title: '宁夏回族自治区政府工作报告',
        jurisdiction: '宁夏',
        level: 'provincial',
        year,
        extra: {},
      },
      origin: `ningxia-${year} (made up)`,
    },
    lexicon,
  );
}
