// Of the edges between shared nodes a report brings ($rows = [{id, type, source, target,
// hash}]), those already stored with the same hash: they are not sent again. Both ends are
// found first, so that the edge is looked for between them (a place such as 中国 has
// thousands of edges; expanding from it was 18,000 rows for 400 edges).
// CYPHER replan=skip: a plan by unique ids, as in nodes.cypher.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {id: row.source}), (b:Node {id: row.target})
USING INDEX SEEK a:Node(id)
USING INDEX SEEK b:Node(id)
MATCH (a)-[r]->(b)
WHERE type(r) = row.type AND r.id = row.id AND r.rowHash = row.hash
RETURN collect(row.id) AS stored
