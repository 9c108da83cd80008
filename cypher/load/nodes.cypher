// One batch of nodes of any kinds: $rows = [{id, kind, hash, props}].
// A node stored with the same hash is left as it is: the shared entities (the gazetteer,
// themes, industries …) come with every report and are rewritten only when they change,
// which spares the writes and the full-text index updates.
// The label is dynamic ($(row.kind)), which Neo4j 5.26 applies per row in SET (unlike a
// relationship type in MERGE, see edges.cypher).
UNWIND $rows AS row
OPTIONAL MATCH (stored:Node {id: row.id})
WITH row, stored, stored IS NULL AS created
WHERE created OR stored.rowHash IS NULL OR stored.rowHash <> row.hash
MERGE (n:Node {id: row.id})
SET n:$(row.kind)
SET n += row.props
SET n.rowHash = row.hash
RETURN count(CASE WHEN created THEN 1 END) AS created
