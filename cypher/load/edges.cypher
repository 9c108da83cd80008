// One batch of edges of one type: $rows = [{id, source, target, props}].
// {{TYPE}} is replaced by the edge type, checked against the model's list of types:
// Neo4j 5.26.0 caches a dynamic type in MERGE ($(…)) with the plan, so every later
// batch would get the first batch's type.
UNWIND $rows AS row
MATCH (a:Node {id: row.source})
MATCH (b:Node {id: row.target})
MERGE (a)-[r:{{TYPE}} {id: row.id}]->(b)
  ON CREATE SET r.created = true
WITH r, row, r.created AS created
SET r += row.props
REMOVE r.created
RETURN count(CASE WHEN created THEN 1 END) AS created
