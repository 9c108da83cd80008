// Of the shared nodes a report brings ($rows = [{id, hash}]), those already stored with the
// same hash: they are not sent again.
// CYPHER replan=skip: a plan by unique ids, as in nodes.cypher.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
USING INDEX SEEK n:Node(id)
WHERE n.rowHash = row.hash
RETURN collect(row.id) AS stored
