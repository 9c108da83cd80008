// Applied at every start; each statement is idempotent (IF NOT EXISTS).
// Every node carries :Node and a globally unique, deterministic id.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.reportId IS UNIQUE;
// A report's derived nodes are found, replaced and paged through by these.
CREATE INDEX node_report IF NOT EXISTS FOR (n:Node) ON (n.reportId);
CREATE INDEX commitment_order IF NOT EXISTS FOR (n:Commitment) ON (n.sortKey);
CREATE INDEX section_report IF NOT EXISTS FOR (n:Section) ON (n.reportId);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
// Full-text search over sentences and headings, tokenised for Chinese by Lucene's CJK analyzer.
CREATE FULLTEXT INDEX text_search IF NOT EXISTS FOR (n:Commitment|Section) ON EACH [n.text, n.title]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Names of entities (Chinese, English, aliases) for search.
CREATE FULLTEXT INDEX name_search IF NOT EXISTS FOR (n:Place|Industry|Theme|Project|Organization|Metric) ON EACH [n.name, n.nameEn, n.aliasText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
// Figures are filtered by metric and year, and paired across reports by them.
CREATE INDEX target_metric IF NOT EXISTS FOR (n:Target) ON (n.metricId, n.year);
CREATE INDEX result_metric IF NOT EXISTS FOR (n:Result) ON (n.metricId, n.year);
CREATE INDEX target_order IF NOT EXISTS FOR (n:Target) ON (n.sortKey);
CREATE INDEX result_order IF NOT EXISTS FOR (n:Result) ON (n.sortKey);
