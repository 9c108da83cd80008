// Projects named in commitments, filtered (every parameter may be null), by id.
// $themes: theme ids; a project matches when a commitment naming it SERVES one of them or
// a theme they comprise (五大安全 comprises 粮食安全). $places: place ids; a project matches
// when it is LOCATED_IN one of them or in a place PART_OF one.
MATCH (p:Project)
WHERE ($report IS NULL OR EXISTS { MATCH (c:Commitment)-[:MENTIONS]->(p) WHERE c.reportId = $report })
  AND ($themes IS NULL OR EXISTS {
    MATCH (t:Node)-[:COMPRISES*0..]->(:Theme)<-[:SERVES]-(:Commitment)-[:MENTIONS]->(p)
    WHERE t.id IN $themes
  })
  AND ($places IS NULL OR EXISTS {
    MATCH (p)-[:LOCATED_IN]->(:Node)-[:PART_OF*0..]->(t:Node)
    WHERE t.id IN $places
  })
RETURN p {.*} AS node
ORDER BY p.id
LIMIT $first
