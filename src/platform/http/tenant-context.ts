import type { FastifyRequest } from 'fastify';
import type { TenantContext } from '../../db/client.js';

/**
 * The partnership, person and request id of a request that its route's policy has let in
 * as fully signed in, so a partnership is always known here.
 */
export function tenantContext(request: FastifyRequest): TenantContext & { requestId: string } {
  const principal = request.principal;
  if (!principal?.partnershipId)
    throw new Error('tenantContext needs a signed-in request with a partnership');
  return {
    partnershipId: principal.partnershipId,
    userId: principal.userId,
    requestId: request.id,
  };
}
