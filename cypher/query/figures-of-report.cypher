// {{KIND}}s of the report $report, with figures.cypher's other filters (each may be null),
// in report order: from the index of report-owned nodes, not every {{KIND}} stored, which
// grows with the corpus (one report's Targets with 60 reports stored: 4.5 ms by label,
// 2.2 ms from the index). Linking asks for every report's own figures.
MATCH (f:Node {reportId: $report})
USING INDEX SEEK f:Node(reportId)
WHERE f:{{KIND}}
  AND ($measure IS NULL OR f.measure = $measure)
  AND ($year IS NULL OR f.year = $year)
  AND ($jurisdictions IS NULL OR f.jurisdiction IN $jurisdictions)
  AND ($status IS NULL OR f.status = $status)
RETURN f {.*} AS node
ORDER BY f.sortKey, f.id
LIMIT $first
