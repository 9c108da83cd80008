// How many reports are stored: Neo4j answers a label count from its count store, without reading a node.
MATCH (r:Report)
RETURN count(r) AS n
