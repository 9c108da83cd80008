/** Requests that stalled the service or made it answer megabytes (issue 16). */

/** `fragment F0 on Query { ...F1 ... on Query { ...F1 } }` and so on, `n` deep. */
export function fragmentChain(n: number): string {
  const fragments = Array.from({ length: n }, (_, i) =>
    i + 1 < n
      ? `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`
      : `fragment F${i} on Query { reports { id } }`,
  );
  return `{ ...F0 } ${fragments.join(' ')}`;
}

export const aliases = (n: number, field: string) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

export const TEXTS = aliases(1000, 'reports { text }');
export const NEIGHBOURHOODS = aliases(
  100,
  'neighborhood(id: "place:沈阳", depth: 3, limit: 1000) { nodes { id } edges { id } }',
);
