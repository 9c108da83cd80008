// Projects named in commitments, filtered (every parameter may be null), by id.
// $themes: theme ids; a project matches when a commitment naming it SERVES one of them or
// a theme they comprise (五大安全 comprises 粮食安全). $places: place ids; a project matches
// when it is LOCATED_IN one of them or in a place PART_OF one.
// The walk starts from the themes asked about, else from the places, else from every
// project: the commitments serving a theme are far fewer than those naming any project
// (with 600 reports, checking every project's commitments for the theme was 270,000
// database hits and 58 ms; from the theme, 7.5 ms).
// Ids are sought (USING INDEX SEEK), and the end of the walk in the places filter carries no
// label, so that the planner cannot scan the id index instead (see commitments.cypher).
CALL () {
  WITH 1 AS anchor WHERE $themes IS NOT NULL
  MATCH (t:Node) USING INDEX SEEK t:Node(id) WHERE t.id IN $themes
  MATCH (t)-[:COMPRISES*0..]->(:Theme)<-[:SERVES]-(:Commitment)-[:MENTIONS]->(p:Project)
  RETURN DISTINCT p
  UNION
  WITH 1 AS anchor WHERE $themes IS NULL AND $places IS NOT NULL
  MATCH (t:Node) USING INDEX SEEK t:Node(id) WHERE t.id IN $places
  MATCH (p:Project)-[:LOCATED_IN]->(:Node)-[:PART_OF*0..]->(t)
  RETURN DISTINCT p
  UNION
  WITH 1 AS anchor WHERE $themes IS NULL AND $places IS NULL
  MATCH (p:Project)
  RETURN p
}
WITH p
WHERE ($report IS NULL OR EXISTS { MATCH (c:Commitment)-[:MENTIONS]->(p) WHERE c.reportId = $report })
  AND ($places IS NULL OR EXISTS {
    MATCH (p)-[:LOCATED_IN]->(:Node)-[:PART_OF*0..]->(t)
    WHERE t.id IN $places
  })
RETURN p {.*} AS node
ORDER BY p.id
LIMIT $first
