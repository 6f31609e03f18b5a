import type { Policy, Principal } from '../policy.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
  }
}

export {};
