// Every relationship, in batches: first, so that no batch of nodes drags along the many
// thousand edges of a well-connected node (a country, a theme) and outgrows the memory a
// transaction may use.
MATCH ()-[r]->()
CALL {
  WITH r
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS
