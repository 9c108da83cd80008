// Targets or Results ({{KIND}}) matching the filter (every parameter may be null), in
// report order. Asked about metrics, the store uses figures-of-metrics.cypher instead,
// which starts from the metric index; about a report, figures-of-report.cypher.
MATCH (f:{{KIND}})
WHERE ($report IS NULL OR f.reportId = $report)
  AND ($measure IS NULL OR f.measure = $measure)
  AND ($year IS NULL OR f.year = $year)
  AND ($jurisdictions IS NULL OR f.jurisdiction IN $jurisdictions)
  AND ($status IS NULL OR f.status = $status)
RETURN f {.*} AS node
ORDER BY f.sortKey, f.id
LIMIT $first
