/**
 * Linking commitments to what they name: places (INVOLVES), industries (CONCERNS), themes
 * (SERVES), projects and organisations (MENTIONS), and projects to their places
 * (LOCATED_IN). Every edge says which rule made it and which words it rests on.
 *
 * Rules: explicit (the entry's name), alias (another written form), abbreviation (a
 * trusted one-character abbreviation in a route name or a pairing: 沈白高铁, 京沈), quoted
 * (a quoted slogan not in the lexicon), component (a member of a bundle such as 五大安全
 * is named), paragraph (a framing sentence names the theme for the sentences after it).
 */
import {
  edgeId,
  type CommitmentNode,
  type EdgeType,
  type EntityNode,
  type GraphEdge,
  type Span,
} from '../model';
import {
  abbreviationAt,
  compiled,
  industryId,
  nameKey,
  organizationId,
  placeId,
  projectId,
  themeId,
  type IndustryEntry,
  type Lexicon,
  type OrganizationEntry,
  type PlaceEntry,
  type ProjectEntry,
  type ThemeEntry,
} from './lexicon';
import { findOrganizations, findProgrammes, findProjects, findZones } from './projects';
import { PlaceMatcher, TermMatcher, type Mention, type Surface } from './recognise';
import { append } from './stage';

/** The lexicon's matchers and indexes, built once per lexicon. */
interface Recognisers {
  places: PlaceMatcher;
  themes: TermMatcher<ThemeEntry>;
  industries: TermMatcher<IndustryEntry>;
  projects: TermMatcher<ProjectEntry>;
  /** A project found by its form that the lexicon knows under that name is the lexicon's project. */
  knownProjectByName: Map<string, ProjectEntry>;
  /** Organisations, with the relative forms (省政府) of a jurisdiction's own bodies, by jurisdiction. */
  organizations: Map<string, TermMatcher<OrganizationEntry>>;
  /** The bundles each theme is a component of. */
  bundlesOf: Map<string, ThemeEntry[]>;
  /** For each character, the place exclusions holding it and where: 辽 → (辽沈银行, 0), … */
  exclusionsByChar: Map<string, { word: string; at: number }[]>;
  /** A place and the places it is PART_OF, up to the top: 康平县, 沈阳, 辽宁, 中国. */
  ancestors(name: string): string[];
  /** The province a place lies in (itself for a province), or null (the country, abroad). */
  provinceOf(name: string): string | null;
}

function buildRecognisers(lexicon: Lexicon): Recognisers {
  const knownProjectByName = new Map<string, ProjectEntry>();
  for (const p of lexicon.knownProjects)
    for (const n of [p.name, ...p.aliases]) knownProjectByName.set(n, p);
  const bundlesOf = new Map<string, ThemeEntry[]>();
  for (const t of lexicon.themes)
    for (const c of t.components ?? []) bundlesOf.set(c, [...(bundlesOf.get(c) ?? []), t]);
  const exclusionsByChar = new Map<string, { word: string; at: number }[]>();
  for (const word of lexicon.placeExclusions) {
    for (let at = 0; at < word.length; at++) {
      const list = exclusionsByChar.get(word[at]!) ?? [];
      list.push({ word, at });
      exclusionsByChar.set(word[at]!, list);
    }
  }
  const parentOf = new Map(lexicon.places.map((p) => [p.name, p.parent]));
  const levelOf = new Map(lexicon.places.map((p) => [p.name, p.level]));
  const chains = new Map<string, string[]>();
  const ancestors = (name: string): string[] => {
    let chain = chains.get(name);
    if (!chain) {
      chain = [name];
      for (let p = parentOf.get(name); p && !chain.includes(p); p = parentOf.get(p)) chain.push(p);
      chains.set(name, chain);
    }
    return chain;
  };
  return {
    ancestors,
    provinceOf: (name) => ancestors(name).find((a) => levelOf.get(a) === 'province') ?? null,
    places: new PlaceMatcher(lexicon.places, lexicon.placeExclusions),
    themes: new TermMatcher<ThemeEntry>(lexicon.themes),
    industries: new TermMatcher<IndustryEntry>(lexicon.industries),
    projects: new TermMatcher<ProjectEntry>(lexicon.knownProjects),
    knownProjectByName,
    organizations: new Map(),
    bundlesOf,
    exclusionsByChar,
  };
}

/** Organisations, with the relative forms (省政府) a report uses for its own jurisdiction's bodies. */
function organizationMatcher(
  lexicon: Lexicon,
  r: Recognisers,
  jurisdiction: string,
): TermMatcher<OrganizationEntry> {
  let m = r.organizations.get(jurisdiction);
  if (!m) {
    m = new TermMatcher(
      lexicon.organizations.map((o) =>
        o.place === jurisdiction && o.jurisdictionAliases
          ? { ...o, aliases: [...o.aliases, ...o.jurisdictionAliases] }
          : o,
      ),
    );
    r.organizations.set(jurisdiction, m);
  }
  return m;
}

export interface Links {
  entities: EntityNode[];
  edges: GraphEdge[];
}

interface Context {
  lexicon: Lexicon;
  r: Recognisers;
  /** The report's jurisdiction (a place's name), which ambiguous names are resolved by. */
  jurisdiction: string;
  /** Whether a written form may be read in this report (local forms: in their own province). */
  admit: (s: Surface<PlaceEntry>) => boolean;
  text: string;
  reportId: string;
  /** The report's year, when known: a bundle is served through its members only from its fromYear. */
  year: number | null;
  entities: Map<string, EntityNode>;
  edges: Map<string, GraphEdge>;
  /** Each commitment's theme mentions, found once and read again for paragraph framing. */
  themes: Map<string, Mention<ThemeEntry>[]>;
  /** The known projects a commitment names (linkPlaces), read again by the quoted themes. */
  knownProjects: Mention<ProjectEntry>[];
  /** The first characters of the province's cities, and the short runs of them the report trusts. */
  initials: Initials;
}

function addEdge(
  ctx: Context,
  type: EdgeType,
  source: string,
  target: string,
  rule: string,
  evidence: Span | null,
): void {
  const id = edgeId(type, source, target);
  // One edge per pair: the first mention (in text order) is its evidence.
  if (!ctx.edges.has(id)) {
    ctx.edges.set(id, {
      id,
      type,
      source,
      target,
      rule,
      evidence,
      lexicon: null,
      reportId: ctx.reportId,
    });
  }
}

/** Whether `inner` lies within `outer`. */
const within = (inner: Span, outer: Span): boolean =>
  outer.start <= inner.start && inner.end <= outer.end;

/**
 * Whether a known name ends the name read at `span`: then it is that known thing with words
 * before it that the form did not strip (服务雅下水电工程; 国家城市更新行动), not another one.
 */
const endsInKnown = (span: Span, known: readonly { span: Span }[]): boolean =>
  known.some((m) => m.span.end === span.end && within(m.span, span));

function textEntity(
  ctx: Context,
  kind: 'Theme' | 'Project' | 'Place' | 'Organization',
  id: string,
  name: string,
  level: string | null = null,
): string {
  if (!ctx.entities.has(id)) {
    ctx.entities.set(id, {
      kind,
      id,
      name,
      nameEn: null,
      aliases: [],
      keys: [nameKey(name)],
      level,
      lexicon: null,
      curated: false,
      key: null,
      headlineMeasure: null,
      // A place read by its form is no division: its code is null, as a curated zone's is
      // (the stores must give the same node; Neo4j has no absent property, only null).
      ...(kind === 'Place' ? { code: null } : {}),
    });
  }
  return id;
}

export function linkCommitments(
  lexicon: Lexicon,
  text: string,
  reportId: string,
  jurisdiction: string,
  commitments: readonly CommitmentNode[],
  year: number | null = null,
): Links {
  const r = compiled(lexicon, 'recognisers', buildRecognisers);
  const province = r.provinceOf(jurisdiction);
  const ctx: Context = {
    lexicon,
    r,
    jurisdiction,
    admit: (s) => !s.local || (province !== null && r.provinceOf(s.entry.name) === province),
    text,
    reportId,
    year,
    entities: new Map(),
    edges: new Map(),
    themes: new Map(),
    knownProjects: [],
    initials: { ...initialsOf(lexicon, r, province), runs: [], trusted: new Set() },
  };
  Object.assign(ctx.initials, initialRuns(ctx));
  const organizationsHere = organizationMatcher(lexicon, r, jurisdiction);
  for (const c of commitments) {
    linkPlaces(ctx, c);
    linkThemes(ctx, c);
    for (const m of r.industries.find(text, c.span))
      addEdge(ctx, 'CONCERNS', c.id, industryId(m.entry.name), m.rule, m.span);
    const known = organizationsHere.find(text, c.span);
    for (const m of known) {
      addEdge(ctx, 'MENTIONS', c.id, organizationId(m.entry.name), m.rule, m.span);
    }
    linkBodiesByForm(ctx, c, known);
  }
  linkParagraphFraming(ctx, commitments);
  return { entities: [...ctx.entities.values()], edges: [...ctx.edges.values()] };
}

function linkPlaces(ctx: Context, c: CommitmentNode): void {
  const { text, lexicon, r } = ctx;
  const explicit = placesIn(ctx, c.span);
  for (const m of explicit) {
    addEdge(ctx, 'INVOLVES', c.id, placeId(m.entry.name), m.rule, m.span);
    // 沈抚改革创新示范区 is named after Shenyang and Fushun: it involves both.
    for (const p of m.entry.namedAfter ?? [])
      addEdge(ctx, 'INVOLVES', c.id, placeId(p), 'named-after', m.span);
  }
  // Zones the lexicon does not know, by their form (太平湾合作创新区): a place of their own.
  for (const z of findZones(lexicon, text, c.span)) {
    const covers = (m: { span: Span }) => within(z.span, m.span);
    if (explicit.some(covers)) continue;
    if (r.themes.find(text, z.span).some(covers)) continue; // 辽东绿色经济区
    if (r.projects.find(text, z.span).some(covers)) continue;
    if (!namedAfterDomesticPlace(ctx, z.span)) continue;
    const zone = textEntity(ctx, 'Place', placeId(z.name), z.name, 'zone');
    addEdge(ctx, 'INVOLVES', c.id, zone, 'form', z.span);
  }

  // Projects, and the places their names carry: by their form, and by the lexicon.
  const known = r.projects.find(text, c.span);
  ctx.knownProjects = known;
  const byForm = findProjects(lexicon, text, c.span).filter(
    (p) => r.knownProjectByName.has(p.name) || !endsInKnown(p.span, known),
  );
  for (const m of known) {
    if (byForm.some((p) => within(m.span, p.span) && !r.knownProjectByName.has(p.name))) {
      continue; // part of a longer project's name (沈阳机场 in 沈阳机场第二跑道)
    }
    addEdge(ctx, 'MENTIONS', c.id, projectId(m.entry.name), m.rule, m.span);
  }
  for (const p of byForm) {
    const known = r.knownProjectByName.get(p.name);
    const pid = known
      ? projectId(known.name)
      : textEntity(ctx, 'Project', projectId(p.name), p.name);
    addEdge(ctx, 'MENTIONS', c.id, pid, 'form', p.span);
    const named = placesIn(ctx, p.span);
    for (const m of named) addEdge(ctx, 'LOCATED_IN', pid, placeId(m.entry.name), m.rule, m.span);
    const inName = named.map((m) => m.span);
    for (const a of [
      ...routeAbbreviations(lexicon, text, p.span),
      ...pairings(ctx, p.span, inName),
    ]) {
      addEdge(ctx, 'LOCATED_IN', pid, placeId(a.place.name), 'abbreviation', a.span);
      addEdge(ctx, 'INVOLVES', c.id, placeId(a.place.name), 'abbreviation', a.span);
    }
    for (const a of initialsIn(ctx, p.span))
      addEdge(ctx, 'LOCATED_IN', pid, placeId(a.place.name), 'initials', a.span);
  }
  for (const a of initialsIn(ctx, c.span))
    addEdge(ctx, 'INVOLVES', c.id, placeId(a.place.name), 'initials', a.span);
  for (const a of pairings(
    ctx,
    c.span,
    explicit.map((m) => m.span),
  )) {
    addEdge(ctx, 'INVOLVES', c.id, placeId(a.place.name), 'abbreviation', a.span);
  }
  for (const found of [provinceRoutes(ctx, c.span), provinceLists(ctx, c.span)])
    for (const a of found)
      addEdge(ctx, 'INVOLVES', c.id, placeId(a.place.name), 'abbreviation', a.span);
}

/**
 * Each province by its one-character abbreviation, where that character is one province's;
 * keyed by code unit, since reading text[i] at every character made a string of each.
 */
function provincesByAbbreviation(lexicon: Lexicon): Map<number, PlaceEntry> {
  const of = new Map<number, PlaceEntry | null>();
  for (const p of lexicon.places)
    if (p.level === 'province')
      for (const a of p.abbreviations ?? []) {
        const c = a.abbr.charCodeAt(0);
        if (a.abbr.length === 1) of.set(c, of.has(c) && of.get(c) !== p ? null : p);
      }
  const out = new Map<number, PlaceEntry>();
  for (const [c, p] of of) if (p) out.set(c, p);
  return out;
}

/** 陇电入鲁, 疆电入渝: a province's abbreviation on each side of a joining word (places.json#provinceRoutes). */
function provinceRoutes(ctx: Context, span: Span): AbbreviationMention[] {
  const { text, lexicon } = ctx;
  const out: AbbreviationMention[] = [];
  if (lexicon.provinceRouteJoiners.length === 0) return out;
  const provinces = compiled(lexicon, 'provincesByAbbreviation', provincesByAbbreviation);
  // Sought in the span's own words: indexOf over the text ran on to the joiner's next use,
  // however far past the span, once per commitment.
  const words = text.slice(span.start, span.end);
  for (const joiner of lexicon.provinceRouteJoiners) {
    for (
      let k = words.indexOf(joiner) + span.start;
      k >= span.start;
      k = words.indexOf(joiner, k + 1 - span.start) + span.start
    ) {
      const from = provinces.get(text.charCodeAt(k - 1));
      const to = provinces.get(text.charCodeAt(k + joiner.length));
      if (k - 1 < span.start || k + joiner.length >= span.end || !from || !to || from === to)
        continue;
      out.push({ place: from, span: { start: k - 1, end: k } });
      out.push({ place: to, span: { start: k + joiner.length, end: k + joiner.length + 1 } });
    }
  }
  return out;
}

/**
 * 沪苏浙皖, 湘鄂渝黔, 港澳台: a run of at least minRun provinces' abbreviations naming at least
 * minRun - 1 provinces (闽港闽澳 names three) lists them, and each character is its province
 * there (苏 is Jiangsu here, whatever it is elsewhere). A last character in notLast is read
 * with the word after it instead (港澳青年: youth; 甘川新通道: a new corridor), and the run
 * is counted without it.
 */
function provinceLists(ctx: Context, span: Span): AbbreviationMention[] {
  const { text, lexicon } = ctx;
  const { minRun, notLast } = lexicon.provinceLists;
  const out: AbbreviationMention[] = [];
  if (minRun < 2) return out;
  const provinces = compiled(lexicon, 'provincesByAbbreviation', provincesByAbbreviation);
  let run: AbbreviationMention[] = [];
  for (let i = span.start; i <= span.end; i++) {
    const place = i < span.end ? provinces.get(text.charCodeAt(i)) : undefined;
    if (place) {
      run.push({ place, span: { start: i, end: i + 1 } });
      continue;
    }
    if (run.length === 0) continue; // most characters: no run to close, nothing to allocate
    if (notLast.includes(text[run.at(-1)!.span.start]!)) run.pop();
    if (run.length >= minRun && new Set(run.map((a) => a.place)).size >= minRun - 1)
      out.push(...run);
    run = [];
  }
  return out;
}

/**
 * Bodies the lexicon does not know, by their form (海南大学, 白银集团): an organisation of
 * their own, when their name opens with a place of the country (as a zone's must) and no
 * known body, place or project's name holds it.
 */
function linkBodiesByForm(
  ctx: Context,
  c: CommitmentNode,
  known: readonly Mention<OrganizationEntry>[],
): void {
  const { text, lexicon, r } = ctx;
  for (const b of findOrganizations(lexicon, text, c.span)) {
    const covers = (m: { span: Span }) => within(b.span, m.span);
    if (known.some(covers)) continue;
    if (r.places.find(text, b.span).some(covers)) continue;
    if (!namedAfterDomesticPlace(ctx, b.span)) continue;
    const body = textEntity(ctx, 'Organization', organizationId(b.name), b.name);
    addEdge(ctx, 'MENTIONS', c.id, body, 'form', b.span);
  }
}

/**
 * Only a zone named after a place in the country is a zone of its own: 美丽中国先行区 and
 * 国家自主创新示范区 are titles a place earns, 中国－东盟自贸区 and 亚太自贸区 are trade
 * agreements. The place opens the name (after 中国: 中国上海自由贸易试验区) or stands in its
 * brackets (中国（安徽）自贸试验区, 中日（大连）…示范区).
 */
function namedAfterDomesticPlace(ctx: Context, zone: Span): boolean {
  const { text, r } = ctx;
  let opens = zone.start;
  for (const m of placesIn(ctx, zone)) {
    const chain = r.ancestors(m.entry.name);
    const top = ctx.lexicon.lookupPlace(chain[chain.length - 1]!);
    const domestic = chain.length > 1 && top?.level === 'country';
    const bracketed =
      '（('.includes(text[m.span.start - 1] ?? '') && '）)'.includes(text[m.span.end] ?? '');
    if (m.entry.level === 'country' && m.span.start === opens) opens = m.span.end;
    else if (domestic && (m.span.start === opens || bracketed)) return true;
  }
  return false;
}

/**
 * The places named in a span. A written form several places share (朝阳: the city of
 * Liaoning; Beijing's and Changchun's districts) denotes the one nearest the report's
 * jurisdiction in the administrative tree, and its link says so (rule `nearest`); two
 * equally near are not linked. A county's short form is read only in its own province.
 */
function placesIn(ctx: Context, span: Span): Mention<PlaceEntry>[] {
  const { text, r } = ctx;
  const out: Mention<PlaceEntry>[] = [];
  for (const found of r.places.findAll(text, span, ctx.admit)) {
    const chosen = nearest(r, ctx.jurisdiction, found.surfaces);
    if (chosen) out.push({ ...chosen, span: found.span });
  }
  return out;
}

function nearest(
  r: Recognisers,
  jurisdiction: string,
  surfaces: readonly Surface<PlaceEntry>[],
): Omit<Mention<PlaceEntry>, 'span'> | null {
  const first = surfaces[0]!;
  const distinct = new Set(surfaces.map((s) => s.entry.name));
  if (distinct.size === 1) return { entry: first.entry, rule: first.rule };
  let best: Surface<PlaceEntry>[] = [];
  let bestDistance = Infinity;
  for (const s of surfaces) {
    const d = treeDistance(r, s.entry.name, jurisdiction);
    if (d < bestDistance) [best, bestDistance] = [[s], d];
    else if (d === bestDistance) best.push(s);
  }
  if (new Set(best.map((s) => s.entry.name)).size > 1) return null;
  return { entry: best[0]!.entry, rule: 'nearest' };
}

/** Steps between two places through their lowest common ancestor (or the top of the tree). */
function treeDistance(r: Recognisers, a: string, b: string): number {
  const up = r.ancestors(a);
  const other = r.ancestors(b);
  for (let i = 0; i < up.length; i++) {
    const j = other.indexOf(up[i]!);
    if (j >= 0) return i + j;
  }
  return up.length + other.length;
}

interface AbbreviationMention {
  place: PlaceEntry;
  span: Span;
}

const ROUTE_FORMS = ['高铁', '高速公路', '高速', '铁路', '城际', '管道'];

/** 沈白高铁: the characters before a route's form word abbreviate the places it joins. */
function routeAbbreviations(lexicon: Lexicon, text: string, project: Span): AbbreviationMention[] {
  const out: AbbreviationMention[] = [];
  const name = text.slice(project.start, project.end);
  for (const form of ROUTE_FORMS) {
    for (let k = name.indexOf(form); k >= 0; k = name.indexOf(form, k + form.length)) {
      // Up to three places: 本桓宽高速 joins Benxi, Huanren and Kuandian.
      for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
        const at = abbreviationAt(lexicon, text, project.start + j);
        if (!at) break;
        out.unshift({
          place: at.place,
          span: { start: project.start + j, end: project.start + j + 1 },
        });
      }
    }
  }
  return out;
}

/**
 * 京沈, 沈大, 沪连: adjacent trusted abbreviations of different places; or one character
 * inside a name the gazetteer trusts it in (引洋入连).
 */
function pairings(ctx: Context, span: Span, taken: Span[]): AbbreviationMention[] {
  const { text, lexicon } = ctx;
  const out: AbbreviationMention[] = [];
  const free = (i: number) =>
    !taken.some((t) => t.start <= i && i < t.end) && !inPlaceExclusion(ctx.r, text, i);
  // Few characters abbreviate a place: look that up first, the costlier checks only then.
  const abbreviationHere = (i: number) => {
    const at = abbreviationAt(lexicon, text, i);
    return at && free(i) ? at : null;
  };
  for (let i = span.start; i < span.end;) {
    let at = abbreviationHere(i);
    if (!at) {
      i++;
      continue;
    }
    let j = i;
    const run: (AbbreviationMention & { via: 'name' | 'plain' })[] = [];
    for (; j < span.end && at; at = abbreviationHere(j)) {
      run.push({ place: at.place, via: at.via, span: { start: j, end: j + 1 } });
      j++;
    }
    const distinct = new Set(run.map((r) => r.place.name)).size === run.length;
    // A run is as long as the text makes it: appended, not spread into push.
    if (run.length >= 2 && distinct) append(out, run);
    else
      append(
        out,
        run.filter((r) => r.via === 'name'),
      );
    i = Math.max(j, i + 1);
  }
  return out;
}

interface Initials {
  /**
   * Each character that opens the name of exactly one prefecture of the province, and that
   * prefecture; then those of the neighbouring provinces' prefectures (see `abroad`).
   */
  of: Map<string, PlaceEntry>;
  /** The characters of `of` that stand for a prefecture across the border. */
  abroad: Set<string>;
  /** The same characters by code unit, for a scan of every character of a report. */
  opens: Uint8Array;
  /** The report's runs of two or more such characters, unmasked, in text order (found once). */
  runs: InitialsRun[];
  /** Runs shorter than minRun read in this report, having been seen before a form (兰白两区). */
  trusted: Set<string>;
}

/** The province's initials, worked out once a lexicon and province (see buildInitials). */
function initialsOf(
  lexicon: Lexicon,
  r: Recognisers,
  province: string | null,
): Pick<Initials, 'of' | 'abroad' | 'opens'> {
  const byProvince = compiled(
    lexicon,
    'initials',
    () => new Map<string | null, Pick<Initials, 'of' | 'abroad' | 'opens'>>(),
  );
  let found = byProvince.get(province);
  if (!found) {
    const of = buildInitials(lexicon, r, province);
    const across = neighbourInitials(lexicon, province);
    for (const [c, p] of across) of.set(c, p);
    const opens = new Uint8Array(0x10000);
    for (const c of of.keys()) opens[c.charCodeAt(0)] = 1;
    byProvince.set(province, (found = { of, abroad: new Set(across.keys()), opens }));
  }
  return found;
}

/**
 * 平庆铁路, 厦漳泉: the prefectures of the report's province by the character their name
 * opens with, where that character is theirs alone (places.json#initials). A national
 * report has no province, so nothing.
 */
function buildInitials(
  lexicon: Lexicon,
  r: Recognisers,
  province: string | null,
): Map<string, PlaceEntry> {
  if (province === null) return new Map();
  // An ambiguous character is not read where one of the places it could be lies in the
  // province, or where it is a common word (本, 营: no other place listed but the one here);
  // 白 (Baihe, Baicheng, Baishan, all in Jilin) opens 白银 alone in Gansu.
  const taken = new Set<string>();
  for (const [c, names] of lexicon.ambiguousAbbreviations) {
    const here = names.some((n) => {
      const place = lexicon.lookupPlace(n);
      return place !== undefined && r.provinceOf(place.name) === province;
    });
    if (here || names.length === 0) taken.add(c);
  }
  const of = openers(lexicon, (parent) => parent === province, taken);
  // A character the curated abbreviations give another place everywhere is that place's (陇
  // is Gansu, not 陇南); one they give it only inside some names is masked there (unmasked).
  for (const p of lexicon.places)
    for (const a of p.abbreviations ?? [])
      if (!a.onlyIn && of.has(a.abbr) && of.get(a.abbr)!.name !== p.name) taken.add(a.abbr);
  for (const c of taken) of.delete(c);
  return of;
}

/**
 * The prefectures of the provinces `within` admits by the character their names open with,
 * then their state-level new areas, joined like cities (石雄铁路: Shijiazhuang–Xiong'an) by a
 * character none of those cities opens (兰州新区's 兰 stays Lanzhou's). A character two of
 * them open goes into `taken`.
 */
function openers(
  lexicon: Lexicon,
  within: (parent: string | null) => boolean,
  taken: Set<string>,
): Map<string, PlaceEntry> {
  const of = new Map<string, PlaceEntry>();
  for (const level of ['prefecture', 'new-area']) {
    const cities = new Set(of.keys());
    for (const p of lexicon.places) {
      if (p.level !== level || !within(p.parent)) continue;
      const c = p.name[0]!;
      if (cities.has(c)) continue;
      if (of.has(c)) taken.add(c);
      of.set(c, p);
    }
  }
  return of;
}

/**
 * The neighbouring provinces' prefectures by the character their name opens with, where that
 * character is one prefecture's alone across all the neighbours, opens none of the province's
 * own, and is no curated abbreviation or ambiguous one (as in buildInitials).
 */
function neighbourInitials(lexicon: Lexicon, province: string | null): Map<string, PlaceEntry> {
  const neighbours = new Set(
    province === null ? [] : (lexicon.initials.neighbours?.[province] ?? []),
  );
  if (neighbours.size === 0) return new Map();
  const taken = new Set<string>(lexicon.ambiguousAbbreviations.keys());
  // A character of the province's own cities and new areas stays theirs.
  for (const p of lexicon.places)
    if ((p.level === 'prefecture' || p.level === 'new-area') && p.parent === province)
      taken.add(p.name[0]!);
  // Their new areas too (雄忻高铁 in Shanxi: Xiong'an–Xinzhou).
  const across = openers(lexicon, (parent) => neighbours.has(parent ?? ''), taken);
  for (const p of lexicon.places)
    for (const a of p.abbreviations ?? []) if (!a.onlyIn) taken.add(a.abbr);
  for (const c of taken) across.delete(c);
  return across;
}

interface InitialsRun {
  start: number;
  end: number;
  chars: AbbreviationMention[];
}

/**
 * The report's runs of initials, each character with its prefecture: two or more
 * characters outside place names and exclusions (see unmasked), found once a report (a run
 * lies within one sentence), and the pairs it trusts (see trustedPairs). Masking costs three
 * recognisers on the run's surroundings, so a pair that is neither before a form nor written
 * as one the report trusts is let go unmasked: no rule would read it.
 */
function initialRuns(ctx: Context): { runs: InitialsRun[]; trusted: Set<string> } {
  const { text } = ctx;
  const { of, opens } = ctx.initials;
  if (of.size === 0) return { runs: [], trusted: new Set() };
  // Every character of the report is looked at: one array load each, a map probe only for
  // the few that open a prefecture's name.
  const candidates: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!opens[text.charCodeAt(i)]) continue;
    let j = i;
    while (j < text.length && opens[text.charCodeAt(j)]) j++;
    if (j - i >= 2) candidates.push({ start: i, end: j });
    i = j;
  }
  const costly = (c: Span) => c.end - c.start > 2 || beforeForm(ctx, c.end);
  const runs: InitialsRun[] = [];
  for (const c of candidates) if (costly(c)) append(runs, unmasked(ctx, c.start, c.end));
  const trusted = trustedPairs(ctx, runs);
  for (const c of candidates)
    if (!costly(c) && trusted.has(text.slice(c.start, c.end)))
      append(runs, unmasked(ctx, c.start, c.end));
  return {
    runs: runs.filter((r) => r.chars.length >= 2).sort((a, b) => a.start - b.start),
    trusted,
  };
}

/** Whether one of the initials' forms (铁路, 一体化, …) follows `end`. */
const beforeForm = (ctx: Context, end: number): boolean =>
  ctx.lexicon.initials.forms.some((f) => ctx.text.startsWith(f, end));

/**
 * Whether a run names its cities: minRun or more different prefectures; fewer before a
 * form, or trusted by the report when `trusted` says so.
 */
function reads(ctx: Context, run: InitialsRun, trusted: boolean): boolean {
  const n = run.chars.length;
  if (n < 2 || new Set(run.chars.map((a) => a.place.name)).size < n) return false;
  // A city across the border is read only beside one of the province's own, before a form.
  const { abroad } = ctx.initials;
  const across = run.chars.filter((a) => abroad.has(ctx.text[a.span.start]!)).length;
  if (across > 0) return across < n && beforeForm(ctx, run.end);
  if (n >= ctx.lexicon.initials.minRun || beforeForm(ctx, run.end)) return true;
  return trusted && ctx.initials.trusted.has(ctx.text.slice(run.start, run.end));
}

/** Each character in a span of the runs of initials the report reads (see reads). */
function initialsIn(ctx: Context, span: Span): AbbreviationMention[] {
  const { runs } = ctx.initials;
  const out: AbbreviationMention[] = [];
  // The first run ending after the span starts, by bisection: runs are in text order.
  let lo = 0;
  for (let hi = runs.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (runs[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < runs.length && runs[k]!.start < span.end; k++) {
    const run = runs[k]!;
    if (!reads(ctx, run, true)) continue;
    for (const a of run.chars) if (within(a.span, span)) out.push(a);
  }
  return out;
}

/** The parts of a run of initials outside the places named around it (广东, 西安) and exclusions. */
function unmasked(ctx: Context, start: number, end: number): InitialsRun[] {
  const { text } = ctx;
  const around = { start: Math.max(0, start - 4), end: Math.min(text.length, end + 4) };
  // A character of a place's name or of an industry's or theme's word is not an initial:
  // 广东, 西安; 文 of 文旅 in 昆红文旅协同 (Kunming–Honghe, culture and tourism).
  const named = [
    ...placesIn(ctx, around),
    ...ctx.r.industries.find(text, around),
    ...ctx.r.themes.find(text, around),
  ].map((m) => m.span);
  const parts: InitialsRun[] = [];
  let part: InitialsRun | null = null;
  for (let i = start; i < end; i++) {
    const place = ctx.initials.of.get(text[i]!)!;
    const other = abbreviationAt(ctx.lexicon, text, i);
    const masked =
      named.some((s) => s.start <= i && i < s.end) ||
      inPlaceExclusion(ctx.r, text, i) ||
      (other !== null && other.place.name !== place.name);
    if (masked) {
      part = null;
      continue;
    }
    if (!part) parts.push((part = { start: i, end: i, chars: [] }));
    part.chars.push({ place, span: { start: i, end: i + 1 } });
    part.end = i + 1;
  }
  return parts;
}

/**
 * The short runs of initials the report writes before a form somewhere (兰白 in 兰白两区), and
 * the pairs of adjacent cities of a longer run it reads (衡沧 of 石衡沧港城际铁路).
 */
function trustedPairs(ctx: Context, runs: readonly InitialsRun[]): Set<string> {
  const found = new Set<string>();
  for (const run of runs) {
    if (!reads(ctx, run, false)) continue;
    if (run.chars.length < ctx.lexicon.initials.minRun)
      found.add(ctx.text.slice(run.start, run.end));
    else for (let i = run.start; i + 2 <= run.end; i++) found.add(ctx.text.slice(i, i + 2));
  }
  return found;
}

/** Whether `text[i]` lies inside a word listed as a place exclusion (辽沈银行). */
function inPlaceExclusion(r: Recognisers, text: string, i: number): boolean {
  for (const { word, at } of r.exclusionsByChar.get(text[i]!) ?? [])
    if (at <= i && text.startsWith(word, i - at)) return true;
  return false;
}

function linkThemes(ctx: Context, c: CommitmentNode): void {
  const { text, lexicon } = ctx;
  const found = ctx.r.themes.find(text, c.span);
  ctx.themes.set(c.id, found);
  for (const m of found) serveTheme(ctx, c.id, m.entry, m.rule, m.span);
  // Programmes the lexicon does not know, by their form (提振消费专项行动).
  const programmes = findProgrammes(lexicon, text, c.span).filter(
    (p) => !endsInKnown(p.span, found),
  );
  for (const p of programmes)
    addEdge(ctx, 'SERVES', c.id, textEntity(ctx, 'Theme', themeId(p.name), p.name), 'form', p.span);
  // Quoted slogans the lexicon does not know become themes of their own, unless stoplisted.
  // (Most sentences quote nothing: no regular expression is run over them.)
  if (!c.text.includes('“')) return;
  for (const q of c.text.matchAll(/“([^“”]{1,20})”/g)) {
    const term = q[1]!;
    const span = {
      start: c.span.start + q.index + 1,
      end: c.span.start + q.index + 1 + term.length,
    };
    if (found.some((m) => m.span.start < span.end && span.start < m.span.end)) continue;
    // A quotation inside a programme's or a known project's name (“技能照亮前程”培训行动,
    // “三北”工程) is theirs, no theme of its own.
    const inside = (m: { span: Span }) => within(span, m.span);
    if (programmes.some(inside)) continue;
    if (ctx.knownProjects.some(inside)) continue;
    if (
      lexicon.themeStoplist.has(term) ||
      lexicon.planPeriodNames.has(term) ||
      /^[\d.%％]+$/.test(term)
    )
      continue;
    addEdge(ctx, 'SERVES', c.id, textEntity(ctx, 'Theme', themeId(term), term), 'quoted', span);
  }
}

function serveTheme(
  ctx: Context,
  commitment: string,
  theme: ThemeEntry,
  rule: string,
  span: Span,
): void {
  addEdge(ctx, 'SERVES', commitment, themeId(theme.name), rule, span);
  // Naming a member serves the bundle: 粮食安全 is one of the 五大安全. Not before the bundle
  // was set out: 稳就业 in 2015 served no 六稳 (July 2018).
  for (const bundle of ctx.r.bundlesOf.get(theme.name) ?? []) {
    if (bundle.fromYear && ctx.year !== null && ctx.year < bundle.fromYear) continue;
    addEdge(ctx, 'SERVES', commitment, themeId(bundle.name), 'component', span);
  }
}

/**
 * A paragraph's framing sentence ("坚持维护国家“五大安全”这个政治使命……") names the themes
 * the sentences after it serve. Only the first two sentences of a paragraph can frame it,
 * and only where a framing verb (坚持, 围绕, 履行, …) governs the theme.
 */
function linkParagraphFraming(ctx: Context, commitments: readonly CommitmentNode[]): void {
  const { text } = ctx;
  const byParagraph = new Map<number, CommitmentNode[]>();
  for (const c of commitments) {
    const list = byParagraph.get(c.paragraph.start);
    if (list) list.push(c);
    else byParagraph.set(c.paragraph.start, [c]);
  }
  for (const sentences of byParagraph.values()) {
    sentences.slice(0, 2).forEach((framing, k) => {
      for (const m of ctx.themes.get(framing.id)!) {
        const clauseStart = clauseStartAt(text, m.span.start, framing.span.start);
        const lead = text.slice(clauseStart, m.span.start);
        if (!ctx.lexicon.structure.framingCues.some((cue) => lead.includes(cue))) continue;
        for (const later of sentences.slice(k + 1))
          serveTheme(ctx, later.id, m.entry, 'paragraph', m.span);
      }
    });
  }
}

/**
 * Where the clause holding `text[i]` starts: after the last ，；。： at or before `i`, and
 * not before the sentence. Scanning back only over the sentence (a report-wide
 * lastIndexOf could run back to the start of the text for a mark the report rarely uses).
 */
function clauseStartAt(text: string, i: number, sentenceStart: number): number {
  for (let k = i; k >= sentenceStart; k--) if ('，；。：'.includes(text[k]!)) return k + 1;
  return sentenceStart;
}
