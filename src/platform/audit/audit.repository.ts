import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { appUser, auditEvent } from '../../db/schema/index.js';

export interface NewAuditEvent {
  partnershipId: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorEmail?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: number | undefined;
}

const json = (value: unknown) =>
  value === undefined || value === null ? null : JSON.stringify(value);

export async function insertAuditEvent(tx: Executor, event: NewAuditEvent) {
  // seq, prev_hash and hash are set by the chaining trigger.
  await tx.execute(sql`
    insert into audit_event (partnership_id, actor_user_id, action, entity_type, entity_id, request_id, before, after, hash)
    values (${event.partnershipId}, ${event.actorUserId}, ${event.action}, ${event.entityType}, ${event.entityId},
            ${event.requestId}, ${json(event.before)}::jsonb, ${json(event.after)}::jsonb, '')`);
}

function conditions(filter: AuditFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    filter.action ? eq(auditEvent.action, filter.action) : undefined,
    filter.entityType ? eq(auditEvent.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditEvent.entityId, filter.entityId) : undefined,
    filter.actorEmail ? sql`lower(${appUser.email}) = lower(${filter.actorEmail})` : undefined,
    filter.from ? gte(auditEvent.occurredAt, filter.from) : undefined,
    filter.to ? lte(auditEvent.occurredAt, filter.to) : undefined,
    filter.beforeSeq ? lt(auditEvent.seq, filter.beforeSeq) : undefined,
  ];
  return and(...parts.filter((part): part is SQL => part !== undefined));
}

/** Newest first, keyset-paginated on seq. Rows of other partnerships are hidden by RLS. */
export function listAuditEvents(tx: Executor, filter: AuditFilter, limit: number) {
  return (
    tx
      .select({
        seq: auditEvent.seq,
        occurredAt: auditEvent.occurredAt,
        action: auditEvent.action,
        entityType: auditEvent.entityType,
        entityId: auditEvent.entityId,
        requestId: auditEvent.requestId,
        before: auditEvent.before,
        after: auditEvent.after,
        hash: auditEvent.hash,
        actorEmail: appUser.email,
        actorName: appUser.displayName,
      })
      .from(auditEvent)
      .leftJoin(appUser, eq(appUser.id, auditEvent.actorUserId))
      .where(conditions(filter))
      // The primary key (partnership_id, seq) gives this order directly, instead of a walk
      // back through every partnership's newer events (migration 0013).
      .orderBy(desc(auditEvent.partnershipId), desc(auditEvent.seq))
      .limit(limit)
  );
}

export interface BrokenLink {
  seq: number;
  partnershipId: string;
  reason: 'hash does not match the row' | 'previous hash does not match the row before';
}

/** Recomputes every link of every chain; needs a role that sees all partnerships. */
export async function findFirstBrokenLink(
  tx: Executor,
): Promise<{ checked: number; broken: BrokenLink | null }> {
  const result = await tx.execute<{ seq: string; partnership_id: string; hash_ok: boolean }>(sql`
    with chain as (
      select seq, partnership_id, hash = audit_event_digest(e) as hash_ok,
             prev_hash is not distinct from lag(hash) over (partition by partnership_id order by seq) as link_ok
      from audit_event e)
    select seq, partnership_id, hash_ok
    from chain where not (hash_ok and link_ok) order by seq limit 1`);
  const row = result.rows[0];
  const count = await tx.execute<{ count: string }>(sql`select count(*) from audit_event`);
  const checked = Number(count.rows[0]?.count ?? 0);
  if (!row) return { checked, broken: null };
  return {
    checked,
    broken: {
      seq: Number(row.seq),
      partnershipId: row.partnership_id,
      reason: row.hash_ok
        ? 'previous hash does not match the row before'
        : 'hash does not match the row',
    },
  };
}
