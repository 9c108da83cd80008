import { ablateLexicons, type LexiconFiles } from '../src/extract/ablate';

const place = (name: string, parent: string | null, extra: Record<string, unknown> = {}) => ({
  name,
  nameEn: name,
  level: 'prefecture',
  parent,
  aliases: [],
  pinyin: [],
  source: 'test',
  ...extra,
});
const theme = (name: string, components: string[] = []) => ({
  name,
  nameEn: name,
  aliases: [],
  kind: 'mission',
  components,
  source: 'test',
});

const files: LexiconFiles = {
  'places.json': {
    places: [
      place('中国', null),
      place('辽宁', '中国', { aliases: ['辽宁省'] }),
      place('沈阳', '辽宁', { abbreviations: [{ abbr: '沈', seenIn: ['沈白高铁'] }] }),
      place('浑南', '沈阳'),
      place('大连', '辽宁', { nameEn: 'Dalian', pinyin: ['Dalian'] }),
      place('朝阳', '辽宁', { excludeContexts: ['朝阳产业', '朝阳区'] }),
    ],
    exclusions: [{ text: '辽沈银行', note: 'a bank' }],
  },
  'themes.json': {
    themes: [theme('五大安全', ['粮食安全', '能源安全']), theme('粮食安全'), theme('能源安全')],
    stoplist: [
      { term: '稳', reason: 'emphasis' },
      { term: '盟主', reason: 'figure of speech' },
    ],
  },
  'figures.json': { units: ['%'] },
};

const heldOut =
  '维护“五大安全”，保障能源安全，支持沈阳、Dalian发展，培育朝阳产业，争当“盟主”，辽宁省与辽沈银行。';
const kept = ['五大安全之一是粮食安全，在“稳”的基础上，朝阳区与朝阳。'];

test('removes what only the held-out text writes, keeps what a kept report writes', () => {
  const before = JSON.stringify(files);
  const a = ablateLexicons(files, { heldOut, kept, jurisdictions: ['辽宁省'] });
  expect(JSON.stringify(files)).toBe(before); // the input is not changed
  expect(a.removed.map((r) => [r.list, r.name])).toEqual([
    ['places', '沈阳'],
    ['places[].excludeContexts', '朝阳产业'],
    ['exclusions', '辽沈银行'],
    ['themes', '能源安全'],
    ['stoplist', '盟主'],
  ]);
  const places = a.files['places.json']!.places as { name: string; parent: string | null }[];
  // 大连 (only its English name is written), 中国 and 浑南 (written nowhere) stay; 辽宁 is a jurisdiction.
  expect(places.map((p) => p.name)).toEqual(['中国', '辽宁', '浑南', '大连', '朝阳']);
  expect(places.find((p) => p.name === '浑南')!.parent).toBe('辽宁');
  expect(places.find((p) => p.name === '朝阳')).toMatchObject({ excludeContexts: ['朝阳区'] });
  expect(a.notes).toEqual([expect.objectContaining({ name: '辽宁', kind: 'jurisdiction' })]);
  const themes = a.files['themes.json']!.themes as { name: string; components: string[] }[];
  expect(themes.map((t) => [t.name, t.components])).toEqual([
    ['五大安全', ['粮食安全']],
    ['粮食安全', []],
  ]);
  expect((a.files['themes.json']!.stoplist as { term: string }[]).map((s) => s.term)).toEqual([
    '稳',
  ]);
  expect(a.files['figures.json']).toEqual(files['figures.json']);
  expect(a.adjusted.map((x) => x.change)).toEqual([
    'parent 沈阳 (removed) → 辽宁',
    'components without 能源安全 (removed)',
  ]);
});

test('a form a kept report writes keeps the entry, an abbreviation’s words included', () => {
  const a = ablateLexicons(files, { heldOut, kept: [...kept, '建设沈白高铁。'] });
  expect(a.removed.map((r) => r.name)).not.toContain('沈阳');
  // Without the jurisdiction kept on purpose, 辽宁 goes, and its children move up.
  expect(a.removed.map((r) => r.name)).toContain('辽宁');
  const places = a.files['places.json']!.places as { name: string; parent: string | null }[];
  expect(places.find((p) => p.name === '沈阳')!.parent).toBe('中国');
});

test('strict: the forms only the held-out text writes go too, the name stays', () => {
  const withForms: LexiconFiles = {
    'places.json': {
      places: [
        place('沈阳', null, {
          aliases: ['沈阳市'],
          abbreviations: [
            { abbr: '沈', seenIn: ['沈白高铁', '京沈'] },
            { abbr: '阳', seenIn: ['阳光'], onlyIn: true },
          ],
        }),
      ],
    },
  };
  const text = { heldOut: '沈阳市建设沈白高铁，阳光。', kept: ['沈阳与京沈。'] };
  expect(ablateLexicons(withForms, text).removed).toEqual([]);
  const a = ablateLexicons(withForms, { ...text, strict: true });
  expect(a.removed.map((r) => [r.list, r.name, r.key])).toEqual([
    ['places[].aliases', '沈阳市', '沈阳'],
    ['places[].abbreviations[].seenIn', '沈白高铁', '沈阳'],
    ['places[].abbreviations[].seenIn', '阳光', '沈阳'],
  ]);
  expect(a.files['places.json']!.places).toEqual([
    expect.objectContaining({ aliases: [], abbreviations: [{ abbr: '沈', seenIn: ['京沈'] }] }),
  ]);
});
