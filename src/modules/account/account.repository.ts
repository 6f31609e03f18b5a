import { groupRoles } from './principal.js';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { setTransactionSettings } from '../../db/client.js';
import { appUser, mfaRecoveryCode, partnership, partnershipRole } from '../../db/schema/index.js';
import type { Role } from '../../platform/policy.js';

export type AccountRow = typeof appUser.$inferSelect;

/** The sign-in lookup: RLS admits the one account whose email the transaction names. */
export async function findAccountByEmail(tx: Executor, email: string): Promise<AccountRow | null> {
  const lower = email.trim().toLowerCase();
  await setTransactionSettings(tx, { 'app.sign_in_email': lower });
  const [row] = await tx
    .select()
    .from(appUser)
    .where(sql`lower(${appUser.email}) = ${lower}`);
  return row ?? null;
}

export async function findAccount(tx: Executor, userId: string): Promise<AccountRow | null> {
  const [row] = await tx.select().from(appUser).where(eq(appUser.id, userId));
  return row ?? null;
}

export async function insertAccount(tx: Executor, values: typeof appUser.$inferInsert) {
  const [row] = await tx.insert(appUser).values(values).returning();
  return row!;
}

export async function updateAccount(
  tx: Executor,
  userId: string,
  values: Partial<typeof appUser.$inferInsert>,
) {
  await tx
    .update(appUser)
    .set({ ...values, version: sql`${appUser.version} + 1` })
    .where(eq(appUser.id, userId));
}

/** Every partnership this person holds a role in, with those roles. */
export async function partnershipsOfAccount(tx: Executor, userId: string) {
  const rows = await tx
    .select({ id: partnership.id, name: partnership.name, role: partnershipRole.role })
    .from(partnershipRole)
    .innerJoin(partnership, eq(partnership.id, partnershipRole.partnershipId))
    .where(eq(partnershipRole.userId, userId))
    .orderBy(asc(partnership.name));
  return groupRoles(rows);
}

export async function addRole(tx: Executor, partnershipId: string, userId: string, role: Role) {
  await tx.insert(partnershipRole).values({ partnershipId, userId, role }).onConflictDoNothing();
}

export async function replaceRecoveryCodes(tx: Executor, userId: string, codeHashes: string[]) {
  await tx.delete(mfaRecoveryCode).where(eq(mfaRecoveryCode.userId, userId));
  await tx.insert(mfaRecoveryCode).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Marks an unused recovery code used; false when there is none such. */
export async function useRecoveryCode(tx: Executor, userId: string, codeHash: string, at: Date) {
  const used = await tx
    .update(mfaRecoveryCode)
    .set({ usedAt: at })
    .where(
      and(
        eq(mfaRecoveryCode.userId, userId),
        eq(mfaRecoveryCode.codeHash, codeHash),
        isNull(mfaRecoveryCode.usedAt),
      ),
    )
    .returning({ id: mfaRecoveryCode.id });
  return used.length > 0;
}

export async function unusedRecoveryCodeCount(tx: Executor, userId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(mfaRecoveryCode)
    .where(and(eq(mfaRecoveryCode.userId, userId), isNull(mfaRecoveryCode.usedAt)));
  return row?.count ?? 0;
}

export async function removeRoles(tx: Executor, partnershipId: string, userId: string) {
  await tx
    .delete(partnershipRole)
    .where(
      and(eq(partnershipRole.partnershipId, partnershipId), eq(partnershipRole.userId, userId)),
    );
}

/** The current partnership's people and their roles (RLS confines both tables to it). */
export async function membersOfPartnership(tx: Executor) {
  const rows = await tx
    .select({
      userId: appUser.id,
      email: appUser.email,
      displayName: appUser.displayName,
      mfaEnabledAt: appUser.mfaEnabledAt,
      role: partnershipRole.role,
    })
    .from(partnershipRole)
    .innerJoin(appUser, eq(appUser.id, partnershipRole.userId))
    .where(eq(partnershipRole.partnershipId, sql`current_partnership_id()`))
    .orderBy(asc(appUser.displayName));
  const byId = new Map<
    string,
    { userId: string; email: string; displayName: string; mfaEnabled: boolean; roles: Role[] }
  >();
  for (const row of rows) {
    const entry = byId.get(row.userId) ?? {
      userId: row.userId,
      email: row.email,
      displayName: row.displayName,
      mfaEnabled: row.mfaEnabledAt !== null,
      roles: [],
    };
    entry.roles.push(row.role as Role);
    byId.set(row.userId, entry);
  }
  return [...byId.values()];
}
