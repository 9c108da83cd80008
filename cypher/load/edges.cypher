// One batch of edges of one type: $rows = [{id, source, target, hash, props, claim}].
// {{TYPE}} is replaced by the edge type, checked against the model's list of types:
// Neo4j 5.26.0 caches a dynamic type in MERGE ($(…)) with the plan, so every later
// batch would get the first batch's type.
// An edge stored with the same hash is left as it is (see nodes.cypher).
// An edge a report draws between shared entities (row.claim) keeps every report that drew
// it in r.reportIds (see delete-report.cypher); lexicon edges (no reportId) have none.
// CYPHER replan=skip: a plan by unique ids, as in nodes.cypher.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {id: row.source})
USING INDEX SEEK a:Node(id)
MATCH (b:Node {id: row.target})
USING INDEX SEEK b:Node(id)
MERGE (a)-[r:{{TYPE}} {id: row.id}]->(b)
  ON CREATE SET r.created = true
WITH r, row, r.created AS created
WHERE created OR r.rowHash IS NULL OR r.rowHash <> row.hash
SET r += row.props
SET r.rowHash = row.hash
SET r.reportIds = CASE
  WHEN row.claim IS NULL OR row.props.reportId IS NULL THEN r.reportIds
  ELSE [x IN coalesce(r.reportIds, []) WHERE x <> row.props.reportId] + row.props.reportId
END
REMOVE r.created
RETURN count(CASE WHEN created THEN 1 END) AS created
