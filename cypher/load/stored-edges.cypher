// Of the edges between shared nodes a report brings ($rows = [{id, type, source, target,
// hash}]), those already stored with the same hash: they are not sent again.
UNWIND $rows AS row
MATCH (a:Node {id: row.source})-[r]->(b:Node {id: row.target})
WHERE type(r) = row.type AND r.id = row.id AND r.rowHash = row.hash
RETURN collect(row.id) AS stored
