// Node counts by kind and edge counts by type.
CALL {
  MATCH (n:Node)
  RETURN 'node' AS what, [l IN labels(n) WHERE l <> 'Node'][0] AS name, count(*) AS n
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'edge' AS what, type(r) AS name, count(*) AS n
}
RETURN what, name, n
