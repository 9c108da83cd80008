// The stored version of a report (its hash, extractor version and metadata, not its text),
// to skip re-ingesting the same report and to refuse a changed one.
MATCH (r:Report {reportId: $reportId})
RETURN r {.*, text: null} AS report
