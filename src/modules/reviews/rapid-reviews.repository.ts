import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor, TenantContext } from '../../db/client.js';
import {
  agency,
  informationRequest,
  informationReturn,
  rapidReview,
  storedFile,
} from '../../db/schema/index.js';
import { findCase, isOnTeam } from './cases.repository.js';

export type RapidReviewRow = typeof rapidReview.$inferSelect;
export type InformationRequestRow = typeof informationRequest.$inferSelect;

/** The case when the context's user is on its team, in the caller's transaction; else null. */
export async function caseOfTeam(tx: Executor, context: TenantContext, caseId: string) {
  if (!context.userId || !(await isOnTeam(tx, caseId, context.userId))) return null;
  return findCase(tx, caseId);
}

export async function findRapidReview(tx: Executor, caseId: string) {
  const [row] = await tx.select().from(rapidReview).where(eq(rapidReview.caseId, caseId));
  return row ?? null;
}

/** Inserts the case's rapid review; null when it already has one. */
export async function insertRapidReview(tx: Executor, values: typeof rapidReview.$inferInsert) {
  const [row] = await tx.insert(rapidReview).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Applies a change only if nobody has changed the rapid review since `expectedVersion`. */
export async function updateRapidReview(
  tx: Executor,
  caseId: string,
  expectedVersion: number,
  values: Partial<typeof rapidReview.$inferInsert>,
) {
  const [row] = await tx
    .update(rapidReview)
    .set({ ...values, version: sql`${rapidReview.version} + 1` })
    .where(and(eq(rapidReview.caseId, caseId), eq(rapidReview.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export function requestsOfCase(tx: Executor, caseId: string) {
  return tx
    .select({ request: informationRequest, agencyName: agency.name })
    .from(informationRequest)
    .innerJoin(agency, eq(agency.id, informationRequest.agencyId))
    .where(eq(informationRequest.caseId, caseId))
    .orderBy(asc(informationRequest.requestedOn), asc(agency.name), asc(informationRequest.id));
}

export async function findRequest(tx: Executor, caseId: string, requestId: string) {
  const [row] = await tx
    .select({ request: informationRequest, agencyName: agency.name })
    .from(informationRequest)
    .innerJoin(agency, eq(agency.id, informationRequest.agencyId))
    .where(and(eq(informationRequest.id, requestId), eq(informationRequest.caseId, caseId)));
  return row ?? null;
}

export async function insertRequest(tx: Executor, values: typeof informationRequest.$inferInsert) {
  const [row] = await tx.insert(informationRequest).values(values).returning();
  return row!;
}

export async function updateRequest(
  tx: Executor,
  requestId: string,
  expectedVersion: number,
  values: Partial<typeof informationRequest.$inferInsert>,
) {
  const [row] = await tx
    .update(informationRequest)
    .set({ ...values, version: sql`${informationRequest.version} + 1` })
    .where(
      and(eq(informationRequest.id, requestId), eq(informationRequest.version, expectedVersion)),
    )
    .returning();
  return row ?? null;
}

/** Records the day a request came back, unless a day is already recorded. */
export async function markReturned(tx: Executor, requestId: string, returnedOn: string) {
  const [row] = await tx
    .update(informationRequest)
    .set({ returnedOn, version: sql`${informationRequest.version} + 1` })
    .where(and(eq(informationRequest.id, requestId), isNull(informationRequest.returnedOn)))
    .returning();
  return row ?? null;
}

export async function insertReturn(tx: Executor, values: typeof informationReturn.$inferInsert) {
  const [row] = await tx.insert(informationReturn).values(values).returning();
  return row!;
}

/** The documents returned against the given requests, without their bytes. */
export function returnsOfRequests(tx: Executor, requestIds: string[]) {
  if (requestIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      id: informationReturn.id,
      requestId: informationReturn.requestId,
      kind: informationReturn.kind,
      byteSize: storedFile.byteSize,
      createdAt: informationReturn.createdAt,
    })
    .from(informationReturn)
    .innerJoin(storedFile, eq(storedFile.id, informationReturn.fileId))
    .where(inArray(informationReturn.requestId, requestIds))
    .orderBy(asc(informationReturn.createdAt));
}

/** A returned document of the case, with the request it answers. */
export async function findReturn(tx: Executor, caseId: string, returnId: string) {
  const [row] = await tx
    .select({ returned: informationReturn, request: informationRequest })
    .from(informationReturn)
    .innerJoin(informationRequest, eq(informationRequest.id, informationReturn.requestId))
    .where(and(eq(informationReturn.id, returnId), eq(informationRequest.caseId, caseId)));
  return row ?? null;
}
