import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { nonWorkingDay, partnershipSetting } from '../../db/schema/index.js';

export function nonWorkingDaysFrom(tx: Executor, from: string) {
  return tx
    .select()
    .from(nonWorkingDay)
    .where(gte(nonWorkingDay.day, from))
    .orderBy(asc(nonWorkingDay.day));
}

export function allNonWorkingDays(tx: Executor) {
  return tx.select().from(nonWorkingDay).orderBy(asc(nonWorkingDay.day));
}

export async function findSettings(tx: Executor, partnershipId: string) {
  const [row] = await tx
    .select()
    .from(partnershipSetting)
    .where(eq(partnershipSetting.partnershipId, partnershipId));
  return row ?? null;
}

export type NonWorkingDayRow = typeof nonWorkingDay.$inferSelect;

export async function findNonWorkingDay(tx: Executor, id: string) {
  const [row] = await tx.select().from(nonWorkingDay).where(eq(nonWorkingDay.id, id));
  return row ?? null;
}

export async function findNonWorkingDayOn(tx: Executor, day: string) {
  const [row] = await tx.select().from(nonWorkingDay).where(eq(nonWorkingDay.day, day));
  return row ?? null;
}

export async function insertNonWorkingDay(tx: Executor, values: typeof nonWorkingDay.$inferInsert) {
  const [row] = await tx.insert(nonWorkingDay).values(values).returning();
  return row!;
}

export async function deleteNonWorkingDay(tx: Executor, id: string) {
  await tx.delete(nonWorkingDay).where(eq(nonWorkingDay.id, id));
}

/** Any of the partnership's settings; those left out keep their value (or default). */
export type SettingValues = Partial<
  Omit<typeof partnershipSetting.$inferInsert, 'partnershipId' | 'version'>
>;

/**
 * Saves the partnership's settings only if nobody has saved them since `expectedVersion`
 * (0: never saved, so the row is created); null when someone has.
 */
export async function saveSettings(
  tx: Executor,
  partnershipId: string,
  expectedVersion: number,
  values: SettingValues,
) {
  if (expectedVersion === 0) {
    const [created] = await tx
      .insert(partnershipSetting)
      .values({ partnershipId, ...values })
      .onConflictDoNothing()
      .returning();
    return created ?? null;
  }
  const [updated] = await tx
    .update(partnershipSetting)
    .set({ ...values, version: sql`${partnershipSetting.version} + 1` })
    .where(
      and(
        eq(partnershipSetting.partnershipId, partnershipId),
        eq(partnershipSetting.version, expectedVersion),
      ),
    )
    .returning();
  return updated ?? null;
}
