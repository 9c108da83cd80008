// Entities one of whose name keys (Chinese, aliases, English, pinyin; lower-cased) is $key,
// or whose id is $name (answers give ids, and researchers paste them back).
// Only the entity labels are scanned: a list property has no index, and scanning every node
// (sentences, sections, figures) took 10 ms with 30 reports stored against 2 ms for these.
MATCH (n)
WHERE (n:Place OR n:Industry OR n:Theme OR n:Project OR n:Organization OR n:Metric)
  AND ($key IN n.keys OR n.id = $name)
RETURN n {.*} AS node, [l IN labels(n) WHERE l <> 'Node'][0] AS kind
ORDER BY n.id
