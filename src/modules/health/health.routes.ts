import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { publicAccess } from '../../platform/policy.js';

/** 200 when the database answers within two seconds, 503 when it does not. */
export function healthRoutes(app: FastifyInstance, pool: pg.Pool) {
  app.get(
    '/health',
    { config: { policy: publicAccess }, logLevel: 'warn' },
    async (_request, reply) => {
      const answered = await Promise.race([
        pool.query('select 1').then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
      ]);
      return reply
        .code(answered ? 200 : 503)
        .send({ status: answered ? 'ok' : 'unavailable', database: answered ? 'up' : 'down' });
    },
  );
}
