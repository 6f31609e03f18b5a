import type { FastifyInstance, RouteHandlerMethod, RouteOptions } from 'fastify';
import type pg from 'pg';
import { RequestTransaction, withRequestTransaction } from '../../db/request-transaction.js';

const sharesTransaction = (method: string) => method === 'GET' || method === 'HEAD';

/**
 * A signed-in page request's reads share one transaction (db/request-transaction.ts). It is
 * committed before the answer is sent, so what the request wrote (a case's "viewed" event)
 * is kept before anyone sees the page, and rolled back when the answer is a server error.
 */
export function registerRequestTransactions(app: FastifyInstance, pool: pg.Pool) {
  app.decorateRequest('requestTransaction', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some(sharesTransaction)) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = function (request, reply) {
      const partnershipId = request.principal?.partnershipId;
      if (!partnershipId || !sharesTransaction(request.method))
        return handler.call(this, request, reply);
      const shared = new RequestTransaction(pool, {
        partnershipId,
        userId: request.principal!.userId,
      });
      request.requestTransaction = shared;
      return withRequestTransaction(shared, () => handler.call(this, request, reply));
    };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    await request.requestTransaction?.finish(reply.statusCode < 500);
    return payload;
  });
  // An answer that never reached onSend (the visitor went away) rolls back.
  app.addHook('onResponse', async (request) => {
    await request.requestTransaction?.finish(false);
  });
}
