/**
 * Which subgraph questions ask for keys only (asksOnlyKeys): the store then reads no labels,
 * rules or evidence. Anything it cannot see through (a fragment) asks for everything.
 */
import { parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { asksOnlyKeys } from '../../src/serve/views';

/** The top-level field nodes of a query document. */
const fields = (query: string): FieldNode[] =>
  (parse(query).definitions[0] as OperationDefinitionNode).selectionSet.selections as FieldNode[];

test.each([
  ['{ neighborhood(id: "x") { nodes { id } edges { id } } }', true],
  [
    '{ neighborhood(id: "x") { nodes { id kind __typename } edges { id type source target } } }',
    true,
  ],
  ['{ neighborhood(id: "x") { __typename nodes { id } } }', true],
  ['{ n: neighborhood(id: "x") { ids: nodes { key: id } } }', true],
  ['{ neighborhood(id: "x") { nodes { id label } edges { id } } }', false],
  ['{ neighborhood(id: "x") { nodes { id report phase } } }', false],
  ['{ neighborhood(id: "x") { nodes { id } edges { id rule } } }', false],
  ['{ neighborhood(id: "x") { edges { id evidence { start end } } } }', false],
  ['{ neighborhood(id: "x") { edges { score } } }', false],
  ['{ neighborhood(id: "x") { nodes { ...N } } } fragment N on GraphNode { id }', false],
  ['{ neighborhood(id: "x") { nodes { ... on GraphNode { id } } } }', false],
  ['{ neighborhood(id: "x") { ...S } } fragment S on Subgraph { nodes { id } }', false],
])('%s asks only for keys: %s', (query, expected) => {
  expect(asksOnlyKeys(fields(query))).toBe(expected);
});
