// A report's derived graph: its report, sections, commitments and figures with their edges.
// Shared entities and lexicon edges stay. An edge the report drew between shared entities
// (a project's LOCATED_IN) is claimed by every report that drew it (r.reportIds): this
// report's claim is withdrawn, and the edge goes only when no report claims it any more.
// Such an edge leaves an entity the report's own nodes point at (the project it names).
// When it carried this report's evidence, it names the first other claimant by id, without
// evidence, and its rowHash is cleared so that the next drawing writes it again (as the
// embedded store does).
CALL {
  // Each shared entity once (they have no reportId), however many sentences name it.
  MATCH (:Node {reportId: $reportId})-->(e)
  WHERE e.reportId IS NULL
  WITH DISTINCT e
  MATCH (e)-[r]->()
  WHERE $reportId IN r.reportIds
  WITH DISTINCT r
  WITH r, [x IN r.reportIds WHERE x <> $reportId] AS rest
  FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
  FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END |
    SET r.reportIds = rest
    FOREACH (__ IN CASE WHEN r.reportId = $reportId THEN [1] ELSE [] END |
      SET r.reportId = reduce(m = rest[0], x IN rest | CASE WHEN x < m THEN x ELSE m END),
          r.evidenceStart = null,
          r.evidenceEnd = null,
          r.rowHash = null))
}
MATCH (n:Node {reportId: $reportId})
DETACH DELETE n
RETURN count(n) AS deleted
