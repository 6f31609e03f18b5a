import { asc, eq, gte } from 'drizzle-orm';
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
