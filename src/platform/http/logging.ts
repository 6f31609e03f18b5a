import type { FastifyRequest } from 'fastify';
import { errorForLog } from './error-log.js';

/** Paths that carry a secret (invitation and calendar feed tokens) are logged without it. */
function safePath(url: string) {
  return url
    .replace(/\/invitations\/[^/?]+/, '/invitations/[token]')
    .replace(/^\/calendar\/[^/?]+/, '/calendar/[token].ics')
    .replace(/\?.*$/, '');
}

/**
 * JSON logs with the request id; no cookies, tokens, addresses, bodies or query strings, and
 * errors without the values they quote (error-log.ts).
 */
export function loggerOptions(level: string) {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      remove: true,
    },
    serializers: {
      err: errorForLog,
      req: (request: FastifyRequest) => ({
        method: request.method,
        path: safePath(request.url),
        requestId: request.id,
      }),
    },
  };
}
