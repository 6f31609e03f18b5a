import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { error } from './api-endpoints.js';
import type { Answer, IdempotencyService } from './idempotency.service.js';

/**
 * The JSON API's writes: JSON objects only, and an optional Idempotency-Key that makes a
 * retry safe. Documented from the same definitions as it behaves.
 */

/** What a body that is not JSON is read as, so the route can answer 415 after the guard. */
const NOT_JSON = Symbol('not JSON');

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x20-\x7e]{1,255}$/;

export const NOT_JSON_ERROR = {
  error: 'Send the body as JSON, with Content-Type: application/json',
};
export const NOT_AN_OBJECT_ERROR = { error: 'The body must be a JSON object' };
export const BAD_KEY_ERROR = {
  error: 'Idempotency-Key must be sent once, as 1 to 255 printable ASCII characters',
};
export const KEY_REUSED_ERROR = {
  error:
    'This Idempotency-Key was sent before with a different request. Use a new key for a new request.',
};

/**
 * The API reads JSON and nothing else. Any other body (a form, multipart, text) is read as
 * bytes, within the body limit, and never parsed: multipart files are not even buffered. The
 * write routes then answer it with 415, after the guard has answered who may not call them.
 */
export function acceptJsonOnly(api: FastifyInstance) {
  api.removeAllContentTypeParsers();
  api.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    api.getDefaultJsonParser('error', 'error'),
  );
  api.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) =>
    done(null, NOT_JSON),
  );
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A route's preValidation: 415 unless the body is JSON, 400 unless it is a JSON object. */
export async function jsonObjectBody(request: FastifyRequest, reply: FastifyReply) {
  if (request.body === NOT_JSON || request.body === undefined)
    return reply.code(415).send(NOT_JSON_ERROR);
  if (!isPlainObject(request.body)) return reply.code(400).send(NOT_AN_OBJECT_ERROR);
}

/** The key, absent, or `false` when it is malformed or sent more than once. */
export function idempotencyKeyOf(request: FastifyRequest): string | null | false {
  const raw = request.raw.rawHeaders;
  let sent = 0;
  for (let index = 0; index < raw.length; index += 2)
    if (raw[index]!.toLowerCase() === IDEMPOTENCY_HEADER) sent += 1;
  if (sent === 0) return null;
  const value = request.headers[IDEMPOTENCY_HEADER];
  return sent === 1 && typeof value === 'string' && KEY.test(value) ? value : false;
}

/** JSON with every object's keys in order, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** What makes two requests the same: method, path and body. */
export function requestHash(request: FastifyRequest) {
  const path = request.url.split('?')[0]!.replace(/\/+$/, '');
  return createHash('sha256')
    .update(`${request.method}\n${path}\n${canonical(request.body)}`)
    .digest('hex');
}

/**
 * A write's handler: with an Idempotency-Key, the first answer is kept and given again to a
 * retry of the same request, and a different request with the key is refused with 422.
 */
export function writeHandler<R extends FastifyRequest>(
  idempotency: IdempotencyService,
  write: (request: R) => Promise<Answer>,
) {
  return async (request: R, reply: FastifyReply) => {
    const key = idempotencyKeyOf(request);
    if (key === false) return reply.code(400).send(BAD_KEY_ERROR);
    if (key === null) {
      const answer = await write(request);
      return reply.code(answer.status).send(answer.body);
    }
    const outcome = await idempotency.once(
      tenantContext(request),
      { key, hash: requestHash(request) },
      () => write(request),
    );
    if (outcome.kind === 'mismatch') return reply.code(422).send(KEY_REUSED_ERROR);
    if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true');
    return reply.code(outcome.status).send(outcome.body);
  };
}

/** The header and the answers every write documents. */
export const writeHeaders = {
  type: 'object',
  properties: {
    [IDEMPOTENCY_HEADER]: {
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[\\x20-\\x7e]+$',
      description:
        'Optional: any unique value (a UUID, say) that makes a retry safe. For 24 hours, the same ' +
        'key with the same request (method, path and body) gets the first successful answer ' +
        'again, with the header Idempotent-Replayed: true, and nothing is written twice; the ' +
        'same key with a different request is refused with 422. A refused request is not ' +
        'kept: correct it and send it again with the same key. Keys are yours alone.',
    },
  },
};

export const writeAnswers = {
  400: {
    ...error,
    description:
      'The request is not valid: the body is not a JSON object, the Idempotency-Key is malformed, or fields says which field and why.',
  },
  415: { ...error, description: 'The body is not JSON (Content-Type: application/json).' },
  422: { ...error, description: 'The Idempotency-Key was used before with a different request.' },
};
