/**
 * An error as the log keeps it. A database error's message and detail quote the values sent
 * ("Key (email)=(…)", "invalid input syntax for type uuid: …") and drizzle's adds the
 * statement's parameters, so for those only what names the fault is kept: the SQLSTATE, the
 * constraint, table and column, and the statement without its values. Other errors keep
 * their message; no error keeps the request's fields.
 */
type LoggedError = {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  query?: string;
  stack: string;
  cause?: LoggedError;
  [key: string]: unknown;
};

const MAX_DEPTH = 5;

/** pg's DatabaseError (a SQLSTATE and a severity) or drizzle's wrapper of one (query, params). */
function isDatabaseError(error: Record<string, unknown>) {
  const sqlState = typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
  return (sqlState && 'severity' in error) || ('query' in error && 'params' in error);
}

/** The frames of a stack without the message it starts with, which may run over lines. */
const framesOf = (stack: unknown) =>
  typeof stack === 'string'
    ? stack
        .split('\n')
        .filter((line) => /^\s+at /.test(line))
        .join('\n')
    : '';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!error || typeof error !== 'object') return { type: typeof error, message: '', stack: '' };
  const e = error as Record<string, unknown>;
  const type = text(e.name) ?? error.constructor?.name ?? 'Error';
  const cause = depth < MAX_DEPTH && e.cause ? errorForLog(e.cause, depth + 1) : undefined;
  if (!isDatabaseError(e)) {
    return {
      type,
      message: text(e.message) ?? '',
      code: text(e.code),
      stack: text(e.stack) ?? '',
      cause,
    };
  }
  return {
    type,
    message: `database error ${text(e.code) ?? ''} (its values are not logged)`.replace('  ', ' '),
    code: text(e.code),
    constraint: text(e.constraint),
    table: text(e.table),
    column: text(e.column),
    routine: text(e.routine),
    query: text(e.query),
    stack: framesOf(e.stack),
    cause,
  };
}
