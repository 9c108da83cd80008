// Nodes by graph id, with their kind.
UNWIND $ids AS id
MATCH (n:Node {id: id})
USING INDEX SEEK n:Node(id)
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Node'][0] AS kind
