import type { RequestTransaction } from '../../db/request-transaction.js';
import type { Policy, Principal } from '../policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    /** The transaction a page request's reads share, when it has one. */
    requestTransaction: RequestTransaction | null;
  }
}

export {};
