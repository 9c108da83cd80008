/**
 * Limits every request meets before it runs: query depth, query complexity (list sizes
 * multiply what is under them), and a time limit on the whole request.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError,
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
const MAX_PAGE = 1000;

function refused(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
}

/**
 * Depth of the deepest field path, fragments expanded. Introspection (__schema, __type) is
 * left out: IDEs ask for the schema with a query about 15 levels deep.
 */
export function queryDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depth = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value === '__schema' || s.name.value === '__type') continue;
        max = Math.max(max, s.selectionSet ? 1 + depth(s.selectionSet, seen) : 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depth(s.selectionSet, seen));
      else if (!seen.has(s.name.value)) {
        const f = fragments.get(s.name.value);
        max = Math.max(max, depth(f?.selectionSet, new Set([...seen, s.name.value])));
      }
    }
    return max;
  };
  let max = 0;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && d.name?.value !== operationName) continue;
    max = Math.max(max, depth(d.selectionSet, new Set()));
  }
  return max;
}

/** A field costs 1 plus what is under it, times the page size it asks for. */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  // Above the allowed page size the argument itself is refused (BAD_USER_INPUT), so count it at the cap.
  const first = typeof args.first === 'number' ? Math.min(MAX_PAGE, Math.max(1, args.first)) : 1;
  return 1 + childComplexity * first;
};

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
  const measured = new WeakMap<DocumentNode, Map<string, { depth: number; complexity: number }>>();
  const measure = (
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ) => {
    const key = smallKey(operationName, variables);
    let forDocument = measured.get(document);
    const known = key === null ? undefined : forDocument?.get(key);
    if (known) return known;
    const depth = queryDepth(document, operationName);
    const complexity =
      depth > MAX_DEPTH
        ? Infinity
        : getComplexity({
            schema,
            query: document,
            variables,
            operationName,
            estimators: [pageSizeEstimator],
          });
    if (key !== null) {
      if (!forDocument) measured.set(document, (forDocument = new Map()));
      if (forDocument.size >= 100) forDocument.clear(); // one query asked with endless variables
      forDocument.set(key, { depth, complexity });
    }
    return { depth, complexity };
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const { depth, complexity } = measure(
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
          );
          if (depth > MAX_DEPTH)
            throw refused(`query is ${depth} levels deep; at most ${MAX_DEPTH} are allowed`);
          if (complexity > MAX_COMPLEXITY) {
            throw refused(
              `query complexity is ${complexity}, above the budget of ${MAX_COMPLEXITY}: ask for smaller pages (first) or fewer nested lists`,
            );
          }
        },
      };
    },
  };
}

/**
 * Answers 503 with a GraphQL error when a request runs longer than `ms`. A query is
 * abandoned; a mutation is not stopped (an ingest stores its report whole or not at all,
 * and goes on after the answer), so the answer says so (`continues`) and how to see it.
 */
export function timeLimit(ms: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const ingest = runningMutation(req.body);
      res.status(503).json({
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
      });
    }, ms);
    res.on('finish', () => clearTimeout(timer));
    res.on('close', () => clearTimeout(timer));
    next();
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
