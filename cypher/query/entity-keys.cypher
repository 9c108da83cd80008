// Every entity's name keys, for suggesting near misses when a name resolves to nothing.
// Only the entity labels are scanned (see resolve.cypher).
MATCH (n)
WHERE (n:Place OR n:Industry OR n:Theme OR n:Project OR n:Organization OR n:Metric)
  AND n.keys IS NOT NULL
RETURN n.id AS id, n.name AS name, n.keys AS keys
ORDER BY n.id
