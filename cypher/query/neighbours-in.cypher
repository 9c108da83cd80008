// For each node in $ids, the nodes pointing to it by edges of type $type.
UNWIND $ids AS id
MATCH (n:Node {id: id})<-[r]-(m:Node)
USING INDEX SEEK n:Node(id)
WHERE type(r) = $type
RETURN id, m {.*} AS node, [l IN labels(m) WHERE l <> 'Node'][0] AS kind
ORDER BY id, m.id
