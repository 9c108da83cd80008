// Every node, in batches (their relationships are gone: clear-edges runs first).
MATCH (n)
CALL {
  WITH n
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
