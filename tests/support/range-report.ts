import type { ReportInput } from '../../src/model';

/**
 * A made-up report whose plan sets ranges (4.5%—5%, 2—3家) beside a figure that is not one,
 * for a jurisdiction no other test asks about.
 */
export const RANGE_REPORT: ReportInput = {
  text:
    '一、2025年工作回顾\n\n全省地区生产总值增长5%。\n\n二、2026年工作安排\n\n' +
    '全省地区生产总值增长4.5%—5%，城镇调查失业率5.5%左右。新建2—3家省级制造业创新中心。\n',
  meta: {
    id: 'heilongjiang-2026',
    title: '黑龙江省政府工作报告',
    jurisdiction: '黑龙江省',
    level: 'provincial',
    year: 2026,
    extra: {},
  },
  origin: 'heilongjiang-2026 (made up)',
};
