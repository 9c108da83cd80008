// A report's derived graph: its report, sections, commitments and figures with their edges,
// and the edges it drew between shared entities (a project's LOCATED_IN). Shared entities
// and lexicon edges stay.
MATCH (n:Node {reportId: $reportId})
DETACH DELETE n
WITH count(n) AS deleted
OPTIONAL MATCH (:Project)-[r:LOCATED_IN {reportId: $reportId}]->()
DELETE r
RETURN deleted
