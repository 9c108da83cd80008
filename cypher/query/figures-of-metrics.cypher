// Targets or Results ({{KIND}}) of the metrics in $metrics, with figures.cypher's other
// filters (each may be null), in report order. Every figure has a year, and saying so lets
// the (metricId, year) index serve a metric alone: with 600 reports, the national GDP
// series read 600 of 24,800 targets instead of every one (34 to 19 ms).
MATCH (f:{{KIND}})
WHERE f.metricId IN $metrics AND f.year IS NOT NULL
  AND ($report IS NULL OR f.reportId = $report)
  AND ($measure IS NULL OR f.measure = $measure)
  AND ($year IS NULL OR f.year = $year)
  AND ($jurisdictions IS NULL OR f.jurisdiction IN $jurisdictions)
  AND ($status IS NULL OR f.status = $status)
RETURN f {.*} AS node
ORDER BY f.sortKey, f.id
LIMIT $first
