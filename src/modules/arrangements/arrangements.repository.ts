import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { arrangementsReview, arrangementsVersion, storedFile } from '../../db/schema/index.js';

export type VersionRow = typeof arrangementsVersion.$inferSelect;

/** The version-control table, oldest first as the document prints it, with each file's name and size. */
export function listVersions(tx: Executor) {
  return tx
    .select({
      version: arrangementsVersion,
      fileName: storedFile.fileName,
      byteSize: storedFile.byteSize,
    })
    .from(arrangementsVersion)
    .leftJoin(storedFile, eq(storedFile.id, arrangementsVersion.fileId))
    .orderBy(asc(arrangementsVersion.issuedOn), asc(arrangementsVersion.createdAt));
}

export async function findVersion(tx: Executor, id: string) {
  const [row] = await tx.select().from(arrangementsVersion).where(eq(arrangementsVersion.id, id));
  return row ?? null;
}

export async function insertVersion(tx: Executor, values: typeof arrangementsVersion.$inferInsert) {
  const [row] = await tx.insert(arrangementsVersion).values(values).returning();
  return row!;
}

export async function findReview(tx: Executor) {
  const [row] = await tx.select().from(arrangementsReview);
  return row ?? null;
}

/** The first review date; null when someone else set one meanwhile. */
export async function insertReview(tx: Executor, partnershipId: string, nextReviewDueOn: string) {
  const [row] = await tx
    .insert(arrangementsReview)
    .values({ partnershipId, nextReviewDueOn })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** A new review date, if the row is still at the version the form was shown with. */
export async function updateReview(
  tx: Executor,
  partnershipId: string,
  expectedVersion: number,
  nextReviewDueOn: string,
) {
  const [row] = await tx
    .update(arrangementsReview)
    .set({ nextReviewDueOn, version: sql`${arrangementsReview.version} + 1` })
    .where(
      and(
        eq(arrangementsReview.partnershipId, partnershipId),
        eq(arrangementsReview.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}
