import { and, eq, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { standingItem } from '../../db/schema/index.js';

export async function findStandingItem(tx: Executor, id: string) {
  const [row] = await tx.select().from(standingItem).where(eq(standingItem.id, id));
  return row ?? null;
}

export async function insertStandingItem(
  tx: Executor,
  values: Omit<typeof standingItem.$inferInsert, 'position'>,
) {
  const [last] = await tx
    .select({ position: max(standingItem.position) })
    .from(standingItem)
    .where(eq(standingItem.bodyId, values.bodyId));
  const [row] = await tx
    .insert(standingItem)
    .values({ ...values, position: (last?.position ?? 0) + 1 })
    .returning();
  return row!;
}

/** Applies a change only if nobody has changed the item since `expectedVersion`. */
export async function updateStandingItem(
  tx: Executor,
  id: string,
  expectedVersion: number | undefined,
  values: Partial<typeof standingItem.$inferInsert>,
) {
  const [row] = await tx
    .update(standingItem)
    .set({ ...values, version: sql`${standingItem.version} + 1` })
    .where(
      and(
        eq(standingItem.id, id),
        expectedVersion ? eq(standingItem.version, expectedVersion) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

/** Moves an item to a new place in the list; the order is not an edit of the item itself. */
export function placeStandingItem(tx: Executor, id: string, position: number) {
  return tx.update(standingItem).set({ position }).where(eq(standingItem.id, id));
}
