// One batch of nodes of any kinds: $rows = [{id, kind, hash, props}].
// A node stored with the same hash is left as it is: the shared entities (the gazetteer,
// themes, industries …) come with every report and are rewritten only when they change,
// which spares the writes and the full-text index updates.
// The label is dynamic ($(row.kind)), which Neo4j 5.26 applies per row in SET (unlike a
// relationship type in MERGE, see edges.cypher).
// CYPHER replan=skip: the plan seeks by the unique id whatever the database holds, so
// replanning it as the statistics move (a growing or cleared database) is wasted work: it
// cost 2–3 ms per statement, a third of the server's statement time in a bulk load.
CYPHER replan=skip
UNWIND $rows AS row
OPTIONAL MATCH (stored:Node {id: row.id})
USING INDEX SEEK stored:Node(id)
WITH row, stored, stored IS NULL AS created
WHERE created OR stored.rowHash IS NULL OR stored.rowHash <> row.hash
MERGE (n:Node {id: row.id})
SET n:$(row.kind)
SET n += row.props
SET n.rowHash = row.hash
RETURN count(CASE WHEN created THEN 1 END) AS created
