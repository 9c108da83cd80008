// Reports by metadata id ($ids), or all of them when $ids is null; in (year, id) order.
MATCH (r:Report)
WHERE $ids IS NULL OR r.reportId IN $ids
RETURN r {.*} AS node
ORDER BY r.year, r.reportId
