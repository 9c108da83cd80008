// For each project in $ids, the themes served by the commitments that name it.
UNWIND $ids AS id
MATCH (p:Node {id: id})<-[:MENTIONS]-(:Commitment)-[:SERVES]->(t:Theme)
USING INDEX SEEK p:Node(id)
WITH DISTINCT id, t
RETURN id, t {.*} AS node, 'Theme' AS kind
ORDER BY id, t.id
