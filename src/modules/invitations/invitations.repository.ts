import { desc, eq } from 'drizzle-orm';
import { setTransactionSettings, type Executor } from '../../db/client.js';
import { appUser, invitation } from '../../db/schema/index.js';

export type InvitationRow = typeof invitation.$inferSelect;

export async function insertInvitation(tx: Executor, values: typeof invitation.$inferInsert) {
  const [row] = await tx.insert(invitation).values(values).returning();
  return row!;
}

export function listInvitations(tx: Executor, limit: number) {
  return tx
    .select({ invitation, invitedByName: appUser.displayName })
    .from(invitation)
    .leftJoin(appUser, eq(appUser.id, invitation.invitedBy))
    .orderBy(desc(invitation.createdAt))
    .limit(limit);
}

export async function findInvitation(tx: Executor, id: string) {
  const [row] = await tx.select().from(invitation).where(eq(invitation.id, id));
  return row ?? null;
}

/** RLS admits the one invitation whose token hash the transaction names. */
export async function findInvitationByTokenHash(tx: Executor, tokenHash: string) {
  await setTransactionSettings(tx, { 'app.invitation_token_hash': tokenHash });
  const [row] = await tx.select().from(invitation).where(eq(invitation.tokenHash, tokenHash));
  return row ?? null;
}

export async function updateInvitation(
  tx: Executor,
  id: string,
  values: Partial<typeof invitation.$inferInsert>,
) {
  await tx.update(invitation).set(values).where(eq(invitation.id, id));
}
