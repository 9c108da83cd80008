// Every edge with its ends, for export.
MATCH (a:Node)-[r]->(b:Node)
RETURN type(r) AS type, r {.*} AS edge, a.id AS source, b.id AS target
ORDER BY r.id
