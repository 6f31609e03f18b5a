import { describe, expect, it } from 'vitest';
import { halfFromPlaywright, halfFromVitest, suiteSummary } from './suite-report.js';

const vitest = (passed: number, failed: number, exit = failed > 0 ? 1 : 0) =>
  halfFromVitest(
    'Unit',
    { numPassedTests: passed, numFailedTests: failed, numPendingTests: 1, numTodoTests: 0 },
    exit,
  );
const playwright = (expected: number, unexpected: number, flaky = 0) =>
  halfFromPlaywright(
    'Browser',
    { stats: { expected, unexpected, flaky, skipped: 0 } },
    unexpected + flaky > 0 ? 1 : 0,
  );

describe('the suite summary', () => {
  it('reports both halves and their total, and passes when both pass', () => {
    const summary = suiteSummary([vitest(870, 0), playwright(28, 0)]);
    expect(summary.exitCode).toBe(0);
    expect(summary.lines).toEqual([
      'Unit: 870 passed, 0 failed, 1 skipped (exit 0)',
      'Browser: 28 passed, 0 failed, 0 skipped (exit 0)',
      'suite: 898 passed, 0 failed, 1 skipped',
    ]);
  });

  it('fails when either half fails, still counting the other', () => {
    expect(suiteSummary([vitest(860, 2), playwright(28, 0)])).toMatchObject({
      exitCode: 1,
      lines: expect.arrayContaining(['suite: 888 passed, 2 failed, 1 skipped']),
    });
    expect(suiteSummary([vitest(870, 0), playwright(27, 1)]).exitCode).toBe(1);
  });

  it('counts a browser test that passed only on retry as a failure', () => {
    expect(suiteSummary([vitest(870, 0), playwright(27, 0, 1)]).exitCode).toBe(1);
  });

  it('fails when a runner wrote no report or exited with an error whatever it counted', () => {
    const missing = halfFromPlaywright('Browser', null, 1);
    const summary = suiteSummary([vitest(870, 0), missing]);
    expect(summary.exitCode).toBe(1);
    expect(summary.lines[1]).toBe('Browser: no report (exit 1)');
    expect(suiteSummary([vitest(870, 0, 1), playwright(28, 0)]).exitCode).toBe(1);
    expect(halfFromVitest('Unit', 'not a report', 0).counts).toBeNull();
  });
});
