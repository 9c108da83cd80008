// One batch of nodes of one kind: $rows = [{id, props}]. {{KIND}} is replaced by the
// node kind, checked against the model's list of kinds (see edges.cypher for why).
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
  ON CREATE SET n.created = true
WITH n, row, n.created AS created
SET n:{{KIND}}
SET n += row.props
REMOVE n.created
RETURN count(CASE WHEN created THEN 1 END) AS created
