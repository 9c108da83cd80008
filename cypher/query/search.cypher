// Full-text search over sentences and headings (text_search) and entity names
// (name_search), both with the CJK analyzer; $query is a Lucene query, escaped by the caller.
CALL {
  CALL db.index.fulltext.queryNodes('text_search', $query, {limit: $first}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('name_search', $query, {limit: $first}) YIELD node, score
  RETURN node, score
}
RETURN node {.*} AS node, [l IN labels(node) WHERE l <> 'Node'][0] AS kind, score
ORDER BY score DESC, node.id
LIMIT $first
