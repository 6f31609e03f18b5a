import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { reviewCase } from '../../db/schema/index.js';
import { escapeLike } from '../../platform/like.js';

/**
 * Cases whose reference contains the text. References only: a search must never reach a
 * child's details, so nothing else is looked at.
 */
export async function caseIdsWithReference(tx: Executor, text: string) {
  const rows = await tx
    .select({ id: reviewCase.id })
    .from(reviewCase)
    .where(sql`${reviewCase.reference} ilike ${`%${escapeLike(text)}%`}`);
  return rows.map((row) => row.id);
}
