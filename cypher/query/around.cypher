// One step of a walk: every edge touching one of the nodes in $ids, with its ends, and
// those nodes themselves (the given ones included), so that a neighbourhood costs one
// round trip per step.
UNWIND $ids AS id
MATCH (n:Node {id: id})
OPTIONAL MATCH (n)-[r]-(m:Node)
WITH collect(DISTINCT n) + collect(DISTINCT m) AS found, collect(DISTINCT r) AS rels
RETURN [x IN found | {node: x {.*}, kind: [l IN labels(x) WHERE l <> 'Node'][0]}] AS nodes,
       [r IN rels | {type: type(r), edge: r {.*}, source: startNode(r).id, target: endNode(r).id}]
         AS edges
