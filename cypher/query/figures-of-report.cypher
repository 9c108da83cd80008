// {{KIND}}s of the report $report, with figures.cypher's other filters (each may be null),
// in report order: from the index of report-owned nodes, not every {{KIND}} stored
// (linking asks for each report's own figures; with 60 reports stored, reading every
// Target for them took 5 s of linking the 60).
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
