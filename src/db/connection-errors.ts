/**
 * Whether an error means PostgreSQL could not be reached or dropped the connection (it is
 * down, restarting or unreachable), rather than that a query was wrong. Drizzle wraps the
 * driver's error (DrizzleQueryError with `cause`), so the whole cause chain is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let current = error; current instanceof Error && !seen.has(current);) {
    seen.add(current);
    if (unavailableCode(codeOf(current)) || UNAVAILABLE_MESSAGE.test(current.message)) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable))
      return true;
    current = current.cause;
  }
  return false;
}

/** Network failures, and PostgreSQL's shutdown (57P01-57P03) and connection (08xxx) classes. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01',
  '57P02',
  '57P03',
]);

/** What pg and pg-pool say when a connection ends, times out or is left broken. */
const UNAVAILABLE_MESSAGE =
  /^Connection terminated|^timeout exceeded when trying to connect|has encountered a connection error and is not queryable/;

const codeOf = (error: Error) => (error as { code?: unknown }).code;

const unavailableCode = (code: unknown) =>
  typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code));
