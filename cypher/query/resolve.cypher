// Entities one of whose name keys (Chinese, aliases, English, pinyin; lower-cased) is $key.
MATCH (n:Node)
WHERE n.keys IS NOT NULL AND $key IN n.keys
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Node'][0] AS kind
ORDER BY n.id
