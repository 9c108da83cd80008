// The sections of each report in $reportIds, in text order.
MATCH (s:Section)
WHERE s.reportId IN $reportIds
RETURN s {.*} AS node
ORDER BY s.spanStart
