import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
  agency,
  appUser,
  caseAgency,
  caseChild,
  caseTeamMember,
  practiceReview,
  rapidReview,
  reviewCase,
  reviewDelay,
} from '../../db/schema/index.js';

export type CaseRow = typeof reviewCase.$inferSelect;
export type ChildRow = typeof caseChild.$inferSelect;

export async function insertCase(tx: Executor, values: typeof reviewCase.$inferInsert) {
  const [row] = await tx.insert(reviewCase).values(values).returning();
  return row!;
}

export async function findCase(tx: Executor, id: string) {
  const [row] = await tx.select().from(reviewCase).where(eq(reviewCase.id, id));
  return row ?? null;
}

export async function updateCase(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof reviewCase.$inferInsert>,
) {
  const [row] = await tx
    .update(reviewCase)
    .set({ ...values, version: sql`${reviewCase.version} + 1` })
    .where(and(eq(reviewCase.id, id), eq(reviewCase.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export async function isOnTeam(tx: Executor, caseId: string, userId: string) {
  const [row] = await tx
    .select({ id: caseTeamMember.id })
    .from(caseTeamMember)
    .where(
      and(
        eq(caseTeamMember.caseId, caseId),
        eq(caseTeamMember.userId, userId),
        isNull(caseTeamMember.removedAt),
      ),
    );
  return Boolean(row);
}

export function teamOf(tx: Executor, caseId: string) {
  return tx
    .select({
      id: caseTeamMember.id,
      userId: caseTeamMember.userId,
      displayName: appUser.displayName,
      email: appUser.email,
      addedAt: caseTeamMember.addedAt,
    })
    .from(caseTeamMember)
    .innerJoin(appUser, eq(appUser.id, caseTeamMember.userId))
    .where(and(eq(caseTeamMember.caseId, caseId), isNull(caseTeamMember.removedAt)))
    .orderBy(asc(appUser.displayName));
}

export async function insertTeamMember(tx: Executor, values: typeof caseTeamMember.$inferInsert) {
  const [row] = await tx.insert(caseTeamMember).values(values).returning();
  return row!;
}

export async function endTeamMembership(tx: Executor, memberId: string, removedBy: string | null) {
  const [row] = await tx
    .update(caseTeamMember)
    .set({ removedAt: sql`now()`, removedBy })
    .where(and(eq(caseTeamMember.id, memberId), isNull(caseTeamMember.removedAt)))
    .returning();
  return row ?? null;
}

/** Readable only by the case team: row-level security returns nothing to anyone else. */
export function childrenOf(tx: Executor, caseId: string) {
  return tx
    .select()
    .from(caseChild)
    .where(eq(caseChild.caseId, caseId))
    .orderBy(asc(caseChild.position));
}

export async function insertChild(tx: Executor, values: typeof caseChild.$inferInsert) {
  const [row] = await tx.insert(caseChild).values(values).returning();
  return row!;
}

export async function updateChild(
  tx: Executor,
  id: string,
  expectedVersion: number,
  values: Partial<typeof caseChild.$inferInsert>,
) {
  const [row] = await tx
    .update(caseChild)
    .set({ ...values, version: sql`${caseChild.version} + 1` })
    .where(and(eq(caseChild.id, id), eq(caseChild.version, expectedVersion)))
    .returning();
  return row ?? null;
}

export function agenciesOfCase(tx: Executor, caseId: string) {
  return tx
    .select({ id: agency.id, name: agency.name })
    .from(caseAgency)
    .innerJoin(agency, eq(agency.id, caseAgency.agencyId))
    .where(eq(caseAgency.caseId, caseId))
    .orderBy(asc(agency.name));
}

export async function replaceCaseAgencies(
  tx: Executor,
  partnershipId: string,
  caseId: string,
  agencyIds: string[],
) {
  await tx.delete(caseAgency).where(eq(caseAgency.caseId, caseId));
  if (agencyIds.length > 0)
    await tx
      .insert(caseAgency)
      .values(agencyIds.map((agencyId) => ({ partnershipId, caseId, agencyId })));
}

/** The latest delay's revised date per case: it replaces a practice review's target. */
const latestRevision = (caseId: typeof reviewCase.id) =>
  sql<string | null>`(select ${reviewDelay.revisedOn} from ${reviewDelay}
    where ${reviewDelay.caseId} = ${caseId} order by ${reviewDelay.createdAt} desc limit 1)`;

/**
 * What the stage and clocks of cases are worked out from, without any child's details:
 * safe for lists everyone in the partnership sees.
 */
export function caseFacts(tx: Executor, filter: { ids?: string[]; openOnly?: boolean } = {}) {
  const conditions = [
    filter.ids ? inArray(reviewCase.id, filter.ids) : undefined,
    filter.openOnly ? isNull(reviewCase.closedAt) : undefined,
  ].filter(Boolean);
  return tx
    .select({
      case: reviewCase,
      rapidReview: {
        // Never null in a row: a started rapid review with nothing recorded is not absent.
        caseId: rapidReview.caseId,
        outcome: rapidReview.outcome,
        sentToPanelOn: rapidReview.sentToPanelOn,
        panelResponseOn: rapidReview.panelResponseOn,
      },
      practiceReview: {
        targetOn: practiceReview.targetOn,
        finalReportSentOn: practiceReview.finalReportSentOn,
        publishedOn: practiceReview.publishedOn,
        notPublishedReason: practiceReview.notPublishedReason,
      },
      revisedOn: latestRevision(reviewCase.id),
    })
    .from(reviewCase)
    .leftJoin(rapidReview, eq(rapidReview.caseId, reviewCase.id))
    .leftJoin(practiceReview, eq(practiceReview.caseId, reviewCase.id))
    .where(and(...conditions))
    .orderBy(desc(reviewCase.awareOn));
}

/** Cases the user is on the team of, among the given ones. */
export async function casesOnTeam(tx: Executor, userId: string) {
  const rows = await tx
    .select({ caseId: caseTeamMember.caseId })
    .from(caseTeamMember)
    .where(and(eq(caseTeamMember.userId, userId), isNull(caseTeamMember.removedAt)));
  return new Set(rows.map((row) => row.caseId));
}
