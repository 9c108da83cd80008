// One batch of a report's own nodes (its report, sections, commitments, figures): $rows =
// [{id, kind, props}]. They are new: the report's previous graph, if any, was deleted in
// the same transaction, so they are created without looking for a stored one first (the
// unique id is still enforced by its constraint).
// CYPHER replan=skip: see nodes.cypher.
CYPHER replan=skip
UNWIND $rows AS row
CREATE (n:Node {id: row.id})
SET n:$(row.kind)
SET n += row.props
RETURN count(n) AS created
