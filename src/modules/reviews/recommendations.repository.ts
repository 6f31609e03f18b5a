import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agency, recommendation, recommendationAgency } from '../../db/schema/index.js';

export type RecommendationRow = typeof recommendation.$inferSelect;

export function recommendationsOfCase(tx: Executor, caseId: string) {
  return tx
    .select()
    .from(recommendation)
    .where(eq(recommendation.caseId, caseId))
    .orderBy(asc(recommendation.number));
}

export async function findRecommendation(tx: Executor, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(recommendation)
    .where(and(eq(recommendation.caseId, caseId), eq(recommendation.id, id)));
  return row ?? null;
}

/** The agencies each recommendation applies to, by name, in one statement. */
export function agenciesOfRecommendations(tx: Executor, recommendationIds: string[]) {
  if (recommendationIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      recommendationId: recommendationAgency.recommendationId,
      id: agency.id,
      name: agency.name,
    })
    .from(recommendationAgency)
    .innerJoin(agency, eq(agency.id, recommendationAgency.agencyId))
    .where(inArray(recommendationAgency.recommendationId, recommendationIds))
    .orderBy(asc(sql`lower(${agency.name})`));
}

/** Recommendations numbered 1, 2, 3 within their case, in the order they were made. */
export async function insertNumberedRecommendation(
  tx: Executor,
  values: Omit<typeof recommendation.$inferInsert, 'number'>,
) {
  const [row] = await tx
    .insert(recommendation)
    .values({
      ...values,
      number: sql`(select coalesce(max(${recommendation.number}), 0) + 1 from ${recommendation}
        where ${recommendation.caseId} = ${values.caseId})`,
    })
    .returning();
  return row!;
}

export async function updateRecommendation(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof recommendation.$inferInsert>,
) {
  const [row] = await tx
    .update(recommendation)
    .set({ ...values, version: sql`${recommendation.version} + 1` })
    .where(and(eq(recommendation.id, id), eq(recommendation.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function replaceRecommendationAgencies(
  tx: Executor,
  partnershipId: string,
  recommendationId: string,
  agencyIds: string[],
) {
  await tx
    .delete(recommendationAgency)
    .where(eq(recommendationAgency.recommendationId, recommendationId));
  if (agencyIds.length > 0)
    await tx
      .insert(recommendationAgency)
      .values(agencyIds.map((agencyId) => ({ partnershipId, recommendationId, agencyId })));
}

/** Every recommendation's id, of the given cases or of all: for the yearly figures. */
export async function recommendationIdsOf(tx: Executor, caseIds?: string[]) {
  const rows = await tx
    .select({ id: recommendation.id })
    .from(recommendation)
    .where(caseIds ? inArray(recommendation.caseId, caseIds) : undefined);
  return rows.map((row) => row.id);
}
