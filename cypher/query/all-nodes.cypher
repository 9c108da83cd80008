// Every node with its kind, for export.
MATCH (n:Node)
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Node'][0] AS kind
ORDER BY n.id
