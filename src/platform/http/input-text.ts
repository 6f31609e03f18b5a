import type { FastifyInstance } from 'fastify';

/**
 * Control characters no one can type and PostgreSQL cannot always store (NUL): C0 but tab,
 * line feed and carriage return; DEL; C1.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A request whose text holds a control character: refused whole, so nothing is written. */
export class ControlCharacterError extends Error {
  readonly statusCode = 400;
  readonly code = 'MASA_CONTROL_CHARACTER';
  constructor(readonly field: string) {
    super(`The field ${field} holds a control character`);
  }
}

/** A browser sends a text area's line breaks as CR LF; MASA keeps them as LF. */
const withLineFeeds = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * Checks every string in a parsed body (form fields, JSON values at any depth) and gives
 * the body back with line breaks made LF. Files (Buffers) are data, not text, and pass.
 */
export function checkedText(value: unknown, field = 'body'): unknown {
  if (typeof value === 'string') {
    if (CONTROL_CHARACTER.test(value)) throw new ControlCharacterError(field);
    return withLineFeeds(value);
  }
  if (Array.isArray(value)) return value.map((entry) => checkedText(entry, field));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  const checked: Record<string, unknown> = Object.create(Object.getPrototypeOf(value) as object);
  for (const [name, entry] of Object.entries(value)) {
    if (CONTROL_CHARACTER.test(name)) throw new ControlCharacterError(field);
    checked[name] = checkedText(entry, field === 'body' ? name : field);
  }
  return checked;
}

/**
 * After every body is read (forms, uploads' fields, JSON) and before any handler: one place
 * that refuses control characters, in the body or the query, and normalises line breaks,
 * whatever the route.
 */
export function registerInputText(app: FastifyInstance) {
  app.addHook('preHandler', async (request) => {
    checkedText(request.query, 'query');
    if (request.body !== undefined) request.body = checkedText(request.body);
  });
}
