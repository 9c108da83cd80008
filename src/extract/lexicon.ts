/**
 * The curated domain knowledge in `graph/` as a value. `loadLexicon(dir)` reads the files
 * of a folder into a typed `Lexicon`; extraction takes one as an argument, so two lexicons
 * (the full one and a hold-out's ablated one) can run side by side in one process. No
 * module reads a lexicon when it loads: what a stage compiles from one (tries, sorted word
 * lists) is kept beside that lexicon (`compiled`), built on first use.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityNode, Measure, Qualifier } from '../model';

export interface PlaceEntry {
  /** The id and display name: unique in the gazetteer (沈阳, 康平县, 沈阳市铁西区). */
  name: string;
  nameEn: string;
  /** province, prefecture, county (administrative divisions); country, zone, new-area, town, region, foreign. */
  level: string;
  parent: string | null;
  /** Written forms read in any report. */
  aliases: string[];
  /** Written forms read only in reports of the place's own province (a county's short form). */
  localAliases?: string[];
  /** The name itself is read only there too (和县, a two-character county name). */
  localName?: boolean;
  /** Administrative divisions: the GB/T 2260 code, the full official name, the kind of division. */
  code?: string;
  fullName?: string;
  type?: string;
  /** Zones and corridors named after places (沈抚改革创新示范区: 沈阳, 抚顺): they involve those too. */
  namedAfter?: string[];
  pinyin?: string[];
  otherNames?: string[];
  excludeContexts?: string[];
  /** One-character abbreviations; `onlyIn`: trusted only inside the names it is seen in. */
  abbreviations?: { abbr: string; seenIn: string[]; onlyIn?: boolean }[];
  source: string;
}

export interface ThemeEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  /** Names a researcher may type (English, pinyin): resolved, never searched in the text. */
  otherNames?: string[];
  kind: string;
  components?: string[];
  /**
   * A bundle's first report year: its members serve it in reports of that year or later,
   * not in those written before it was set out.
   */
  fromYear?: number;
  excludeContexts?: string[];
  source: string;
}

export interface IndustryEntry {
  name: string;
  nameEn: string;
  parent: string | null;
  aliases: string[];
  otherNames?: string[];
  excludeContexts?: string[];
  source: string;
}

export interface OrganizationEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  otherNames?: string[];
  /** Relative forms (省委, 省政府) that denote it only in its own jurisdiction's reports. */
  jurisdictionAliases?: string[];
  kind: string;
  place: string | null;
  excludeContexts?: string[];
  source: string;
  /** The section of organizations.json it was made from (provincialBodies), if not curated. */
  madeFrom?: string;
}

export interface ProjectEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  otherNames?: string[];
  /** Where it is: place names of the gazetteer. */
  places: string[];
  source: string;
}

/** How projects are recognised by their form (graph/projects.json without `known`). */
export interface ProjectForms {
  suffixes: string[];
  routeSuffixes: string[];
  leadingWords: string[];
  genericStarts: string[];
  genericNames: string[];
  nameBreakers: string[];
  innerBreakers: string[];
  genericWords: string[];
  notNames: string[];
  maxNameLength: number;
  /** Whether a bracketed place inside the name belongs to it (中日（大连）…示范区). */
  bracketed?: boolean;
  /** Words after a form word that make it another word (行动上, 行动起来: 行动 the verb). */
  notFollowedBy?: string[];
}

/**
 * How zones (places.json#zoneForms), bodies (organizations.json#organizationForms) and
 * programmes (themes.json#programmeForms) are written: their own form words, kinds and
 * breakers over the projects' verbs and generic words.
 */
export type ZoneForms = Pick<
  ProjectForms,
  'suffixes' | 'genericNames' | 'genericWords' | 'innerBreakers'
> &
  Partial<
    Pick<
      ProjectForms,
      'genericStarts' | 'notNames' | 'maxNameLength' | 'leadingWords' | 'notFollowedBy'
    >
  >;

/** places.json#initials: when a run of cities' first characters names them. */
export interface InitialsRules {
  /** A run this long is read anywhere; a shorter one before a form only. */
  minRun: number;
  forms: string[];
  /**
   * Each province-level division's neighbours by land: a route's far end across the border
   * (银兰高铁 in Gansu: Yinchuan–Lanzhou) is read by its city's initial, beside one of the
   * province's own, before a form.
   */
  neighbours?: Record<string, string[]>;
}

export interface PlanPeriod {
  name: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  aliases: string[];
}

export interface MetricEntry {
  key: string;
  name: string;
  nameEn: string;
  aliases: string[];
  headlineMeasure: Measure;
  /** Words that, right before a name, make it a breakdown of the indicator (企业研发经费). */
  breakdowns?: string[];
  /** An indicator that is the ratio of two others (R&D intensity: R&D spending over GDP). */
  ratioOf?: { part: string; whole: string };
  source: string;
}

/** How the reports write quantities (graph/figures.json). */
export interface FigureRules {
  /** Words after a growth word that still leave the indicator a growth rate (增长预期). */
  growthNounTrail: string[];
  units: string[];
  /** Multipliers a unit may start with (万亿元), and what each multiplies by. */
  unitMultipliers: Record<string, number>;
  notQuantityAfter: string[];
  notQuantityBefore: string[];
  qualifiersAfter: Record<string, Qualifier>;
  qualifiersBefore: Record<string, Qualifier>;
  growthUp: string[];
  growthDown: string[];
  changeUp: string[];
  changeDown: string[];
  levelVerbs: string[];
  shareWords: string[];
  metricTrimStart: string[];
  perUnitPrefixes: string[];
  /** Words after which a metric name is the whole a share or ratio is of (占, 与). */
  shareOfPrefixes: string[];
  /** Words after which a metric name is per person (人均地区生产总值): another indicator. */
  perCapitaPrefixes: string[];
  /** Words after which a metric name is what a figure is compared with (快于经济增速). */
  comparedWithPrefixes: string[];
  /** Words after a metric name that measure a contribution to it (对经济增长的贡献率). */
  contributionWords: string[];
  /** Scope words that may come between such a prefix and the name (占全社会研发投入比重). */
  denominatorScopes: string[];
  /** Words that may end a comparison after its scope (高于全国平均水平). */
  comparedWithEnds: string[];
  metricTrimEnd: string[];
  /** Modal and aspect words between an indicator and its verb (要, 再, 将): not its name. */
  modalsBeforeVerb: string[];
  /** Words that start or end with a trim word and are words of their own (并网, 使用, 主要). */
  wordsNotTrimmed: string[];
  /** A span of time (连续24个月): its lead words and time units; no figure, and no name. */
  spans: { lead: string[]; units: string[] };
  deferredPhrases: string[];
  /** What makes a target clause without numbers a qualitative goal (科技创新能力大幅提高). */
  qualitativeGoals: {
    lead: string[];
    adverbs: string[];
    verbs: string[];
    /** Verbs that end what their subject counts (脱贫, 摘帽): the goal is a fall, a CHANGE. */
    endVerbs: string[];
    frame: [string, string];
    maxLength: number;
  };
  targetSentenceMarkers: string[];
  /** Curated indicators with a figure that make a plan sentence a list of targets. */
  targetListMinimum: number;
  respectivelyWord: string;
  urbanRuralPrefix: { prefix: string; parts: [string, string] };
  /** The three sectors listed by ordinal (第一、二、三产业; 一二三产): see sectorItems. */
  sectorOrdinals: { ordinals: string[]; mark: string; nouns: string[] };
  /**
   * Numbers spelled in characters before a multiplier, read after one of `after` (突破千亿元):
   * multipliers written alone, worth what they multiply by (千: 1000; none written: 1).
   */
  spelledNumbers: { after: string[]; numbers: string[] };
  /**
   * Doubling (翻一番: double, 翻两番: double twice, 翻番: double), a change counted in
   * doublings: `verb`, then optionally one of `between` (了), then a number of `numbers`
   * (none: one), then `unit`.
   */
  doublings: {
    verb: string;
    between: string[];
    numbers: Record<string, number>;
    unit: string;
    /** What makes it a slogan naming several (双翻番, 四个翻番), not a figure. */
    notAfter: string[];
  };
  /** Head nouns a 分别 list's subjects share (原煤、原油、天然气产量: 产量), longest first. */
  sharedHeads: string[];
  /** Words after a plan period's name that make it a time frame (“十三五”时期), no indicator's. */
  periodFrameWords: string[];
  /** Words written into an indicator's name (经济年均增长: 经济增长), read past when it is named. */
  wordsInsideNames: string[];
  /** Nouns an amount of money may qualify (200亿元县, 30亿元以上项目): a class, no figure. */
  classNounsAfterAmount: string[];
  /** Words that may follow a unit and start like a qualifier (多式联运, 余热): no qualifier. */
  wordsAfterUnit: string[];
  /** Units only after a number with a decimal part (10.5年: years; 2025年 is a date). */
  decimalOnlyUnits: string[];
  /** Nouns holding a verb (增加值, 增长点): no verb is read inside them. */
  nounsWithVerbs: string[];
  /** Words in which 和 or 及 joins nothing (普及率): a list's subjects are not split there. */
  wordsWithJoiners: string[];
  /** What joins two numbers into one RANGE figure (—, －, -, 到, 至). */
  rangeSeparators: string[];
  /** Words before the first number that make "A到B" a change from A to B, not a range (从, 由). */
  rangeNotAfter: string[];
  /** Classifiers: a count in one of them may name what it counts after it (30个养老服务中心). */
  countedUnits: string[];
  /** Verbs and adverbs that may stand alone before such a count (建设, 培育, 加快). */
  countedLeadWords: string[];
  /**
   * Scope words a count may follow as its clause's subject (其中56项为全国首创, 全省8个品种入选):
   * they name nothing themselves, so what it counts is the noun after the unit, or else the
   * indicator before.
   */
  countedScopeWords: string[];
  /**
   * Prepositions a count may follow (与54个国家和地区开展…): its noun is taken when the clause's
   * verb (a countedStopWords word, or a countedLeadWords one) ends it.
   */
  countedPrepositions: string[];
  /**
   * Units of a lead over something compared with (个百分点): after a figure, such a lead over
   * the country or another indicator (高于全国1.7个百分点) is the lead of that figure's indicator.
   */
  leadUnits: string[];
  /** Particles a count's lead verb may end with (创建了5个): no word of the lead. */
  verbParticles: string[];
  /** Words that refer to the figure before: a figure named by them alone is of its indicator (其中56项). */
  backReferences: string[];
  /** What ends a list of examples before a count of their kind (醴娄等7条高速公路: 等). */
  examplesWord: string;
  /**
   * Multipliers that may stand for a unit (农村贫困人口减少1109万: 万), and what after one
   * makes it no count (千亿级).
   */
  bareMultipliers: { multipliers: string[]; notBefore: string[] };
  /** Words of a milestone passed (台阶, 大关): no unit, and the end of a bare multiplier's amount. */
  milestoneWords: string[];
  /**
   * A comparison with an earlier period (比去年预算低0.4个百分点, 比去年多100万人): after the
   * word (比) and one of the bases, a word of `up` or `down` before the number is a verb of
   * change, and the subject ends before the word.
   */
  comparatives: { word: string; bases: string[]; up: string[]; down: string[] };
  /**
   * A number inside a short quotation (稳经济“30条”, “3个100万”, “117项目”) is part of a name or
   * a slogan, not an amount: the quotation marks and the longest such quotation.
   */
  quotedNames: { open: string; close: string; maxLength: number };
  /** Endings that make a verb before them part of a noun (化解率 is a rate, not 化解). */
  verbNounEnds: string[];
  /** Words after a year opening an indicator's words that make it a time frame (以来, 底). */
  yearLeadEnds: string[];
  /** Units of age: with 以上 or 以下 before a noun (65岁以上老年人) a class of people, no figure. */
  ageClassUnits: string[];
  /**
   * Indicators joined before one predicate, a figure each: the joiners, the words for "each"
   * (均) between them and the value, what makes such a word part of another (人均), and the
   * words that relate the indicators instead (同步).
   */
  sharedPredicate: {
    joiners: string[];
    eachWords: string[];
    eachNotAfter: string[];
    /** Modals read past with a word for "each" (要分别下降). */
    modals: string[];
    /** Words relating the joined indicators to one another (同步): no shared predicate. */
    relationWords: string[];
  };
  /** Enumeration markers opening a clause (一是, 二是). */
  enumerators: string[];
  /** Heads naming the whole of the indicator just before (总量, 总投资, 占比). */
  wholeHeads: string[];
  /** Nouns a classifier's count of which is no figure: the parts a report is written in (方面). */
  uncountedNouns: string[];
  /** Words that end the counted noun phrase: the predicate after it (实现, 入选). */
  countedStopWords: string[];
  /** Words dropped from the end of the counted noun phrase (的, 等); qualifiers (近) too. */
  countedTrimEnd: string[];
  /** Base units of measures whose noun may follow them after a lead verb (建设25万亩高标准农田). */
  countedMeasures: string[];
  /** Words after a unit that make the amount a class of size (30万千瓦级): no figure. */
  classAfterUnit: string[];
  /** Longer than this, the words after a count are a clause, not the name of what it counts. */
  countedMaxLength: number;
}

export interface StructureRules {
  framingCues: string[];
  reviewHeadingWords: string[];
  planHeadingWords: string[];
  reviewParagraphOpeners: string[];
  /** Words that place a paragraph in the past (过去, 一年来) or ahead (今年, 未来). */
  reviewTimeCues: string[];
  planTimeCues: string[];
  salutations: string[];
  closingMarkers: string[];
  trailerMarkers: string[];
  sentenceEnds: string;
  closingPunctuation: string;
  /** Openings that date a review paragraph's results: the past year, or five years. */
  resultFrames: { oneYear: string[]; fiveYears: string[] };
  /** Verbs of a level reached (达到, 突破): in a five-year review, the state at its end. */
  levelReachedWords: string[];
  /** Words that make a level a period's total (新增, 累计完成): it spans the period. */
  periodTotalWords: string[];
  /** Words before a base a figure is compared with: 从, 由 (从1832户) and 较, 比 (较“十三五”末的…). */
  baseFromWords: string[];
  /** Words in which 从 or 由 is no base word (从业, 由于). */
  notBaseWords: string[];
  baseVersusWords: string[];
  /** Words that put a plan sentence's targets in the coming five years (今后五年). */
  multiYearPlanCues: string[];
  /** Words for the years ahead and how many they are, the report's own first (今明两年: 2). */
  yearsAheadCues: Record<string, number>;
  /** Words after a plan period's name that make a heading a part about it (主要目标任务). */
  planTitleWords: string[];
}

/** Parsed lexicon files by file name (`places.json`), as `loadLexicon` reads them. */
export type LexiconFiles = Record<string, unknown>;

export interface Lexicon {
  /** The folder it was read from, if it was read from one. */
  readonly dir: string | null;
  /** Changes whenever the data changes, so stored reports are re-extracted. */
  readonly hash: string;
  readonly places: readonly PlaceEntry[];
  /** Words in which no place is read (辽沈银行 is a bank). */
  readonly placeExclusions: readonly string[];
  readonly themes: readonly ThemeEntry[];
  readonly themeStoplist: ReadonlySet<string>;
  readonly planPeriods: readonly PlanPeriod[];
  /** Every written form of a plan period (“十四五”时期, 十四五规划, …). */
  readonly planPeriodNames: ReadonlySet<string>;
  readonly knownProjects: readonly ProjectEntry[];
  readonly projectForms: ProjectForms;
  /** Zones, new areas and pilot areas by their form (…自贸试验区, …示范区, …新区). */
  readonly zoneForms: ProjectForms;
  /** Bodies by their form (海南大学, 白银集团): organizations.json#organizationForms over the zones'. */
  readonly organizationForms: ProjectForms;
  /** Programmes by their form (提振消费专项行动, 城乡居民增收计划): themes.json#programmeForms. */
  readonly programmeForms: ProjectForms;
  /** Names built from the initials of a province's cities (places.json#initials): 平庆铁路. */
  readonly initials: InitialsRules;
  /** Words joining two provinces' abbreviations in a transfer's name (places.json#provinceRoutes): 陇电入鲁. */
  readonly provinceRouteJoiners: readonly string[];
  /** Runs of provinces' abbreviations listing them (places.json#provinceLists): 沪苏浙皖, 湘鄂渝黔. */
  readonly provinceLists: { readonly minRun: number; readonly notLast: readonly string[] };
  /**
   * Characters never read as one place on their own (places.json#ambiguousAbbreviations), with
   * the names of the places each could stand for: 白 → 白河镇, 白城, 白山.
   */
  readonly ambiguousAbbreviations: ReadonlyMap<string, readonly string[]>;
  readonly industries: readonly IndustryEntry[];
  readonly organizations: readonly OrganizationEntry[];
  readonly metrics: readonly MetricEntry[];
  readonly figures: FigureRules;
  readonly structure: StructureRules;
  /**
   * The place a name denotes (Chinese, alias, English or pinyin), if the gazetteer has it;
   * of several (Jilin, the province and its city) the highest in level.
   */
  lookupPlace(name: string): PlaceEntry | undefined;
  /** Every place a name denotes, the highest in level first. */
  lookupPlaces(name: string): readonly PlaceEntry[];
}

/**
 * Forms of their own over the projects' verbs and generic words. A zone's or a body's
 * breakers are the projects' unless it has its own: 发展 opens a project's name (发展…产业园)
 * but sits inside a zone's.
 */
function formsOver(
  projects: ProjectForms,
  own: ZoneForms | undefined,
  bracketed: boolean,
): ProjectForms {
  return {
    ...projects,
    suffixes: own?.suffixes ?? [],
    routeSuffixes: [],
    genericNames: own?.genericNames ?? [],
    innerBreakers: own?.innerBreakers ?? projects.innerBreakers,
    genericWords: [...projects.genericWords, ...(own?.genericWords ?? [])],
    genericStarts: [...projects.genericStarts, ...(own?.genericStarts ?? [])],
    leadingWords: [...projects.leadingWords, ...(own?.leadingWords ?? [])],
    notNames: own?.notNames ?? [],
    maxNameLength: own?.maxNameLength ?? projects.maxNameLength,
    notFollowedBy: own?.notFollowedBy ?? [],
    bracketed,
  };
}

const zoneForms = (projects: ProjectForms, zones: ZoneForms | undefined): ProjectForms =>
  formsOver(projects, zones, true);

/**
 * How bodies are written: their own form words and kinds, read past the zones' verbs and
 * breakers, and the zones' category words beside their own. None without the section.
 */
function organizationForms(
  projects: ProjectForms,
  zones: ZoneForms | undefined,
  file: OrganizationsFile,
): ProjectForms {
  const own = file.organizationForms;
  if (!own) return zoneForms(projects, undefined);
  return zoneForms(projects, {
    ...zones,
    ...own,
    genericWords: [...(zones?.genericWords ?? []), ...own.genericWords],
    innerBreakers: [...(zones?.innerBreakers ?? projects.innerBreakers), ...own.innerBreakers],
  });
}

/** The files a lexicon is made of; each must be in the folder. */
export const LEXICON_FILES = [
  'divisions.json',
  'figures.json',
  'industries.json',
  'metrics.json',
  'organizations.json',
  'places.json',
  'projects.json',
  'structure.json',
  'themes.json',
] as const;

/**
 * The project's `graph/`: beside the package.json above this module (src/extract under
 * ts-jest, dist/src/extract when built; an old build's dist/graph is not it).
 */
export function defaultDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'graph');
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${__dirname}`);
  }
}

/** Reads the lexicon files of `dir` (default: the project's `graph/`). */
export function loadLexicon(dir: string = defaultDir()): Lexicon {
  const present = new Set(readdirSync(dir));
  const files: LexiconFiles = {};
  for (const name of LEXICON_FILES) {
    if (!present.has(name)) throw new Error(`lexicon ${dir}: ${name} is missing`);
    const file = path.join(dir, name);
    try {
      files[name] = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (e) {
      throw new Error(`lexicon ${file}: ${(e as Error).message}`);
    }
  }
  return lexiconFromFiles(files, dir);
}

let standard: Lexicon | null = null;

/** The project's own lexicon (`graph/`), read once on first use. */
export function defaultLexicon(): Lexicon {
  return (standard ??= loadLexicon());
}

/**
 * The metrics, refused with the entry and what is wrong when a key is given twice or a
 * ratio names a metric there is not: a ratio that names none would never be read.
 */
function checkedMetrics(metrics: MetricEntry[]): MetricEntry[] {
  const keys = new Set<string>();
  for (const m of metrics) {
    if (keys.has(m.key)) throw new Error(`lexicon metrics.json: the key "${m.key}" is given twice`);
    keys.add(m.key);
  }
  for (const m of metrics) {
    for (const end of ['part', 'whole'] as const) {
      const key = m.ratioOf?.[end];
      if (m.ratioOf && !keys.has(key ?? ''))
        throw new Error(
          `lexicon metrics.json: ${m.key}'s ratioOf.${end} names no metric ("${key}")`,
        );
    }
    if (m.breakdowns && !m.breakdowns.every((w) => typeof w === 'string' && w.length > 0))
      throw new Error(`lexicon metrics.json: ${m.key}'s breakdowns must be words`);
  }
  return metrics;
}

/** A lexicon from parsed files (`loadLexicon` reads them; the hold-out ablates them). */
export function lexiconFromFiles(files: LexiconFiles, dir: string | null = null): Lexicon {
  const file = <T>(name: (typeof LEXICON_FILES)[number]): T => {
    const data = files[name];
    if (!data || typeof data !== 'object') throw new Error(`lexicon: ${name} is missing`);
    return data as T;
  };
  const placesFile = file<{
    places: PlaceEntry[];
    divisions?: DivisionNote[];
    exclusions?: { text: string }[];
    zoneForms?: ZoneForms;
    initials?: InitialsRules;
    provinceRoutes?: { joiners: string[] };
    provinceLists?: { minRun: number; notLast: string[] };
    ambiguousAbbreviations?: { abbr: string; couldBe?: string[]; orOutside?: string[] }[];
  }>('places.json');
  const { divisions } = file<{ divisions: DivisionRecord[] }>('divisions.json');
  const themesFile = file<{
    themes: ThemeEntry[];
    stoplist: { term: string }[];
    planPeriods: PlanPeriod[];
    programmeForms?: ZoneForms;
  }>('themes.json');
  const projectsFile = file<ProjectForms & { known: ProjectEntry[] }>('projects.json');
  const { known, ...projectForms } = projectsFile;
  const planPeriods = themesFile.planPeriods;
  const places = gazetteer(divisions, placesFile.divisions ?? [], placesFile.places);
  const organizationsFile = file<OrganizationsFile>('organizations.json');

  const placesByKey = new Map<string, PlaceEntry[]>();
  for (const p of places)
    for (const k of placeNode(p).keys) placesByKey.set(k, [...(placesByKey.get(k) ?? []), p]);
  // A name several places share (Jilin: the province and its city) denotes the highest first.
  for (const list of placesByKey.values()) list.sort((a, b) => rank(a) - rank(b));

  return {
    dir,
    hash: createHash('sha256')
      .update(JSON.stringify(LEXICON_FILES.map((name) => files[name])))
      .digest('hex')
      .slice(0, 12),
    places,
    placeExclusions: placesFile.exclusions?.map((e) => e.text) ?? [],
    themes: themesFile.themes,
    themeStoplist: new Set(themesFile.stoplist.map((s) => s.term)),
    planPeriods,
    planPeriodNames: new Set(planPeriods.flatMap((p) => [p.name, ...p.aliases])),
    knownProjects: known,
    projectForms,
    zoneForms: zoneForms(projectForms, placesFile.zoneForms),
    organizationForms: organizationForms(projectForms, placesFile.zoneForms, organizationsFile),
    // Programmes (提振消费专项行动) by their own breakers: a project's 发展 and 建设 sit inside
    // their names (产业链高质量发展行动).
    programmeForms: formsOver(projectForms, themesFile.programmeForms, false),
    // Without the section the rule reads nothing: no run is that long, no form follows.
    initials: placesFile.initials ?? { minRun: Infinity, forms: [] },
    provinceRouteJoiners: placesFile.provinceRoutes?.joiners ?? [],
    provinceLists: placesFile.provinceLists ?? { minRun: 0, notLast: [] },
    ambiguousAbbreviations: new Map(
      (placesFile.ambiguousAbbreviations ?? []).map((a) => [
        a.abbr,
        // orOutside reads "大庆 (大广高速)": the place, then where it is seen.
        [...(a.couldBe ?? []), ...(a.orOutside ?? []).map((o) => o.split(/[\s（(]/)[0]!)],
      ]),
    ),
    industries: file<{ industries: IndustryEntry[] }>('industries.json').industries,
    organizations: organizationsOf(organizationsFile, divisions),
    metrics: checkedMetrics(file<{ metrics: MetricEntry[] }>('metrics.json').metrics),
    figures: file<FigureRules>('figures.json'),
    structure: file<StructureRules>('structure.json'),
    lookupPlace: (name) => placesByKey.get(nameKey(name))?.[0],
    lookupPlaces: (name) => placesByKey.get(nameKey(name)) ?? [],
  };
}

/** organizations.json: the curated bodies, and the templates of every division's own. */
interface OrganizationsFile {
  organizations: OrganizationEntry[];
  organizationForms?: Pick<
    ProjectForms,
    'suffixes' | 'genericNames' | 'genericWords' | 'innerBreakers'
  >;
  provincialBodies?: {
    notFor: string[];
    /** By division type (province, municipality, autonomous region): {full} and {en} filled in. */
    types: Record<string, Omit<OrganizationEntry, 'place' | 'source'>[]>;
  };
}

/**
 * The curated organisations, then the leading bodies of each province-level division made
 * from the templates (中共{full}委 → 中共山西省委, with 省委 in Shanxi's own reports); a
 * curated body of the same name is kept instead.
 */
function organizationsOf(
  file: OrganizationsFile,
  divisions: readonly DivisionRecord[],
): OrganizationEntry[] {
  const bodies = file.provincialBodies;
  if (!bodies) return file.organizations;
  const curated = new Set(file.organizations.map((o) => o.name));
  const made: OrganizationEntry[] = [];
  for (const d of divisions) {
    const templates = d.level === 'province' ? bodies.types[d.type] : undefined;
    if (!templates || bodies.notFor.includes(d.name)) continue;
    const fill = (s: string) => s.replaceAll('{full}', d.fullName).replaceAll('{en}', d.nameEn);
    for (const body of templates) {
      const name = fill(body.name);
      if (curated.has(name)) continue;
      made.push({
        ...body,
        name,
        nameEn: fill(body.nameEn),
        aliases: body.aliases.map(fill),
        place: d.name,
        madeFrom: 'provincialBodies',
        source: `organizations.json#provincialBodies (${d.type}), for ${d.fullName} (divisions.json, GB/T 2260 ${d.code})`,
      });
    }
  }
  return [...file.organizations, ...made];
}

/** A division as graph/divisions.json gives it (made from the dataset by scripts/gazetteer.js). */
interface DivisionRecord {
  code: string;
  name: string;
  fullName: string;
  nameEn: string;
  level: string;
  type: string;
  parent: string;
  aliases: string[];
  localAliases: string[];
  pinyin: string[];
  otherNames: string[];
  localName?: boolean;
  excludeContexts?: string[];
}

/** What places.json adds to a division: forms, excluded contexts and abbreviations. */
interface DivisionNote {
  code: string;
  /** The division's name, to be read by people; checked against the dataset's. */
  name: string;
  aliases?: string[];
  otherNames?: string[];
  excludeContexts?: string[];
  abbreviations?: PlaceEntry['abbreviations'];
  source: string;
}

const LEVEL_RANK = ['country', 'province', 'prefecture', 'county'];
const rank = (p: PlaceEntry): number => {
  const r = LEVEL_RANK.indexOf(p.level);
  return r < 0 ? LEVEL_RANK.length : r;
};

/**
 * The places: the administrative divisions of the dataset with the curated notes on them,
 * and the curated places beside them (the country, zones, regions, foreign places). A
 * note on a division the dataset does not have, or under another name, and a parent that
 * is no place, are errors: a dataset update must not silently drop what was curated.
 */
function gazetteer(
  divisions: readonly DivisionRecord[],
  notes: readonly DivisionNote[],
  curated: readonly PlaceEntry[],
): PlaceEntry[] {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const noteOf = new Map<string, DivisionNote>();
  for (const n of notes) {
    const d = byCode.get(n.code);
    if (!d) throw new Error(`places.json: division ${n.code} (${n.name}) is not in divisions.json`);
    if (d.name !== n.name)
      throw new Error(
        `places.json: division ${n.code} is ${d.name} in divisions.json, not ${n.name}`,
      );
    noteOf.set(n.code, n);
  }
  const places: PlaceEntry[] = divisions.map((d) => {
    const n = noteOf.get(d.code);
    return {
      name: d.name,
      nameEn: d.nameEn,
      level: d.level,
      parent: d.parent,
      aliases: [...d.aliases, ...(n?.aliases ?? [])],
      localAliases: d.localAliases,
      localName: d.localName,
      pinyin: d.pinyin,
      otherNames: [...d.otherNames, ...(n?.otherNames ?? [])],
      excludeContexts: [...(d.excludeContexts ?? []), ...(n?.excludeContexts ?? [])],
      abbreviations: n?.abbreviations,
      code: d.code,
      fullName: d.fullName,
      type: d.type,
      source: `divisions.json (GB/T 2260 ${d.code})${n ? `; places.json: ${n.source}` : ''}`,
    };
  });
  for (const p of curated) places.push(p);
  const names = new Set<string>();
  for (const p of places) {
    if (names.has(p.name)) throw new Error(`places: two places are named ${p.name}`);
    names.add(p.name);
  }
  for (const p of places) {
    for (const ref of [p.parent, ...(p.namedAfter ?? [])])
      if (ref !== null && !names.has(ref))
        throw new Error(`places.json: ${p.name} refers to ${ref}, which is no place`);
  }
  return places;
}

const compiledForms = new WeakMap<Lexicon, Map<string, unknown>>();

/**
 * What a stage builds from a lexicon (a trie, sorted word lists), built once per lexicon
 * and per `key` and kept as long as the lexicon is.
 */
export function compiled<T>(lexicon: Lexicon, key: string, build: (lexicon: Lexicon) => T): T {
  let forms = compiledForms.get(lexicon);
  if (!forms) compiledForms.set(lexicon, (forms = new Map()));
  let form = forms.get(key) as T | undefined;
  if (form === undefined) forms.set(key, (form = build(lexicon)));
  return form;
}

/**
 * How user-typed names are compared: case, accents, spaces and hyphens do not matter, nor
 * which dash: the lexicon writes "South–North" with an en dash, a user types a hyphen.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-\u2010-\u2015\u2212_'’.·]/g, '');
}

export const placeId = (name: string): string => `place:${name}`;
export const themeId = (name: string): string => `theme:${name}`;
export const industryId = (name: string): string => `industry:${name}`;
export const organizationId = (name: string): string => `organization:${name}`;
export const projectId = (name: string): string => `project:${name}`;
export const metricId = (key: string): string => `metric:${key}`;

/** An entity node for a curated lexicon entry. */
export function lexiconNode(
  kind: EntityNode['kind'],
  id: string,
  entry: {
    name: string;
    nameEn: string;
    aliases: string[];
    pinyin?: string[];
    otherNames?: string[];
  },
  lexicon: string,
  level: string | null = null,
): EntityNode {
  const names = [
    entry.name,
    entry.nameEn,
    ...entry.aliases,
    ...(entry.pinyin ?? []),
    ...(entry.otherNames ?? []),
  ];
  return {
    kind,
    id,
    name: entry.name,
    nameEn: entry.nameEn,
    aliases: entry.aliases,
    keys: [...new Set(names.map(nameKey))].sort(),
    level,
    lexicon,
    curated: true,
    key: null,
    headlineMeasure: null,
  };
}

export function placeNode(p: PlaceEntry): EntityNode {
  const source = p.code ? `divisions.json#${p.code}` : `places.json#${p.name}`;
  const node = lexiconNode('Place', placeId(p.name), p, source, p.level);
  // A county's short form is a name a researcher may type too (康平 for 康平县).
  const local = (p.localAliases ?? []).map(nameKey);
  if (local.length > 0) node.keys = [...new Set([...node.keys, ...local])].sort();
  return { ...node, code: p.code ?? null };
}

interface Abbreviation {
  /** The names it is trusted in (沪连 for 连), each with where it stands in them, in rule order. */
  inNames: { place: PlaceEntry; word: string; at: number }[];
  /** The one place that trusts it everywhere (沈), or null if none or several do. */
  plain: PlaceEntry | null;
}

interface Abbreviations {
  byChar: Map<number, Abbreviation>;
  // A report is scanned character by character for abbreviations, so the common case (no
  // abbreviation) ends at one array load, and a hit costs one map probe. Only one-unit
  // abbreviations can be read so.
  isAbbreviation: Uint8Array;
}

function buildAbbreviations(lexicon: Lexicon): Abbreviations {
  const byChar = new Map<number, Abbreviation>();
  const isAbbreviation = new Uint8Array(0x10000);
  const plain = new Map<number, PlaceEntry[]>();
  for (const place of lexicon.places) {
    for (const a of place.abbreviations ?? []) {
      if (a.abbr.length !== 1) continue;
      const key = a.abbr.charCodeAt(0);
      const entry = byChar.get(key) ?? { inNames: [], plain: null };
      byChar.set(key, entry);
      if (!a.onlyIn) {
        plain.set(key, [...(plain.get(key) ?? []), place]);
        continue;
      }
      for (const word of a.seenIn)
        for (let at = word.indexOf(a.abbr); at >= 0; at = word.indexOf(a.abbr, at + 1))
          entry.inNames.push({ place, word, at });
    }
  }
  for (const [abbr, list] of plain) if (list.length === 1) byChar.get(abbr)!.plain = list[0]!;
  for (const c of byChar.keys()) isAbbreviation[c] = 1;
  return { byChar, isAbbreviation };
}

/**
 * The place a character abbreviates at `text[i]`: through a name it is trusted in (沪连
 * for 连 = Dalian), or, for an abbreviation trusted everywhere (沈), plainly; an
 * abbreviation two places share plainly is never read.
 */
export function abbreviationAt(
  lexicon: Lexicon,
  text: string,
  i: number,
): { place: PlaceEntry; via: 'name' | 'plain' } | null {
  const { byChar, isAbbreviation } = compiled(lexicon, 'abbreviations', buildAbbreviations);
  const c = text.charCodeAt(i);
  if (!isAbbreviation[c]) return null;
  const a = byChar.get(c)!;
  for (const { place, word, at } of a.inNames)
    if (text.startsWith(word, i - at)) return { place, via: 'name' };
  return a.plain ? { place: a.plain, via: 'plain' } : null;
}
