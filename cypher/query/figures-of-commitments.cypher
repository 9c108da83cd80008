// Targets and results of each commitment in $ids, in text order.
UNWIND $ids AS id
MATCH (c:Node {id: id})-[:SETS|REPORTS]->(f:Node)
USING INDEX SEEK c:Node(id)
RETURN id, f {.*} AS node, [l IN labels(f) WHERE l <> 'Node'][0] AS kind
ORDER BY id, f.sortKey, f.id
