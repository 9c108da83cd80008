/**
 * Limits every request meets before it runs: query depth, query complexity (list sizes
 * multiply what is under them), and a time limit on the whole request.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError,
  Kind,
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

export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const depth = queryDepth(document, request.operationName);
          if (depth > MAX_DEPTH)
            throw refused(`query is ${depth} levels deep; at most ${MAX_DEPTH} are allowed`);
          const complexity = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [pageSizeEstimator],
          });
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

/** Answers 503 with a GraphQL error when a request runs longer than `ms`. */
export function timeLimit(ms: number) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.status(503).json({
        errors: [
          {
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
