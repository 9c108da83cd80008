// One step of a walk (src/store/traverse.ts): every edge touching one of the nodes in
// $ids, and the nodes at their ends (summaries), but of the ends not in $known only the first $budget,
// by kind (ranked by $rank, a map from label to its place in the model's list of kinds)
// then id, and only the edges to the ends kept. A hub (a country, a theme) has thousands of
// neighbours; a neighbourhood keeps a few hundred, so the rest never leave the server.
// $known includes $ids; $take is size($known) + $budget: the ends in $known, which are all
// kept, come first in the order, so the first $take ends hold them and the $budget others.
// The cut is a top-k (Top, a heap of $take) rather than a sort of every end, and each end's
// kind is read once (labels(m)), not once per kind: for Shenyang's 4,610 ends with 600
// reports 21,800 database hits instead of 72,000 (docs/decisions.md).
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
WITH collect(n) AS frontier
CALL {
  WITH frontier
  UNWIND frontier AS n
  MATCH (n)-[r]-(m)
  WITH m, collect(r) AS rels
  WITH m, rels, m.id IN $known AS seen
  ORDER BY seen DESC, $rank[[l IN labels(m) WHERE l <> 'Node'][0]], m.id
  LIMIT $take
  RETURN collect({m: m, rels: rels, seen: seen}) AS ends
}
WITH frontier, [e IN ends WHERE e.seen] + [e IN ends WHERE NOT e.seen][0..$budget] AS kept
WITH frontier, [e IN kept | e.m] AS near, [e IN kept | e.rels] AS rels
UNWIND CASE rels WHEN [] THEN [null] ELSE rels END AS ofEnd
UNWIND CASE ofEnd WHEN [] THEN [null] ELSE ofEnd END AS r
WITH frontier, near, collect(DISTINCT r) AS rels
WITH rels, [x IN frontier + [y IN near WHERE NOT y IN frontier] | {x: x, kind: [l IN labels(x) WHERE l <> 'Node'][0]}] AS ends
// Each node as a summary (model nodeSummary): what its label is made of, a sentence's first
// $labelChars characters, not its properties (a report node holds its whole text). With
// $keysOnly (a question asking only ids) only each node's kind and id and each edge's id:
// a quarter of the statement's time at three reports, reading and sending the rest.
// Nodes and edges go as lists in a fixed order, not maps: a map's keys are packed and
// unpacked with every value, about 0.2 ms of a 0.7 ms statement at three reports
// (docs/decisions.md). Node: [kind, id, reportId, phase, title, path, name, text] (the
// first two alone with $keysOnly); edge: [type, source, target, id or its properties].
RETURN [e IN ends | CASE WHEN $keysOnly THEN [e.kind, e.x.id]
         ELSE [e.kind, e.x.id, e.x.reportId, e.x.phase, e.x.title, e.x.path, e.x.name,
           CASE WHEN e.kind IN ['Commitment', 'Target', 'Result'] THEN left(e.x.text, $labelChars) END]
         END] AS nodes,
       [r IN rels | [type(r), startNode(r).id, endNode(r).id,
         CASE WHEN $keysOnly THEN r.id ELSE r {.*} END]] AS edges
