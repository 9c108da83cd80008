// The explorer's GraphQL client: POST JSON to /graphql, the queries it runs, and per-report caches.

export const ENDPOINT = '/graphql';

export const KINDS = [
  'COMMITMENT',
  'PLACE',
  'THEME',
  'PROJECT',
  'INDUSTRY',
  'ORGANIZATION',
  'METRIC',
  'TARGET',
  'RESULT',
  'REPORT',
  'SECTION',
] as const;

export type NodeKind = (typeof KINDS)[number];
export type Phase = 'PLAN' | 'REVIEW';

export interface Span {
  start: number;
  end: number;
}

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  report: string | null;
  phase: Phase | null;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  rule: string | null;
  evidence: Span | null;
  score: number | null;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ResolvedEntity {
  id: string;
  kind: NodeKind;
  name: string;
  nameEn: string | null;
}

export interface SearchHit {
  id: string;
  kind: NodeKind;
  label: string;
  snippet: string | null;
}

export interface ReportSummary {
  id: string;
  title: string;
}

export interface Figure {
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string;
}

export interface CommitmentLink {
  kind: string;
  rule: string;
  evidence: Span | null;
  entity: { id: string; name: string };
}

interface WireError {
  message: string;
  extensions?: { code?: string };
}

/** A request the service answered with GraphQL errors; the message names each error's code. */
export class GraphQLRequestError extends Error {
  readonly codes: string[];
  constructor(errors: WireError[]) {
    super(
      errors
        .map((e) => (e.extensions?.code ? `${e.extensions.code}: ${e.message}` : e.message))
        .join('; '),
    );
    this.name = 'GraphQLRequestError';
    this.codes = errors.map((e) => e.extensions?.code ?? '');
  }
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new Error(`network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: { data?: T | null; errors?: WireError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  }
  if (body.errors && body.errors.length > 0) throw new GraphQLRequestError(body.errors);
  if (!response.ok || body.data == null) throw new Error(`HTTP ${response.status}`);
  return body.data;
}

const NEIGHBORHOOD = `query Neighborhood($id: ID!, $limit: Int!) {
  neighborhood(id: $id, depth: 1, limit: $limit) {
    nodes { id kind label report phase }
    edges { id type source target rule evidence { start end } score }
  }
}`;

export async function neighborhood(id: string, limit = 200): Promise<Subgraph> {
  const data = await gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, limit });
  return data.neighborhood;
}

export async function resolveName(name: string): Promise<ResolvedEntity[]> {
  const data = await gql<{ resolve: ResolvedEntity[] }>(
    'query Resolve($name: String!) { resolve(name: $name) { id kind name nameEn } }',
    { name },
  );
  return data.resolve;
}

export async function searchText(text: string): Promise<SearchHit[]> {
  const data = await gql<{ search: SearchHit[] }>(
    'query Search($text: String!) { search(text: $text, first: 20) { id kind label snippet } }',
    { text },
  );
  return data.search;
}

export async function listReports(): Promise<ReportSummary[]> {
  const data = await gql<{ reports: ReportSummary[] }>('{ reports { id title } }');
  return data.reports;
}

/** Memoises an async load per key; a failed load is forgotten so it can be retried. */
export function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let entry = cache.get(key);
    if (!entry) {
      entry = load(key);
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };
}

/** The text of a report, which every span indexes into. */
export const reportText = cached(async (id: string): Promise<string> => {
  const data = await gql<{ report: { text: string } | null }>(
    'query ReportText($id: ID!) { report(id: $id) { text } }',
    { id },
  );
  if (!data.report) throw new Error(`NOT_FOUND: no report "${id}"`);
  return data.report.text;
});

export interface Passage extends Span {
  text: string;
}

export interface CommitmentDetail {
  id: string;
  text: string;
  phase: Phase;
  span: Span;
  passage: Passage;
  report: { id: string; title: string };
  section: { path: string; title: string } | null;
  targets: Figure[];
  results: Figure[];
  links: CommitmentLink[];
}

const COMMITMENT = `query Commitment($id: ID!) {
  commitment(id: $id) {
    id text phase span { start end } passage { start end text }
    report { id title } section { path title }
    targets { text value low high unit qualifier } results { text value low high unit qualifier }
    links { kind rule evidence { start end } entity { id name } }
  }
}`;

/** One commitment with its paragraph's words: what the detail shows, without the report's text. */
export const commitmentDetail = cached(async (id: string): Promise<CommitmentDetail> => {
  const data = await gql<{ commitment: CommitmentDetail | null }>(COMMITMENT, { id });
  if (!data.commitment) throw new Error(`NOT_FOUND: no commitment has id "${id}"`);
  return data.commitment;
});

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
