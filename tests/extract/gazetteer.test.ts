/**
 * The national gazetteer: made from the administrative-division dataset, checked when the
 * lexicon is built, and read with the report's jurisdiction (a name several divisions share
 * goes to the nearest; a tie links nothing).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport, reportLevel } from '../../src/extract';
import { LEXICON_FILES, lexiconFromFiles, type LexiconFiles } from '../../src/extract/lexicon';
import { lexicon } from '../support/lexicon';

const GRAPH = path.resolve(__dirname, '../../graph');
// The generator is a plain Node script (npm run gazetteer).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gazetteer = require('../../scripts/gazetteer.js') as {
  buildDivisions(): unknown;
  format(g: unknown): string;
};

function files(): LexiconFiles {
  return Object.fromEntries(
    LEXICON_FILES.map((f) => [f, JSON.parse(readFileSync(path.join(GRAPH, f), 'utf8'))]),
  );
}

/** The graph of a one-sentence plan of `jurisdiction`. */
function planGraph(jurisdiction: string, sentence: string) {
  const text = `一、2025年工作回顾\n\n全年经济平稳。\n\n二、2026年工作安排\n\n${sentence}\n`;
  // The level its government reports at: a report's level must fit its jurisdiction.
  const level = reportLevel(lexicon.lookupPlace(jurisdiction)!.level);
  const meta = { id: 't-2026', title: 't', jurisdiction, level, year: 2026 };
  return {
    text,
    graph: extractReport({ origin: 't', meta: { ...meta, extra: {} }, text }, lexicon),
  };
}

/** The places a one-sentence plan of `jurisdiction` involves, with the rule and the words. */
function involves(jurisdiction: string, sentence: string): string[][] {
  const { text, graph } = planGraph(jurisdiction, sentence);
  return graph.edges
    .filter((e) => e.type === 'INVOLVES')
    .map((e) => [e.target, e.rule, text.slice(e.evidence!.start, e.evidence!.end)]);
}

test('graph/divisions.json is what the dataset and place-names.json give (npm run gazetteer)', () => {
  const file = readFileSync(path.join(GRAPH, 'divisions.json'), 'utf8');
  expect(gazetteer.format(gazetteer.buildDivisions())).toBe(file);
  const { divisions } = JSON.parse(file) as { divisions: { level: string; code: string }[] };
  const count = (level: string) => divisions.filter((d) => d.level === level).length;
  // 31 provinces of the mainland with Hong Kong, Macao and Taiwan; every prefecture-level
  // division (333 in 2023) and county-level division (2,844 and a few more).
  expect([count('province'), count('prefecture')]).toEqual([34, 333]);
  expect(count('county')).toBeGreaterThan(2800);
  expect(new Set(divisions.map((d) => d.code)).size).toBe(divisions.length);
});

test('a curated note on a division that the dataset does not have is refused, naming it', () => {
  const broken = files();
  const places = broken['places.json'] as { divisions: { code: string; name: string }[] };
  places.divisions = [...places.divisions, { code: '219999', name: '沈阳' }];
  expect(() => lexiconFromFiles(broken)).toThrow(/219999/);
});

test('names several divisions share go to the one nearest the report, and say so', () => {
  // 朝阳: Liaoning's city, and Beijing's district.
  expect(involves('辽宁', '支持朝阳建设现代农业示范区。')).toEqual([
    ['place:朝阳', 'explicit', '朝阳'],
  ]);
  expect(involves('北京', '推进朝阳建设国际消费中心。')).toEqual([
    ['place:北京市朝阳区', 'nearest', '朝阳'],
  ]);
  // 鼓楼区: Fuzhou's in a Fujian report; two in Jiangsu (Nanjing, Xuzhou) are a tie: no link.
  expect(involves('福建', '推进鼓楼区老旧小区改造。')).toEqual([
    ['place:福州市鼓楼区', 'nearest', '鼓楼区'],
  ]);
  expect(involves('江苏', '推进鼓楼区老旧小区改造。')).toEqual([]);
  expect(involves('中国', '推进鼓楼区老旧小区改造。')).toEqual([]);
});

test("a county's short form is read in its own province only", () => {
  expect(involves('甘肃', '支持榆中生态创新城建设。')).toEqual([['place:榆中县', 'alias', '榆中']]);
  expect(involves('辽宁', '支持榆中生态创新城建设。')).toEqual([]);
});

test('zones and corridors named after places involve those places too', () => {
  expect(involves('辽宁', '支持沈抚改革创新示范区建设。')).toEqual([
    ['place:沈抚改革创新示范区', 'explicit', '沈抚改革创新示范区'],
    ['place:沈阳', 'named-after', '沈抚改革创新示范区'],
    ['place:抚顺', 'named-after', '沈抚改革创新示范区'],
  ]);
  expect(involves('重庆', '推动成渝地区双城经济圈建设。').map((l) => l[0])).toEqual([
    'place:成渝',
    'place:成都',
    'place:重庆',
  ]);
});

test('deserts and national parks are places; a province inside a desert name is not', () => {
  // 巴丹吉林 holds 吉林 (Jilin), which it is not.
  expect(involves('甘肃', '推进巴丹吉林沙漠和库姆塔格边缘防沙治沙。')).toEqual([
    ['place:巴丹吉林沙漠', 'explicit', '巴丹吉林沙漠'],
    ['place:库姆塔格沙漠', 'alias', '库姆塔格'],
  ]);
  // A curated park, and one read by its form: a place the gazetteer knows, then 国家公园.
  expect(involves('四川', '建好大熊猫国家公园，研究设立洱海国家公园。')).toEqual([
    ['place:大熊猫国家公园', 'explicit', '大熊猫国家公园'],
    ['place:洱海', 'explicit', '洱海'],
    ['place:洱海国家公园', 'form', '洱海国家公园'],
  ]);
  // The category alone is no place.
  expect(involves('四川', '完善国家公园管理体制。')).toEqual([]);
});

test("a place read by its form is no division: its code is null, as a curated zone's is", () => {
  const { graph } = planGraph('四川', '研究设立洱海国家公园，建好大熊猫国家公园。');
  const place = (id: string) => graph.entities.find((e) => e.id === id) as { code?: unknown };
  // Both stores give every place a code; Neo4j stores no absent property, only null.
  expect(place('place:洱海国家公园').code).toBeNull();
  expect(place('place:大熊猫国家公园').code).toBeNull();
});

/** The organisations a one-sentence plan of `jurisdiction` mentions. */
const mentions = (jurisdiction: string, sentence: string) =>
  planGraph(jurisdiction, sentence)
    .graph.edges.filter((e) => e.type === 'MENTIONS' && e.target.startsWith('organization:'))
    .map((e) => e.target);

test("every province-level division has its four leading bodies; 省委 is the report's own", () => {
  // The relative forms denote the body of the report's own division, by its type.
  const sentence = '在省委领导下，省政府自觉接受省人大和省政协监督。';
  expect(mentions('山西', sentence)).toEqual([
    'organization:中共山西省委',
    'organization:山西省人民政府',
    'organization:山西省人民代表大会',
    'organization:山西省政协',
  ]);
  expect(mentions('辽宁', '在省委领导下推进工作。')).toEqual(['organization:中共辽宁省委']);
  expect(mentions('天津', '在市委领导下，市政府依法履职。')).toEqual([
    'organization:中共天津市委',
    'organization:天津市人民政府',
  ]);
  expect(mentions('新疆', '在自治区党委领导下推进工作。')).toEqual([
    'organization:中共新疆维吾尔自治区委员会',
  ]);
  // A full name denotes its body in any report; a relative form of another type none.
  expect(mentions('甘肃', '落实中共北京市委部署，市委工作组到位。')).toEqual([
    'organization:中共北京市委',
  ]);
  const taiwan = lexicon.organizations.filter((o) => o.place === '台湾');
  expect(taiwan).toEqual([]);
  // Traced to the template it was made from.
  const body = planGraph('山西', sentence).graph.entities.find(
    (e) => e.id === 'organization:中共山西省委',
  );
  expect(body).toMatchObject({
    nameEn: 'CPC Shanxi Provincial Committee',
    lexicon: 'organizations.json#provincialBodies',
  });
});

test('a body the lexicon does not know is read by its form when a place opens its name', () => {
  expect(mentions('辽宁', '支持辽宁工程技术学院建设，推动沈阳农业科技大学进入全国前列。')).toEqual([
    'organization:辽宁工程技术学院',
    'organization:沈阳农业科技大学',
  ]);
  // Kinds of bodies, students and a university town are none.
  expect(mentions('辽宁', '鼓励大学生到基层就业，建设一流大学、公立医院和沈北大学城。')).toEqual(
    [],
  );
});
