/** What one half of the suite (Vitest or Playwright) reported, and how its runner exited. */
export interface HalfResult {
  name: string;
  exitCode: number;
  counts: { passed: number; failed: number; skipped: number } | null;
}

const count = (value: unknown) => (typeof value === 'number' && value >= 0 ? value : 0);

/** From Vitest's JSON reporter (`numPassedTests` and the rest), or null if it wrote none. */
export function halfFromVitest(name: string, report: unknown, exitCode: number): HalfResult {
  if (!report || typeof report !== 'object') return { name, exitCode, counts: null };
  const r = report as Record<string, unknown>;
  return {
    name,
    exitCode,
    counts: {
      passed: count(r.numPassedTests),
      failed: count(r.numFailedTests),
      skipped: count(r.numPendingTests) + count(r.numTodoTests),
    },
  };
}

/** From Playwright's JSON reporter (`stats`); a flaky test passed on retry but counts as failed. */
export function halfFromPlaywright(name: string, report: unknown, exitCode: number): HalfResult {
  const stats = (report as { stats?: Record<string, unknown> } | null)?.stats;
  if (!stats || typeof stats !== 'object') return { name, exitCode, counts: null };
  return {
    name,
    exitCode,
    counts: {
      passed: count(stats.expected),
      failed: count(stats.unexpected) + count(stats.flaky),
      skipped: count(stats.skipped),
    },
  };
}

/**
 * One line per half and a closing total. The suite fails when either runner exited with an
 * error, reported a failure, or reported nothing at all.
 */
export function suiteSummary(halves: HalfResult[]) {
  const lines = halves.map((half) =>
    half.counts
      ? `${half.name}: ${half.counts.passed} passed, ${half.counts.failed} failed, ${half.counts.skipped} skipped (exit ${half.exitCode})`
      : `${half.name}: no report (exit ${half.exitCode})`,
  );
  const total = halves.reduce(
    (sum, half) => ({
      passed: sum.passed + (half.counts?.passed ?? 0),
      failed: sum.failed + (half.counts?.failed ?? 0),
      skipped: sum.skipped + (half.counts?.skipped ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  const ok = halves.every(
    (half) => half.exitCode === 0 && half.counts !== null && half.counts.failed === 0,
  );
  lines.push(`suite: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  return { lines, exitCode: ok ? 0 : 1 };
}
