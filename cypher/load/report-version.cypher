// The stored version of a report, to skip re-ingesting the same text and extractor.
MATCH (r:Report {reportId: $reportId})
RETURN r.hash AS hash, r.extractorVersion AS extractorVersion
