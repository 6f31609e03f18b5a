import { and, desc, eq } from 'drizzle-orm';
import { setTransactionSettings, type Executor } from '../../db/client.js';
import { apiToken } from '../../db/schema/index.js';

export type ApiTokenRow = typeof apiToken.$inferSelect;

export async function insertApiToken(tx: Executor, values: typeof apiToken.$inferInsert) {
  const [row] = await tx.insert(apiToken).values(values).returning();
  return row!;
}

/** RLS already confines this to the person and partnership; the WHERE uses the index. */
export function listApiTokens(tx: Executor, partnershipId: string, userId: string) {
  return tx
    .select()
    .from(apiToken)
    .where(and(eq(apiToken.partnershipId, partnershipId), eq(apiToken.userId, userId)))
    .orderBy(desc(apiToken.createdAt));
}

export async function findApiToken(tx: Executor, id: string) {
  const [row] = await tx.select().from(apiToken).where(eq(apiToken.id, id));
  return row ?? null;
}

/** RLS admits the one token whose hash the transaction names, before its partnership is known. */
export async function findApiTokenByHash(tx: Executor, tokenHash: string) {
  await setTransactionSettings(tx, { 'app.api_token_hash': tokenHash });
  const [row] = await tx.select().from(apiToken).where(eq(apiToken.tokenHash, tokenHash));
  return row ?? null;
}

export async function updateApiToken(
  tx: Executor,
  id: string,
  values: Pick<Partial<ApiTokenRow>, 'lastUsedAt' | 'revokedAt'>,
) {
  await tx.update(apiToken).set(values).where(eq(apiToken.id, id));
}
