import { ukDateTime } from '../platform/dates.js';
import type { TestDatabase } from './database.js';

/**
 * When the audit trail says a record last changed, as pages show it. The trail keeps the
 * database's own time (docs/decisions/0019), so a test reads the stored value rather than
 * expecting the test clock's day.
 */
export async function lastChangeShown(
  database: TestDatabase,
  entityType: string,
  entityId: string,
): Promise<string> {
  const { rows } = await database.owner.pool.query<{ occurred_at: Date }>(
    `select occurred_at from audit_event where entity_type = $1 and entity_id = $2
     order by seq desc limit 1`,
    [entityType, entityId],
  );
  if (!rows[0]) throw new Error(`No audit event for ${entityType} ${entityId}`);
  return ukDateTime(rows[0].occurred_at);
}
