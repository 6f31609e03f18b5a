import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  appUser,
  draftRequest,
  practiceReview,
  rapidReview,
  reviewDelay,
  reviewMilestone,
} from '../../db/schema/index.js';

export type PracticeReviewRow = typeof practiceReview.$inferSelect;
export type MilestoneRow = typeof reviewMilestone.$inferSelect;

/** What the decision to hold a practice review depends on: the rapid review's outcome. */
export async function rapidReviewOutcome(tx: Executor, caseId: string) {
  const [row] = await tx
    .select({ outcome: rapidReview.outcome, decidedOn: rapidReview.decidedOn })
    .from(rapidReview)
    .where(eq(rapidReview.caseId, caseId));
  return row ?? null;
}

export async function findPracticeReview(tx: Executor, caseId: string) {
  const [row] = await tx.select().from(practiceReview).where(eq(practiceReview.caseId, caseId));
  return row ?? null;
}

/** The review, locked until the transaction ends, so two delays cannot both judge one target. */
export async function lockPracticeReview(tx: Executor, caseId: string) {
  const [row] = await tx
    .select()
    .from(practiceReview)
    .where(eq(practiceReview.caseId, caseId))
    .for('update');
  return row ?? null;
}

export async function insertPracticeReview(
  tx: Executor,
  values: typeof practiceReview.$inferInsert,
) {
  const [row] = await tx.insert(practiceReview).values(values).returning();
  return row!;
}

/** Null when someone else changed the review since `expectedVersion`. */
export async function updatePracticeReview(
  tx: Executor,
  caseId: string,
  expectedVersion: number,
  values: Partial<typeof practiceReview.$inferInsert>,
) {
  const [row] = await tx
    .update(practiceReview)
    .set({ ...values, version: sql`${practiceReview.version} + 1` })
    .where(and(eq(practiceReview.caseId, caseId), eq(practiceReview.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export function milestonesOf(tx: Executor, caseId: string) {
  return tx
    .select()
    .from(reviewMilestone)
    .where(eq(reviewMilestone.caseId, caseId))
    .orderBy(asc(reviewMilestone.dueOn), asc(reviewMilestone.createdAt));
}

export async function insertMilestone(tx: Executor, values: typeof reviewMilestone.$inferInsert) {
  const [row] = await tx.insert(reviewMilestone).values(values).returning();
  return row!;
}

export async function updateMilestone(
  tx: Executor,
  caseId: string,
  id: string,
  expectedVersion: number,
  values: Partial<typeof reviewMilestone.$inferInsert>,
) {
  const [row] = await tx
    .update(reviewMilestone)
    .set({ ...values, version: sql`${reviewMilestone.version} + 1` })
    .where(
      and(
        eq(reviewMilestone.id, id),
        eq(reviewMilestone.caseId, caseId),
        eq(reviewMilestone.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export function draftRequestsOf(tx: Executor, caseId: string) {
  return tx
    .select({
      id: draftRequest.id,
      requestedOn: draftRequest.requestedOn,
      request: draftRequest.request,
      requestedBy: appUser.displayName,
    })
    .from(draftRequest)
    .leftJoin(appUser, eq(appUser.id, draftRequest.requestedBy))
    .where(eq(draftRequest.caseId, caseId))
    .orderBy(asc(draftRequest.requestedOn), asc(draftRequest.createdAt));
}

export async function insertDraftRequest(tx: Executor, values: typeof draftRequest.$inferInsert) {
  const [row] = await tx.insert(draftRequest).values(values).returning();
  return row!;
}

/** Newest first: the first delay's revised date is the review's current target. */
export function delaysOf(tx: Executor, caseId: string) {
  return tx
    .select({
      id: reviewDelay.id,
      reason: reviewDelay.reason,
      revisedOn: reviewDelay.revisedOn,
      recordedBy: appUser.displayName,
      createdAt: reviewDelay.createdAt,
    })
    .from(reviewDelay)
    .leftJoin(appUser, eq(appUser.id, reviewDelay.recordedBy))
    .where(eq(reviewDelay.caseId, caseId))
    .orderBy(desc(reviewDelay.createdAt), desc(reviewDelay.revisedOn));
}

export async function insertDelay(tx: Executor, values: typeof reviewDelay.$inferInsert) {
  const [row] = await tx.insert(reviewDelay).values(values).returning();
  return row!;
}
