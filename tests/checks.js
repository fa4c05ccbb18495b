// A tiny synchronous check harness for the node test scripts: one line per
// check and a final "<label>: N passed, M failed" that tools/test.sh tallies.
'use strict';

function createChecks(label) {
  let passed = 0, failed = 0;
  return {
    check(name, body) {
      try {
        body();
        passed++;
        console.log(`ok   - ${name}`);
      } catch (error) {
        failed++;
        console.log(`FAIL - ${name}: ${error.message}`);
      }
    },
    finish() {
      console.log(`${label}: ${passed} passed, ${failed} failed`);
      process.exit(failed === 0 ? 0 : 1);
    },
  };
}

module.exports = { createChecks };
