// Commitments matching the filter (every parameter may be null), in report order: the
// total and one page after $after.
// $involves: place ids; a commitment matches when it INVOLVES one of them or a place
// PART_OF one (a district counts for its city). $concerns: industries, likewise with
// their sub-industries. $serves: theme ids. $linked: any entity it links to (an entity's
// own commitments). $text: words the sentence contains.
// The walk starts from the places or themes asked about when there are some (Shenyang's
// few hundred commitments, not every one stored), else from the report, else from all.
CALL () {
  WITH 1 AS anchor WHERE $involves IS NOT NULL
  MATCH (t:Node) USING INDEX SEEK t:Node(id) WHERE t.id IN $involves
  MATCH (c:Commitment)-[:INVOLVES]->(:Node)-[:PART_OF*0..]->(t)
  RETURN DISTINCT c
  UNION
  WITH 1 AS anchor WHERE $involves IS NULL AND $serves IS NOT NULL
  MATCH (t:Node) USING INDEX SEEK t:Node(id) WHERE t.id IN $serves
  MATCH (c:Commitment)-[:SERVES]->(t)
  RETURN DISTINCT c
  UNION
  WITH 1 AS anchor WHERE $involves IS NULL AND $serves IS NULL AND $report IS NOT NULL
  MATCH (c:Commitment {reportId: $report})
  RETURN c
  UNION
  WITH 1 AS anchor WHERE $involves IS NULL AND $serves IS NULL AND $report IS NULL
  MATCH (c:Commitment)
  RETURN c
}
// The ends of the walks below carry no label, so that they are reached from c: with
// :Node, the planner may scan the id index for them instead when its statistics are off
// (a concerns filter took 680 ms that way, 6 ms from c). The lookups by id above and
// elsewhere say USING INDEX SEEK for the same reason (tests/store/neo4j-plans.test.ts).
// What the anchor walked is not checked again: "involves" holds for every commitment the
// first branch found (checking it again was 85% of the work for Shenyang in 150 reports),
// "serves" for those of the second.
WITH c
WHERE ($report IS NULL OR c.reportId = $report)
  AND ($phase IS NULL OR c.phase = $phase)
  AND ($sections IS NULL OR c.sectionId IN $sections)
  AND ($concerns IS NULL OR EXISTS {
    MATCH (c)-[:CONCERNS]->(:Node)-[:PART_OF*0..]->(t)
    WHERE t.id IN $concerns
  })
  AND ($serves IS NULL OR $involves IS NULL OR EXISTS {
    MATCH (c)-[:SERVES]->(t)
    WHERE t.id IN $serves
  })
  AND ($linked IS NULL OR EXISTS {
    MATCH (c)-[:INVOLVES|CONCERNS|SERVES|MENTIONS]->(:Node)-[:PART_OF*0..]->(t)
    WHERE t.id IN $linked
  })
  AND ($text IS NULL OR c.text CONTAINS $text)
// The total counts every match; only the page is sorted, the first $limit after $after
// (a top-k, not a sort of every match: with 600 reports, Shenyang's 4,200 18 -> 14 ms,
// China's 37,200 122 -> 93 ms).
WITH collect(c) AS matches
RETURN size(matches) AS totalCount,
       COLLECT {
         UNWIND matches AS m
         WITH m WHERE $after IS NULL OR m.sortKey > $after
         RETURN m ORDER BY m.sortKey LIMIT $limit
       } AS page
