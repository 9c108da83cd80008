/**
 * Prints the closing counts, and how many tests ran against the real Neo4j (tests whose
 * name carries "[neo4j]"). With REQUIRE_NEO4J=1 (set by .ci/run) a run in which no Neo4j
 * test passed, or one was skipped, fails.
 */
class SummaryReporter {
  constructor() {
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    let neo4jPassed = 0;
    let neo4jSkipped = 0;
    for (const file of results.testResults) {
      for (const t of file.testResults) {
        if (!t.fullName.includes('[neo4j]')) continue;
        if (t.status === 'passed') neo4jPassed++;
        else if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
          neo4jSkipped++;
      }
    }
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    console.log(
      `\nneo4j: ${neo4jPassed} tests ran against Neo4j${neo4jSkipped ? `, ${neo4jSkipped} skipped` : ''}`,
    );
    if (process.env.REQUIRE_NEO4J === '1' && (neo4jPassed === 0 || neo4jSkipped > 0)) {
      this.error = new Error('REQUIRE_NEO4J=1 but the Neo4j suites did not all run');
      console.log(`neo4j: FAILED: ${this.error.message}`);
    }
    console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SummaryReporter;
