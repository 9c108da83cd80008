// Commitments matching the filter, in report order: the total and one page after $after.
// $involves: entity ids; a commitment matches when it INVOLVES one of them or a place
// PART_OF one (a district counts for its city).
MATCH (c:Commitment)
WHERE ($report IS NULL OR c.reportId = $report)
  AND ($phase IS NULL OR c.phase = $phase)
  AND ($sections IS NULL OR c.sectionId IN $sections)
  AND ($involves IS NULL OR EXISTS {
    MATCH (c)-[:INVOLVES]->(:Node)-[:PART_OF*0..]->(t:Node)
    WHERE t.id IN $involves
  })
WITH c ORDER BY c.sortKey
WITH collect(c) AS matches
RETURN size(matches) AS totalCount,
       [c IN matches WHERE $after IS NULL OR c.sortKey > $after][0..$limit] AS page
