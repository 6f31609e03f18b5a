import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerToken } from './session-hook.js';

export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refused before anything is read: the error pages answer every code starting FST_CSRF
 * with the CSRF page ("Your form could not be sent"), as they do a missing token.
 */
export class CrossSiteRequestError extends Error {
  readonly code = 'FST_CSRF_CROSS_SITE';
  readonly statusCode = 403;
  constructor() {
    super('A state-changing request came from another site');
    this.name = 'CrossSiteRequestError';
  }
}

/** The host (and port, when not the default) of an Origin header; null when it has none. */
function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * Whether a browser's request says it came from MASA's own pages. No Origin header (older
 * browsers, programs, forms that browsers send without one) is left to the CSRF token.
 * An Origin is MASA's own when it is the configured public address's origin or names the
 * host the request was sent to, so MASA reached under another name than PUBLIC_URL (the
 * browser tests at 127.0.0.1, a server's own name inside the network) still works; another
 * site cannot make a browser send its own Origin with MASA's Host.
 */
export function comesFromOwnSite(request: FastifyRequest, publicOrigin: string | null) {
  if (request.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (publicOrigin !== null && origin === publicOrigin) return true;
  const host = hostOf(origin);
  return host !== null && host.toLowerCase() === (request.host ?? '').toLowerCase();
}

/**
 * A second line beside the CSRF token: a state-changing request that the browser says came
 * from another site (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not MASA's) is
 * refused before its body is read or its session looked up. Bearer-token API calls are sent
 * by programs, not by a browser on another site's behalf, and are exempt as from the token.
 */
export function registerSameOriginCheck(app: FastifyInstance, publicUrl: string | undefined) {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : null;
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || request.is404) return;
    if (bearerToken(request) !== null) return;
    if (!comesFromOwnSite(request, publicOrigin)) throw new CrossSiteRequestError();
  });
}
