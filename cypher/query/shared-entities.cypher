// Entities of one kind ({{KIND}}: Place, Industry, Theme, Project or Organization) that
// commitments link (INVOLVES, CONCERNS, SERVES, MENTIONS: directly, not through the
// entity's parts), with the reports whose commitments do: those linked from at least
// $minReports reports, the most reports first, then by id, at most $first. $curated: true
// (lexicon entries), false (read from the text) or null (both); $year: only the commitments
// of that year's reports, or null for all.
WITH COLLECT { MATCH (r:Report) WHERE r.year = $year RETURN r.reportId } AS counted
MATCH (e:{{KIND}})<-[:INVOLVES|CONCERNS|SERVES|MENTIONS]-(c:Commitment)
WHERE ($curated IS NULL OR e.curated = $curated)
  AND ($year IS NULL OR c.reportId IN counted)
WITH e, collect(DISTINCT c.reportId) AS reports, count(DISTINCT c) AS commitments
WHERE size(reports) >= $minReports
RETURN e {.*} AS node, reports, commitments
ORDER BY size(reports) DESC, e.id
LIMIT $first
