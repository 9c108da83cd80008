/**
 * Prints the closing counts, and how many tests ran against the real Neo4j ("[neo4j]" in
 * their names) and in a real Chromium ("[browser]"). With REQUIRE_NEO4J=1 or
 * REQUIRE_BROWSER=1 (set by .ci/run) a run in which none of those passed, or one was
 * skipped, fails.
 */
class SummaryReporter {
  constructor() {
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const tally = (tag) => {
      let passed = 0;
      let skipped = 0;
      for (const file of results.testResults) {
        for (const t of file.testResults) {
          if (!t.fullName.includes(tag)) continue;
          if (t.status === 'passed') passed++;
          else if (t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
            skipped++;
        }
      }
      return { passed, skipped };
    };
    const suites = [
      {
        tag: '[neo4j]',
        name: 'neo4j',
        where: 'against Neo4j',
        required: process.env.REQUIRE_NEO4J === '1',
      },
      {
        tag: '[browser]',
        name: 'browser',
        where: 'in Chromium',
        required: process.env.REQUIRE_BROWSER === '1',
      },
    ];
    console.log('');
    for (const s of suites) {
      const t = tally(s.tag);
      console.log(
        `${s.name}: ${t.passed} tests ran ${s.where}${t.skipped ? `, ${t.skipped} skipped` : ''}`,
      );
      if (s.required && (t.passed === 0 || t.skipped > 0)) {
        this.error = new Error(`the ${s.name} suites are required here but did not all run`);
        console.log(`${s.name}: FAILED: ${this.error.message}`);
      }
    }
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SummaryReporter;
