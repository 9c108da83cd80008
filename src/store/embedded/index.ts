/**
 * The embedded store: the whole graph in process memory, indexed for the questions the
 * API asks. Used when no NEO4J_URI is configured; held to the same contract suite as Neo4j.
 */
import {
  EDGE_TYPES,
  ENTITY_KINDS,
  isEntity,
  NODE_KINDS,
  nodeSummary,
  REPORT_OWNED_KINDS,
  standingFigures,
  type CommitmentNode,
  type EdgeType,
  type EntityNode,
  type FigureNode,
  type GraphEdge,
  type GraphNode,
  type NodeSummary,
  type ReportGraph,
  type ReportNode,
  type SectionNode,
} from '../../model';
import { nameKey } from '../../extract/lexicon';
import { searchNodes } from './search';
import {
  ENTITY_LINK_TYPES,
  assertComplete,
  type AroundCut,
  type CommitmentLink,
  type CommitmentPage,
  type CommitmentQuery,
  type FigureQuery,
  type SeriesQuery,
  type GraphStore,
  type ProjectQuery,
  type IngestOptions,
  type IngestResult,
  type PageRequest,
  mayStore,
  type SearchHit,
  type SharedEntity,
  type SharedQuery,
  type StoreHealth,
  LINKED_KINDS,
} from '..';

export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly outgoing = new Map<string, Set<string>>();
  private readonly incoming = new Map<string, Set<string>>();
  /** The same, per edge type: a place's few PART_OF edges among thousands. */
  private readonly outgoingTyped = perType<Set<string>>();
  private readonly incomingTyped = perType<Set<string>>();
  /**
   * Commitments with an edge of a type into a node, grouped by their report, with their
   * edge count: "involves Shenyang" with 600 reports counts 200 groups and orders only the
   * few that fill a page, instead of gathering 4,600 ids into a set and grouping them anew.
   */
  private readonly linking = perType<Map<string, Map<string, number>>>();
  /** Nodes of each kind, so that a question about one kind does not walk all nodes. */
  private readonly byKind = new Map<GraphNode['kind'], Map<string, GraphNode>>();
  /** A report's own nodes and the edges it drew, for replacing it. */
  private readonly ownNodes = new Map<string, Set<string>>();
  private readonly ownEdges = new Map<string, Set<string>>();
  /**
   * Edges between shared entities that reports draw from their text (a project's
   * LOCATED_IN): the reports claiming each, and each report's claims. Such an edge goes
   * only when no report claims it any more.
   */
  private readonly claims = new Map<string, Set<string>>();
  private readonly claimed = new Map<string, Set<string>>();
  /** Commitments in report order, rebuilt when a report is stored. */
  private ordered: CommitmentNode[] = [];

  async init(): Promise<void> {}

  async ingest(graph: ReportGraph, options: IngestOptions = {}): Promise<IngestResult> {
    assertComplete(graph);
    const reportId = graph.report.reportId;
    const old = this.nodes.get(graph.report.id) as ReportNode | undefined;
    const counts = { nodes: 0, edges: 0 };
    // From this check on, nothing awaits: two ingests of one report cannot interleave.
    if (mayStore(old, graph.report, options) === null) {
      return { reportId, status: 'unchanged', ...counts };
    }
    // Everything below is synchronous and cannot fail half-way: the graph was checked above.
    if (old) this.removeReport(reportId);
    for (const n of [
      graph.report,
      ...graph.sections,
      ...graph.commitments,
      ...graph.figures,
      ...graph.entities,
    ]) {
      if (!this.nodes.has(n.id)) counts.nodes++;
      this.setNode(n);
    }
    for (const e of graph.edges) {
      if (!this.edges.has(e.id)) counts.edges++;
      this.addEdge(e);
    }
    // Keep commitments in report order: merge the report's own (sorted) into the rest,
    // rather than sorting everything stored again.
    const own = [...graph.commitments].sort((a, b) => cmp(a.sortKey, b.sortKey));
    const rest = old ? this.ordered.filter((c) => c.reportId !== reportId) : this.ordered;
    const merged: CommitmentNode[] = [];
    let i = 0;
    let j = 0;
    while (i < rest.length || j < own.length) {
      merged.push(
        j >= own.length || (i < rest.length && rest[i]!.sortKey < own[j]!.sortKey)
          ? rest[i++]!
          : own[j++]!,
      );
    }
    this.ordered = merged;
    return { reportId, status: old ? 'replaced' : 'added', ...counts };
  }

  private setNode(n: GraphNode): void {
    this.nodes.set(n.id, n);
    setIn(this.byKind, n.kind, n.id, n);
    if ('reportId' in n && REPORT_OWNED_KINDS.includes(n.kind)) {
      addTo(this.ownNodes, n.reportId, n.id);
    }
  }

  private ofKind<K extends GraphNode['kind']>(kind: K): Extract<GraphNode, { kind: K }>[] {
    return [...(this.byKind.get(kind)?.values() ?? [])] as Extract<GraphNode, { kind: K }>[];
  }

  /** Whether the node belongs to one report (its sections, commitments …), not shared. */
  private owned(id: string): boolean {
    const n = this.nodes.get(id);
    return n !== undefined && REPORT_OWNED_KINDS.includes(n.kind);
  }

  private addEdge(e: GraphEdge): void {
    const prev = this.edges.get(e.id);
    if (e.reportId && !this.owned(e.source) && !this.owned(e.target)) {
      // Drawn by a report between shared entities: claimed by it beside the others that
      // drew it; it carries the latest drawing's evidence.
      addTo(this.claims, e.id, e.reportId);
      addTo(this.claimed, e.reportId, e.id);
      this.setEdge(e, prev);
      return;
    }
    this.setEdge(e, prev);
    if (e.reportId) addTo(this.ownEdges, e.reportId, e.id);
  }

  private setEdge(e: GraphEdge, prev: GraphEdge | undefined): void {
    this.edges.set(e.id, e);
    addTo(this.outgoing, e.source, e.id);
    addTo(this.incoming, e.target, e.id);
    addTo(this.outgoingTyped.get(e.type)!, e.source, e.id);
    addTo(this.incomingTyped.get(e.type)!, e.target, e.id);
    if (!prev) this.countLink(e, 1);
  }

  /** Counts a commitment's edge in `linking` (edges from other kinds are not asked about). */
  private countLink(e: GraphEdge, by: number): void {
    const source = this.nodes.get(e.source);
    if (source?.kind !== 'Commitment') return;
    let byReport = this.linking.get(e.type)!.get(e.target);
    if (!byReport && by < 0) return;
    if (!byReport) this.linking.get(e.type)!.set(e.target, (byReport = new Map()));
    count(byReport, source.reportId, e.source, by);
    if (!byReport.get(source.reportId)?.size) byReport.delete(source.reportId);
  }

  private removeReport(reportId: string): void {
    for (const eid of this.claimed.get(reportId) ?? []) this.withdraw(eid, reportId);
    this.claimed.delete(reportId);
    for (const eid of this.ownEdges.get(reportId) ?? []) this.removeEdge(eid);
    for (const id of this.ownNodes.get(reportId) ?? []) {
      for (const m of [this.outgoing, this.incoming]) {
        for (const eid of m.get(id) ?? []) this.removeEdge(eid);
      }
      this.byKind.get(this.nodes.get(id)!.kind)?.delete(id);
      this.nodes.delete(id);
    }
    this.ownNodes.delete(reportId);
  }

  /**
   * Withdraws a report's claim on a shared edge: the edge goes when no report claims it;
   * when it carried this report's evidence, it names another claimant (the first by id),
   * without evidence (cypher/load/delete-report.cypher does the same).
   */
  private withdraw(id: string, reportId: string): void {
    const by = this.claims.get(id);
    by?.delete(reportId);
    const e = this.edges.get(id);
    if (!by?.size) {
      this.claims.delete(id);
      this.removeEdge(id);
    } else if (e && e.reportId === reportId) {
      this.edges.set(id, { ...e, reportId: [...by].sort(cmp)[0]!, evidence: null });
    }
  }

  private removeEdge(id: string): void {
    const e = this.edges.get(id);
    if (!e) return;
    this.edges.delete(id);
    this.outgoing.get(e.source)?.delete(id);
    this.incoming.get(e.target)?.delete(id);
    this.outgoingTyped.get(e.type)!.get(e.source)?.delete(id);
    this.incomingTyped.get(e.type)!.get(e.target)?.delete(id);
    this.countLink(e, -1); // before the node goes: removeReport removes edges first
    if (e.reportId) this.ownEdges.get(e.reportId)?.delete(id);
  }

  async reports(): Promise<ReportNode[]> {
    return this.ofKind('Report').sort((a, b) => a.year - b.year || cmp(a.reportId, b.reportId));
  }

  async reportsByIds(ids: readonly string[]): Promise<(ReportNode | null)[]> {
    return ids.map((id) => (this.nodes.get(`report:${id}`) as ReportNode | undefined) ?? null);
  }

  async sectionsOfReports(reportIds: readonly string[]): Promise<SectionNode[][]> {
    return reportIds.map((r) =>
      [...(this.ownNodes.get(r) ?? [])]
        .map((id) => this.nodes.get(id)!)
        .filter((n): n is SectionNode => n.kind === 'Section')
        .sort((a, b) => a.span.start - b.span.start),
    );
  }

  async sectionsByIds(ids: readonly string[]): Promise<(SectionNode | null)[]> {
    return ids.map((id) => {
      const n = this.nodes.get(id);
      return n?.kind === 'Section' ? n : null;
    });
  }

  async entitiesByIds(ids: readonly string[]): Promise<(EntityNode | null)[]> {
    return ids.map((id) => {
      const n = this.nodes.get(id);
      return n && isEntity(n) ? n : null;
    });
  }

  async resolve(name: string): Promise<EntityNode[]> {
    const key = nameKey(name);
    const byId = this.nodes.get(name); // an entity's id, as answers give it
    return this.entities()
      .filter((n) => (key && n.keys.includes(key)) || n === byId)
      .sort((a, b) => cmp(a.id, b.id));
  }

  async commitments(query: CommitmentQuery, page: PageRequest): Promise<CommitmentPage> {
    const sets = [
      query.involves && this.linkedFrom(this.withParts(query.involves), ['INVOLVES']),
      query.concerns && this.linkedFrom(this.withParts(query.concerns), ['CONCERNS']),
      query.serves && this.linkedFrom(new Set(query.serves), ['SERVES']),
      query.linked && this.linkedFrom(this.withParts(query.linked), ENTITY_LINK_TYPES),
    ].filter((x): x is Linked => !!x);
    // Walk the smallest set every match must be in, not every stored commitment; only the
    // other conditions are then checked.
    const smallest = sets.sort((a, b) => a.size - b.size)[0];
    const checks: ((c: CommitmentNode) => boolean)[] = sets
      .filter((set) => set !== smallest)
      .map((set) => (c) => set.byReport.get(c.reportId)?.some((g) => g.has(c.id)) ?? false);
    const text = query.text;
    const sections = query.sections ? new Set(query.sections) : null;
    if (text) checks.push((c) => c.text.includes(text));
    if (query.phase) checks.push((c) => c.phase === query.phase);
    if (sections) checks.push((c) => c.sectionId !== null && sections.has(c.sectionId));
    const matches = (c: CommitmentNode) => checks.every((check) => check(c));
    const after = page.after;
    // Report by report: one report's, or every report's matches of the smallest set.
    let pool: Iterable<Members>;
    if (query.report) {
      const own = this.ownNodes.get(query.report);
      const members = smallest ? smallest.byReport.get(query.report) : own && [own];
      pool = members ? [members] : [];
    } else if (smallest) {
      pool = smallest.byReport.values();
    } else {
      const all = this.ordered.filter(matches);
      const rest = after ? all.filter((c) => c.sortKey > after) : all;
      return {
        totalCount: all.length,
        nodes: rest.slice(0, page.first),
        hasNextPage: rest.length > page.first,
      };
    }
    // A report's own nodes are of every kind; a set's are commitments only.
    const mixedKinds = !smallest;
    const commitmentsOf = (members: Members): CommitmentNode[] => {
      const out: CommitmentNode[] = [];
      for (const id of idsOf(members)) {
        const c = this.nodes.get(id);
        if (c?.kind === 'Commitment' && matches(c)) out.push(c);
      }
      return out;
    };
    // Count every match, but order only what the page needs. With nothing else to check,
    // a report's group is counted by its size and read only when the page reaches it.
    let totalCount = 0;
    const groups: { key: string; read: () => CommitmentNode[] }[] = [];
    for (const members of pool) {
      if (checks.length || mixedKinds) {
        const matched = commitmentsOf(members);
        totalCount += matched.length;
        if (matched.length) groups.push({ key: matched[0]!.sortKey, read: () => matched });
      } else {
        totalCount += sizeOf(members);
        // Any member's sortKey orders its report among the others: it starts (year, report).
        const first = this.nodes.get(members[0]!.keys().next().value!) as CommitmentNode;
        groups.push({ key: first.sortKey, read: () => commitmentsOf(members) });
      }
    }
    const nodes: CommitmentNode[] = [];
    let more = false;
    for (const group of groups.sort((a, b) => cmp(a.key, b.key))) {
      const rest = after ? group.read().filter((c) => c.sortKey > after) : group.read();
      if (!rest.length) continue;
      if (nodes.length >= page.first) {
        more = true;
        break;
      }
      // A group is a whole report's matches: appended, not spread into push (the stack).
      for (const c of rest.sort((a, b) => cmp(a.sortKey, b.sortKey))) nodes.push(c);
    }
    if (nodes.length > page.first) more = true;
    return { totalCount, nodes: nodes.slice(0, page.first), hasNextPage: more };
  }

  /** Commitments with a link of one of the types to one of the entities, by report. */
  private linkedFrom(targets: Set<string>, types: readonly EdgeType[]): Linked {
    const byReport = new Map<string, Members>();
    for (const target of targets) {
      for (const type of types) {
        for (const [reportId, group] of this.linking.get(type)!.get(target) ?? []) {
          // The index's own groups, not copied: a report's commitments that involve
          // Shenyang and those that involve a district of it overlap but are not merged.
          const have = byReport.get(reportId);
          if (!have) byReport.set(reportId, [group]);
          else if (group.size > have[0]!.size) have.unshift(group);
          else have.push(group);
        }
      }
    }
    let size = 0;
    for (const members of byReport.values()) size += sizeOf(members);
    return { byReport, size };
  }

  /** The given entities and everything PART_OF them, transitively. */
  private withParts(ids: readonly string[]): Set<string> {
    return this.closure(ids, (id) => this.neighbours(id, 'PART_OF', 'in'));
  }

  private closure(ids: readonly string[], next: (id: string) => string[]): Set<string> {
    const out = new Set<string>();
    const queue = [...ids];
    while (queue.length) {
      const id = queue.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      for (const n of next(id)) queue.push(n);
    }
    return out;
  }

  private neighbours(id: string, type: EdgeType, direction: 'out' | 'in'): string[] {
    const index = direction === 'out' ? this.outgoingTyped : this.incomingTyped;
    return [...(index.get(type)!.get(id) ?? [])].map((eid) => {
      const e = this.edges.get(eid)!;
      return direction === 'out' ? e.target : e.source;
    });
  }

  async projects(query: ProjectQuery, first: number): Promise<EntityNode[]> {
    let candidates = this.ofKind('Project') as EntityNode[];
    if (query.report) {
      const report = query.report;
      candidates = candidates.filter((p) =>
        this.neighbours(p.id, 'MENTIONS', 'in').some(
          (c) => (this.nodes.get(c) as CommitmentNode).reportId === report,
        ),
      );
    }
    if (query.themes) {
      const themes = this.closure(query.themes, (id) => this.neighbours(id, 'COMPRISES', 'out'));
      const serving = new Set([...themes].flatMap((t) => this.neighbours(t, 'SERVES', 'in')));
      candidates = candidates.filter((p) =>
        this.neighbours(p.id, 'MENTIONS', 'in').some((c) => serving.has(c)),
      );
    }
    if (query.places) {
      const places = this.withParts(query.places);
      candidates = candidates.filter((p) =>
        this.neighbours(p.id, 'LOCATED_IN', 'out').some((pl) => places.has(pl)),
      );
    }
    return candidates.sort((a, b) => cmp(a.id, b.id)).slice(0, first);
  }

  async sharedEntities(query: SharedQuery, first: number): Promise<SharedEntity[]> {
    if (!LINKED_KINDS.includes(query.kind)) return [];
    const out: SharedEntity[] = [];
    const counted =
      query.year === null || query.year === undefined
        ? null
        : new Set(
            this.ofKind('Report')
              .filter((r) => r.year === query.year)
              .map((r) => r.reportId),
          );
    for (const node of this.byKind.get(query.kind)?.values() ?? []) {
      const entity = node as EntityNode;
      if (query.curated !== null && entity.curated !== query.curated) continue;
      const reports = new Set<string>();
      const commitments = new Set<string>();
      for (const type of ENTITY_LINK_TYPES) {
        for (const [reportId, group] of this.linking.get(type)!.get(entity.id) ?? []) {
          if (counted && !counted.has(reportId)) continue;
          reports.add(reportId);
          for (const c of group.keys()) commitments.add(c);
        }
      }
      if (reports.size === 0 || reports.size < query.minReports) continue;
      out.push({ entity, reportIds: [...reports].sort(cmp), commitments: commitments.size });
    }
    return out
      .sort((a, b) => b.reportIds.length - a.reportIds.length || cmp(a.entity.id, b.entity.id))
      .slice(0, first);
  }

  async projectThemes(ids: readonly string[]): Promise<EntityNode[][]> {
    return ids.map((id) => {
      const themes = new Set(
        this.neighbours(id, 'MENTIONS', 'in').flatMap((c) =>
          this.neighbours(c, 'SERVES', 'out').filter((t) => this.nodes.get(t)?.kind === 'Theme'),
        ),
      );
      return [...themes].sort(cmp).map((t) => this.nodes.get(t) as EntityNode);
    });
  }

  async commitmentsByIds(ids: readonly string[]): Promise<(CommitmentNode | null)[]> {
    return ids.map((id) => {
      const n = this.nodes.get(id);
      return n?.kind === 'Commitment' ? n : null;
    });
  }

  async figuresOfCommitments(ids: readonly string[]): Promise<FigureNode[][]> {
    return ids.map((id) =>
      [...(this.outgoing.get(id) ?? [])]
        .map((eid) => this.edges.get(eid)!)
        .filter((e) => e.type === 'SETS' || e.type === 'REPORTS')
        .map((e) => this.nodes.get(e.target) as FigureNode)
        .sort(bySortKey),
    );
  }

  async figures(query: FigureQuery, first: number): Promise<FigureNode[]> {
    const metrics = query.metrics ? new Set(query.metrics) : null;
    const places = query.jurisdictions ? new Set(query.jurisdictions) : null;
    return (this.ofKind(query.kind) as FigureNode[])
      .filter(
        (n) =>
          (!query.report || n.reportId === query.report) &&
          (!metrics || metrics.has(n.metricId)) &&
          (!query.measure || n.measure === query.measure) &&
          (query.year == null || n.year === query.year) &&
          (!places || places.has(n.jurisdiction)) &&
          (!query.status || n.status === query.status),
      )
      .sort(bySortKey)
      .slice(0, first);
  }

  async standingFigures(query: FigureQuery & { metrics: string[] }): Promise<FigureNode[]> {
    const stated = await this.figures(query, Infinity);
    return [...standingFigures(stated, (f) => `${f.jurisdiction} ${f.year}`).values()].sort(
      (a, b) => a.year - b.year || cmp(a.jurisdiction, b.jurisdiction),
    );
  }

  async standingSeries(
    query: SeriesQuery,
  ): Promise<{ targets: FigureNode[]; results: FigureNode[] }> {
    const [targets, results] = await Promise.all([
      this.standingFigures({ kind: 'Target', ...query }),
      this.standingFigures({ kind: 'Result', ...query }),
    ]);
    return { targets, results };
  }

  async linksOfCommitments(
    ids: readonly string[],
    types: readonly EdgeType[],
  ): Promise<CommitmentLink[][]> {
    return ids.map((id) =>
      [...(this.outgoing.get(id) ?? [])]
        .map((eid) => this.edges.get(eid)!)
        .filter((e) => types.includes(e.type))
        .map((edge) => ({ edge, entity: this.nodes.get(edge.target) as EntityNode }))
        .sort((a, b) => cmp(a.edge.type, b.edge.type) || cmp(a.entity.id, b.entity.id)),
    );
  }

  async entityNeighbours(
    ids: readonly string[],
    type: EdgeType,
    direction: 'out' | 'in',
  ): Promise<EntityNode[][]> {
    return ids.map((id) =>
      this.neighbours(id, type, direction)
        .map((n) => this.nodes.get(n)!)
        .filter(isEntity)
        .sort((a, b) => cmp(a.id, b.id)),
    );
  }

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    return ids.map((id) => this.nodes.get(id) ?? null);
  }

  async mergeEdges(edges: readonly GraphEdge[]): Promise<void> {
    for (const e of edges)
      if (this.nodes.has(e.source) && this.nodes.has(e.target)) this.addEdge(e);
  }

  /** The edges touching the nodes, in no particular order. */
  private edgesAt(ids: readonly string[]): GraphEdge[] {
    const found = new Map<string, GraphEdge>();
    for (const id of ids) {
      for (const index of [this.outgoing, this.incoming]) {
        for (const eid of index.get(id) ?? []) found.set(eid, this.edges.get(eid)!);
      }
    }
    return [...found.values()];
  }

  async edgesAround(ids: readonly string[]): Promise<GraphEdge[]> {
    return this.edgesAt(ids).sort((a, b) => cmp(a.id, b.id));
  }

  async around(
    ids: readonly string[],
    cut: AroundCut,
  ): Promise<{ edges: GraphEdge[]; nodes: NodeSummary[] }> {
    let edges = this.edgesAt(ids);
    // Cut before sorting: a hub's thousands of edges are filtered, not ordered.
    const known = new Set([...cut.known, ...ids]);
    const fresh = new Map<string, number>(); // new end → its kind's rank
    for (const e of edges) {
      for (const end of [e.source, e.target]) {
        if (!known.has(end) && !fresh.has(end))
          fresh.set(end, NODE_KINDS.indexOf(this.nodes.get(end)!.kind));
      }
    }
    if (fresh.size > cut.budget) {
      const nearest = [...fresh]
        .sort(([a, ra], [b, rb]) => ra - rb || cmp(a, b))
        .slice(0, Math.max(0, cut.budget));
      const kept = new Set(nearest.map(([id]) => id));
      const keeps = (id: string) => known.has(id) || kept.has(id);
      edges = edges.filter((e) => keeps(e.source) && keeps(e.target));
    }
    edges.sort((a, b) => cmp(a.id, b.id));
    const ends = new Set(ids.filter((id) => this.nodes.has(id)));
    for (const e of edges) ends.add(e.source).add(e.target);
    return { edges, nodes: [...ends].map((id) => nodeSummary(this.nodes.get(id)!)) };
  }

  async search(text: string, first: number): Promise<SearchHit[]> {
    return searchNodes(this.nodes.values(), text, first);
  }

  async entityKeys(): Promise<{ id: string; name: string; keys: string[] }[]> {
    return this.entities()
      .map((e) => ({ id: e.id, name: e.name, keys: e.keys }))
      .sort((a, b) => cmp(a.id, b.id));
  }

  async snapshot(): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
    return {
      nodes: [...this.nodes.values()].sort((a, b) => cmp(a.id, b.id)),
      edges: [...this.edges.values()].sort((a, b) => cmp(a.id, b.id)),
    };
  }

  async counts(): Promise<{ nodes: Record<string, number>; edges: Record<string, number> }> {
    const nodes: Record<string, number> = {};
    const edges: Record<string, number> = {};
    for (const n of this.nodes.values()) nodes[n.kind] = (nodes[n.kind] ?? 0) + 1;
    for (const e of this.edges.values()) edges[e.type] = (edges[e.type] ?? 0) + 1;
    return { nodes, edges };
  }

  private entities(): EntityNode[] {
    return [...ENTITY_KINDS].flatMap((k) => this.ofKind(k));
  }

  async reportCount(): Promise<number> {
    return this.byKind.get('Report')?.size ?? 0;
  }

  async health(): Promise<StoreHealth> {
    return { store: 'embedded', reachable: true };
  }

  async close(): Promise<void> {}
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(value);
}

/** An index per edge type, every type present, so that lookups need no check. */
function perType<V>(): Map<EdgeType, Map<string, V>> {
  return new Map(EDGE_TYPES.map((t) => [t, new Map<string, V>()]));
}

/** Adds `by` to the count of `item` under `key`, dropping it at zero. */
function count(index: Map<string, Map<string, number>>, key: string, item: string, by: number) {
  let counts = index.get(key);
  if (!counts) index.set(key, (counts = new Map()));
  const n = (counts.get(item) ?? 0) + by;
  if (n > 0) counts.set(item, n);
  else counts.delete(item);
}

/** Ids of a set or the keys of an index's map of them (id → edge count). */
interface IdGroup {
  readonly size: number;
  has(id: string): boolean;
  keys(): IterableIterator<string>;
}
/**
 * One report's commitments a condition admits: groups that may overlap, the largest first,
 * so that their distinct ids are counted by looking up only the smaller groups' ids.
 */
type Members = IdGroup[];
/** The commitments a condition admits, by report, and how many in all. */
interface Linked {
  byReport: Map<string, Members>;
  size: number;
}

/** Whether an id of the i-th group is in an earlier one (then it was counted there). */
function earlier(members: Members, i: number, id: string): boolean {
  for (let j = 0; j < i; j++) if (members[j]!.has(id)) return true;
  return false;
}

function* idsOf(members: Members): Generator<string> {
  for (let i = 0; i < members.length; i++)
    for (const id of members[i]!.keys()) if (!earlier(members, i, id)) yield id;
}

/** How many distinct ids; counted without a generator, since every question asks it per report. */
function sizeOf(members: Members): number {
  let n = members[0]!.size;
  for (let i = 1; i < members.length; i++)
    for (const id of members[i]!.keys()) if (!earlier(members, i, id)) n++;
  return n;
}

function setIn<K, I, V>(index: Map<K, Map<I, V>>, key: K, id: I, value: V): void {
  let map = index.get(key);
  if (!map) index.set(key, (map = new Map()));
  map.set(id, value);
}
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const bySortKey = (a: FigureNode, b: FigureNode): number =>
  cmp(a.sortKey, b.sortKey) || cmp(a.id, b.id);
