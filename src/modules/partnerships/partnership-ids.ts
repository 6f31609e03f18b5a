import { asc } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { partnership } from '../../db/schema/index.js';

/**
 * Every partnership's id, for jobs that run over all of them (action reminders). It needs
 * the owner's connection: row-level security lets the app's role see only the partnership
 * of the current transaction. Each partnership's work then runs in its own inTenant.
 */
export async function allPartnershipIds(ownerDb: Database) {
  const rows = await ownerDb
    .select({ id: partnership.id })
    .from(partnership)
    .orderBy(asc(partnership.createdAt));
  return rows.map((row) => row.id);
}
