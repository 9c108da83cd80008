/**
 * Limits every request meets before it runs: document size (tokens, fields once fragments
 * are expanded), query depth, variables' nesting, query complexity (list sizes multiply
 * what is under them), and a time limit on the whole request.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNullableType,
  GraphQLError,
  isListType,
  Kind,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

export const MAX_DEPTH = 10;
export const MAX_COMPLEXITY = 200_000;
/** Fields of a document once its fragments are expanded: beyond this it is refused unmeasured. */
export const MAX_FIELDS = 10_000;
/**
 * Tokens in a document: a million took seconds to parse, and validating 1,000 aliases
 * (6,000 tokens) about 0.2 s. The IDE's schema query has about 300; GraphQL's longest
 * question here a few hundred.
 */
export const MAX_TOKENS = 5_000;
/** Nesting and number of values in a request's variables (no input nests deeper than 3). */
export const MAX_VARIABLE_DEPTH = 16;
export const MAX_VARIABLE_VALUES = 10_000;
const MAX_PAGE = 1000;

/**
 * A report's text is tens of kilobytes: it costs what a page of small items does.
 */
export const TEXT_COST = 1000;
/**
 * Lists without a page size (first) cost as many items as they hold at most in practice;
 * lists a parent pages (a connection's nodes, a subgraph's nodes and edges) cost one, the
 * parent multiplies. A list not named here (a commitment's places, links, ...) holds a few.
 */
const LIST_SIZES: Record<string, number> = {
  'Query.reports': 100,
  'Query.resolve': 20,
  'Query.metricSeries': 100,
  'Query.targetComparison': 50,
  'Report.sections': 100,
  'Section.children': 20,
  'Place.parts': 50,
  'SharedEntity.reports': 100,
  'CommitmentConnection.nodes': 1,
  'Subgraph.nodes': 1,
  'Subgraph.edges': 1,
};
const FEW = 5;

function refused(message: string, code = 'GRAPHQL_VALIDATION_FAILED'): GraphQLError {
  // A client's mistake: 400, not the 500 Apollo gives errors thrown before execution.
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

export interface QueryShape {
  /** The deepest field path, fragments expanded; introspection left out. */
  depth: number;
  /** Fields once fragments are expanded, introspection included. */
  fields: number;
}

/**
 * Depth and expanded size of a document. Each fragment is measured once: its shape does
 * not depend on where it is spread, so a chain of fragments each spreading the next twice
 * costs its length, not 2^length. Introspection (__schema, __type) is left out of the
 * depth: IDEs ask for the schema with a query about 15 levels deep.
 */
export function queryShape(document: DocumentNode, operationName?: string | null): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const known = new Map<string, QueryShape>();
  const active = new Set<string>();
  const none: QueryShape = { depth: 0, fields: 0 };
  const ofFragment = (name: string): QueryShape => {
    const memo = known.get(name);
    if (memo) return memo;
    const f = fragments.get(name);
    // Unknown and cyclic fragments are refused by validation; here they only must end.
    if (!f || active.has(name)) return none;
    active.add(name);
    const shape = ofSet(f.selectionSet);
    active.delete(name);
    known.set(name, shape);
    return shape;
  };
  const ofSet = (set: SelectionSetNode | undefined): QueryShape => {
    if (!set) return none;
    let depth = 0;
    let fields = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const below = ofSet(s.selectionSet);
        fields += 1 + below.fields;
        if (s.name.value !== '__schema' && s.name.value !== '__type')
          depth = Math.max(depth, 1 + below.depth);
      } else {
        const below =
          s.kind === Kind.INLINE_FRAGMENT ? ofSet(s.selectionSet) : ofFragment(s.name.value);
        fields += below.fields;
        depth = Math.max(depth, below.depth);
      }
    }
    return { depth, fields };
  };
  const shape = { depth: 0, fields: 0 };
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    const s = ofSet(d.selectionSet);
    shape.depth = Math.max(shape.depth, s.depth);
    shape.fields += s.fields;
  }
  return shape;
}

/** Depth of the deepest field path, fragments expanded (see queryShape). */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  return queryShape(document, operationName).depth;
}

/**
 * A field costs 1 plus what is under it times the number of items it can answer: its page
 * size (first), a neighbourhood's limit for each step, a path's length, or the list sizes
 * above; a report's text costs TEXT_COST.
 */
const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const at = `${type.name}.${field.name}`;
  if (at === 'Report.text') return TEXT_COST;
  // Above the allowed sizes the argument itself is refused (BAD_USER_INPUT): count at the cap.
  const size = (v: unknown, max: number, fallback: number) =>
    typeof v === 'number' ? Math.min(max, Math.max(1, v)) : fallback;
  let items: number;
  if (at === 'Query.neighborhood') items = size(args.limit, 1000, 200) * size(args.depth, 3, 1);
  else if (at === 'Query.path') items = size(args.maxLength, 8, 4) + 1;
  else if ('first' in args) items = size(args.first, MAX_PAGE, MAX_PAGE);
  else if (isListType(getNullableType(field.type))) items = LIST_SIZES[at] ?? FEW;
  else items = 1;
  return 1 + childComplexity * items;
};

/**
 * Refuses variables nested deeper or holding more values than any input needs, walking
 * them without recursion: a thousand nested arrays would overflow the stack of the
 * recursive checks after this one.
 */
export function checkVariables(variables: Record<string, unknown>): void {
  const stack: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let values = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++values > MAX_VARIABLE_VALUES)
      throw refused(`the variables hold more than ${MAX_VARIABLE_VALUES} values`, 'BAD_USER_INPUT');
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLE_DEPTH)
      throw refused(
        `the variables nest deeper than ${MAX_VARIABLE_DEPTH} levels`,
        'BAD_USER_INPUT',
      );
    for (const v of Object.values(value)) stack.push({ value: v, depth: depth + 1 });
  }
}

/**
 * The variables as a key for remembered measures, when they are small (names, ids, page
 * sizes); null for anything larger, such as a report's text, which is not worth keeping.
 */
function smallKey(operationName: string | undefined, variables: Record<string, unknown>) {
  const small = (v: unknown): boolean =>
    v === null ||
    typeof v === 'number' ||
    typeof v === 'boolean' ||
    (typeof v === 'string' && v.length <= 200) ||
    (Array.isArray(v) && v.length <= 50 && v.every(small));
  return Object.values(variables).every(small)
    ? JSON.stringify([operationName ?? null, variables])
    : null;
}

export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  // Apollo parses a query text once and hands the same document to every request that
  // sends it, so the measures are kept per document and variables: working out the
  // complexity took about 60 µs of each request's 0.7 ms on the embedded store.
  const measured = new WeakMap<DocumentNode, Map<string, number>>();
  const complexityOf = (
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): number => {
    const key = smallKey(operationName, variables);
    let forDocument = measured.get(document);
    const known = key === null ? undefined : forDocument?.get(key);
    if (known !== undefined) return known;
    let complexity: number;
    try {
      complexity = getComplexity({
        schema,
        query: document,
        variables,
        operationName,
        estimators: [pageSizeEstimator],
      });
    } catch (e) {
      // It coerces the variables before execution does: a variable of the wrong type.
      if (e instanceof GraphQLError) throw refused(e.message, 'BAD_USER_INPUT');
      throw e;
    }
    if (key !== null) {
      if (!forDocument) measured.set(document, (forDocument = new Map()));
      if (forDocument.size >= 100) forDocument.clear(); // one query asked with endless variables
      forDocument.set(key, complexity);
    }
    return complexity;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const operationName = request.operationName ?? undefined;
          // Linear in the document's length: not worth remembering.
          const shape = queryShape(document, operationName);
          if (shape.depth > MAX_DEPTH)
            throw refused(`query is ${shape.depth} levels deep; at most ${MAX_DEPTH} are allowed`);
          if (shape.fields > MAX_FIELDS) {
            throw refused(
              `query has ${shape.fields} fields once its fragments are expanded; at most ${MAX_FIELDS} are allowed`,
            );
          }
          const variables = request.variables ?? {};
          checkVariables(variables);
          const complexity = complexityOf(document, operationName, variables);
          if (complexity > MAX_COMPLEXITY) {
            throw refused(
              `query complexity is ${complexity}, above the budget of ${MAX_COMPLEXITY}: ask for smaller pages (first), fewer nested lists, texts or neighbourhoods`,
            );
          }
        },
      };
    },
  };
}

/**
 * The answer (503) to a request that ran longer than `ms`. A query is abandoned; a mutation
 * is not stopped (an ingest stores its report whole or not at all, and goes on after the
 * answer), so the answer says so (`continues`) and how to see it.
 */
export function timeoutAnswer(ms: number, body: unknown): { errors: unknown[] } {
  const ingest = runningMutation(body);
  return {
    errors: [
      ingest
        ? {
            message: `the request took longer than ${ms} ms; the ingest ${ingest.id ? `of ${ingest.id} ` : ''}goes on: query report(id) to see when it is stored (whole, or not at all if it fails)`,
            extensions: { code: 'TIMEOUT', continues: true },
          }
        : {
            message: `the request took longer than ${ms} ms and was stopped`,
            extensions: { code: 'TIMEOUT' },
          },
    ],
  };
}

/** The mutation a request body runs, with the report id it names when it names one. */
function runningMutation(body: unknown): { id: string | null } | null {
  const { query, operationName, variables } = (body ?? {}) as {
    query?: unknown;
    operationName?: unknown;
    variables?: Record<string, unknown> | null;
  };
  if (typeof query !== 'string') return null;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation =
    operations.length === 1
      ? operations[0]
      : operations.find((d) => d.name?.value === operationName);
  if (operation?.operation !== 'mutation') return null;
  // ingestReport(input: {id: "x", …}) or ingestReport(input: $input) with the id in $input.
  for (const s of operation.selectionSet.selections) {
    const input = s.kind === Kind.FIELD ? s.arguments?.find((a) => a.name.value === 'input') : null;
    if (!input) continue;
    if (input.value.kind === Kind.VARIABLE) {
      const id = (variables?.[input.value.name.value] as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') return { id };
    } else if (input.value.kind === Kind.OBJECT) {
      const id = input.value.fields.find((f) => f.name.value === 'id')?.value;
      if (id?.kind === Kind.STRING) return { id: id.value };
    }
  }
  return { id: null };
}
