// Edges of the given $types from each commitment in $ids to the entities they name.
UNWIND $ids AS id
MATCH (c:Node {id: id})-[r]->(e:Node)
USING INDEX SEEK c:Node(id)
WHERE type(r) IN $types
RETURN id, type(r) AS type, r {.*} AS edge, e {.*} AS entity,
       [l IN labels(e) WHERE l <> 'Node'][0] AS kind
ORDER BY id, type, e.id
