// Every entity's name keys, for suggesting near misses when a name resolves to nothing.
MATCH (n:Node)
WHERE n.keys IS NOT NULL
RETURN n.id AS id, n.name AS name, n.keys AS keys
ORDER BY n.id
