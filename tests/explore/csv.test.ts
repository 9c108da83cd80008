/**
 * The explorer's List CSV and citations, as pure functions: fields quoted as RFC 4180 says,
 * and a document csv-parse reads back to the same cells.
 */
import { parse } from 'csv-parse/sync';
import { citation, csvField, fileName, toCsv } from '../../src/explore/csv';

describe('explorer CSV', () => {
  test('quotes a field only when it holds a quote, comma, CR or LF, doubling quotes', () => {
    expect(csvField('沈阳')).toBe('沈阳');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "稳"')).toBe('"say ""稳"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  test('a document is a BOM, the header and CRLF-ended records that parse back to the cells', () => {
    const rows = [
      ['liaoning-2022', '“五大安全”, 粮食安全', 12, null],
      ['china-2022', 'two\r\nlines "quoted"', 0, 'x'],
    ];
    const text = toCsv(['report', 'sentence', 'start', 'via'], rows);
    expect(text.startsWith('\uFEFFreport,sentence,start,via\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parse(text, { bom: true }) as string[][];
    expect(back).toEqual([
      ['report', 'sentence', 'start', 'via'],
      ['liaoning-2022', '“五大安全”, 粮食安全', '12', ''],
      ['china-2022', 'two\r\nlines "quoted"', '0', 'x'],
    ]);
  });

  test('a citation names the report, section, character span and sentence', () => {
    expect(
      citation({
        reportTitle: '2022年辽宁省政府工作报告',
        reportId: 'liaoning-2022',
        section: { path: '二/（三）', title: '持之以恒强创新' },
        span: { start: 8516, end: 8570 },
        sentence: '建设浑南科技城。',
      }),
    ).toBe(
      '2022年辽宁省政府工作报告 (liaoning-2022), 二/（三） 持之以恒强创新, characters 8516–8570: “建设浑南科技城。”',
    );
    expect(fileName('a/b: c', 'commitments')).toBe('a_b_c-commitments.csv');
  });
});
