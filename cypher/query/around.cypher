// One step of a walk (src/store/traverse.ts): every edge touching one of the nodes in
// $ids, and the nodes at their ends, but of the ends not in $known only the first $budget,
// by kind (in the order of $kinds) then id, and only the edges to the ends kept. A hub (a
// country, a theme) has thousands of neighbours; a neighbourhood keeps a few hundred, so
// the rest never leave the server. $known includes $ids.
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
WITH collect(n) AS frontier
UNWIND frontier AS n
OPTIONAL MATCH (n)-[r]-(m:Node)
WITH frontier, m, collect(r) AS rels
WITH frontier, m, rels, m.id IN $known AS seen,
     [i IN range(0, size($kinds) - 1) WHERE $kinds[i] IN labels(m)][0] AS rank
ORDER BY seen DESC, rank, m.id
WITH frontier, collect({m: m, rels: rels, seen: seen}) AS ends
WITH frontier, [e IN ends WHERE e.seen] + [e IN ends WHERE NOT e.seen][0..$budget] AS kept
WITH frontier, [e IN kept | e.m] AS near, reduce(acc = [], e IN kept | acc + e.rels) AS rels
UNWIND CASE rels WHEN [] THEN [null] ELSE rels END AS r
WITH frontier, near, collect(DISTINCT r) AS rels
RETURN [x IN frontier + [y IN near WHERE NOT y IN frontier] | {node: x {.*}, kind: [l IN labels(x) WHERE l <> 'Node'][0]}] AS nodes,
       [r IN rels | {type: type(r), edge: r {.*}, source: startNode(r).id, target: endNode(r).id}]
         AS edges
