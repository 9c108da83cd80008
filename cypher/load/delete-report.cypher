// A report's derived graph (report, sections, commitments and their edges); shared
// entities and lexicon edges stay.
MATCH (n:Node {reportId: $reportId})
DETACH DELETE n
RETURN count(n) AS deleted
