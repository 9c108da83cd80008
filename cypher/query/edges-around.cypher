// Every edge touching one of the nodes in $ids, in either direction, with its ends.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r]-(m:Node)
USING INDEX SEEK n:Node(id)
WITH DISTINCT r, startNode(r) AS a, endNode(r) AS b
RETURN type(r) AS type, r {.*} AS edge, a.id AS source, b.id AS target
ORDER BY r.id
