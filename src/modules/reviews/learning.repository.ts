import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agency, body, learningDissemination, learningPoint } from '../../db/schema/index.js';

export type LearningPointRow = typeof learningPoint.$inferSelect;

export function pointsOfCase(tx: Executor, caseId: string) {
  return tx
    .select()
    .from(learningPoint)
    .where(eq(learningPoint.caseId, caseId))
    .orderBy(asc(learningPoint.createdAt), asc(learningPoint.id));
}

export async function findPoint(tx: Executor, caseId: string, id: string) {
  const [row] = await tx
    .select()
    .from(learningPoint)
    .where(and(eq(learningPoint.caseId, caseId), eq(learningPoint.id, id)));
  return row ?? null;
}

export async function insertPoint(tx: Executor, values: typeof learningPoint.$inferInsert) {
  const [row] = await tx.insert(learningPoint).values(values).returning();
  return row!;
}

export async function updatePoint(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof learningPoint.$inferInsert>,
) {
  const [row] = await tx
    .update(learningPoint)
    .set({ ...values, version: sql`${learningPoint.version} + 1` })
    .where(and(eq(learningPoint.id, id), eq(learningPoint.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** Where a case's learning was shared, newest first, each with its body's or agency's name. */
export function disseminationsOfCase(tx: Executor, caseId: string) {
  return tx
    .select({
      id: learningDissemination.id,
      disseminatedOn: learningDissemination.disseminatedOn,
      bodyName: body.name,
      agencyName: agency.name,
    })
    .from(learningDissemination)
    .leftJoin(body, eq(body.id, learningDissemination.bodyId))
    .leftJoin(agency, eq(agency.id, learningDissemination.agencyId))
    .where(eq(learningDissemination.caseId, caseId))
    .orderBy(desc(learningDissemination.disseminatedOn), desc(learningDissemination.createdAt));
}

export async function insertDissemination(
  tx: Executor,
  values: typeof learningDissemination.$inferInsert,
) {
  const [row] = await tx.insert(learningDissemination).values(values).returning();
  return row!;
}
