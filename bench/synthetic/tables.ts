/**
 * The rows of each table, from planned partnerships, in the order their foreign keys need.
 * Columns are listed as the migrations name them; every value is one the app could have
 * written (statuses, versions, timescales, sealed children as the reviews module seals them).
 */
import { renderAuditEvent } from './audit-log.js';
import { Json } from './copy.js';
import { Random } from './random.js';
import { table, type Table } from './table.js';
import { ACTION_TABLES, MEETING_TABLES, ratificationLinks } from './tables-meetings.js';
import { REGISTRY_TABLES } from './tables-registry.js';
import { REVIEW_TABLES } from './tables-reviews.js';
import { iso } from './timeline.js';

export { ratificationLinks };
export type { RowContext, Table } from './table.js';

/** Every table but the audit trail, parents before children. */
export const TABLES: readonly Table[] = [
  ...REGISTRY_TABLES,
  ...MEETING_TABLES,
  ...REVIEW_TABLES,
  ...ACTION_TABLES,
];

/**
 * The audit trail in time order; seq, prev_hash and hash are left to the chaining trigger
 * (hash is NOT NULL, so '' goes in, as the app's own insert does).
 */
export const AUDIT_TABLE = table(
  'audit_event',
  'partnership_id, id, occurred_at, actor_user_id, action, entity_type, entity_id, request_id, before, after, hash',
  function* (plan, context) {
    const ids = Random.of(context.seed, plan.shape.name, plan.index, 'audit-ids');
    const audit = plan.audit;
    let requestId: string | null = null;
    for (const index of audit.inTimeOrder()) {
      const event = audit.event(index);
      const entry = renderAuditEvent(plan, event.kind, event.a, event.b);
      const id = ids.uuid();
      if (!event.sameRequest || requestId === null) requestId = ids.uuid();
      yield [
        plan.id,
        id,
        iso(event.ms),
        event.actor === null ? null : plan.accounts[event.actor]!.id,
        entry.action,
        entry.entityType,
        entry.entityId,
        event.actor === null ? null : requestId,
        new Json(entry.before),
        new Json(entry.after),
        '',
      ];
    }
  },
);
