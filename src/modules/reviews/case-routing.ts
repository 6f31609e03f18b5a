import type { FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';

export type WithCaseId = { Params: { id: string } };

/**
 * The case in the URL when the signed-in user is on its team; null otherwise, which the
 * route answers with 404 so that a case's existence says nothing more than its reference.
 */
export function caseForTeam(services: Services, request: FastifyRequest<WithCaseId>) {
  return withRecordId(request.params.id, (id) =>
    services.reviews.cases.forTeam(tenantContext(request), id),
  );
}

export const casePath = (caseId: string, section = '') => `/reviews/${caseId}${section}`;

/** What was typed, with ticked checkbox groups kept as lists. */
export function typedWithLists(body: unknown, lists: readonly string[]) {
  const values: Record<string, unknown> = typedValues(body);
  const sent = (body ?? {}) as Record<string, unknown>;
  for (const name of lists) values[name] = [sent[name] ?? []].flat().map(String);
  return values;
}
