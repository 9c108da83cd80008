// One batch of new edges of one type: those touching a report's own nodes, which are new
// (see new-nodes.cypher). $rows = [{id, source, target, props}]; {{TYPE}} as in edges.cypher.
// CYPHER replan=skip: see nodes.cypher.
CYPHER replan=skip
UNWIND $rows AS row
MATCH (a:Node {id: row.source})
USING INDEX SEEK a:Node(id)
MATCH (b:Node {id: row.target})
USING INDEX SEEK b:Node(id)
CREATE (a)-[r:{{TYPE}}]->(b)
SET r += row.props
SET r.id = row.id
RETURN count(r) AS created
