// Of the annual figures (no multi-year ones) of the metrics in $metrics, {{KINDS}} (Target,
// Result or Target|Result), with figures.cypher's other filters (each may be null), the one
// standing for each kind, jurisdiction and year: the first stated in the latest report, a
// base (rule 'base') only when no report states the figure itself, and of a Result that
// report's first point value ($points: qualifiers EXACT, ABOUT) over a milestone it passed
// (model standingFigure).
// Picked here, so that a series is whole however many figures were stated, and only the
// standing ones are sent. `f.year IS NOT NULL` lets the (metricId, year) index serve, as
// in figures-of-metrics.cypher. A metric series asks for targets and results at once
// (Target|Result: a union of the two index seeks): one round trip, not two.
MATCH (f:{{KINDS}})
WHERE f.metricId IN $metrics AND f.year IS NOT NULL AND f.startYear IS NULL
  AND ($report IS NULL OR f.reportId = $report)
  AND ($measure IS NULL OR f.measure = $measure)
  AND ($year IS NULL OR f.year = $year)
  AND ($jurisdictions IS NULL OR f.jurisdiction IN $jurisdictions)
  AND ($status IS NULL OR f.status = $status)
WITH f ORDER BY f.sortKey, f.id
WITH CASE WHEN f:Target THEN 'Target' ELSE 'Result' END AS kind, f.jurisdiction AS jurisdiction,
     f.year AS year, collect(f) AS stated
WITH kind, jurisdiction, year, stated, [x IN stated WHERE x.rule <> 'base'] AS direct
WITH kind, jurisdiction, year, CASE direct WHEN [] THEN stated ELSE direct END AS pool
WITH kind, jurisdiction, year, [x IN pool WHERE x.reportId = last(pool).reportId] AS latest
WITH kind, jurisdiction, year, latest, [x IN latest WHERE x:Result AND x.qualifier IN $points] AS points
WITH kind, jurisdiction, year, coalesce(points[0], latest[0]) AS f
RETURN kind, f {.*} AS node
ORDER BY year, jurisdiction
