import {
  inTenant,
  inTenantLast,
  type Database,
  type Executor,
  type TenantContext,
} from '../../db/client.js';
import { toCsv } from '../csv.js';
import { eventsInWords } from './audit-reading.js';
import {
  findFirstBrokenLink,
  insertAuditEvent,
  listAuditEvents,
  type AuditFilter,
} from './audit.repository.js';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

export function buildAuditService(db: Database) {
  /** Written in the caller's transaction, so the change and its record commit together. */
  async function record(tx: Executor, context: TenantContext, change: AuditChange) {
    await insertAuditEvent(tx, {
      partnershipId: context.partnershipId,
      actorUserId: context.userId,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId ?? null,
      requestId: context.requestId ?? null,
      before: change.before,
      after: change.after,
    });
  }

  /** Opening a record marked sensitive leaves a trace, as a change does. */
  function recordView(tx: Executor, context: TenantContext, entityType: string, entityId: string) {
    return record(tx, context, { action: 'viewed', entityType, entityId });
  }

  /**
   * Reads a record marked sensitive (case reviews, child deaths) and, when it is found,
   * records who viewed it. On a page the record is written last, as the page's transaction
   * commits before the page is sent: the audit chain's lock, which other views of the
   * partnership wait for, is then not held while the page is put together.
   */
  async function readSensitive<T>(
    context: TenantContext,
    record: { entityType: string; entityId: string },
    read: (tx: Executor) => Promise<T | null>,
  ) {
    const found = await inTenant(db, context, read);
    if (found !== null)
      await inTenantLast(db, context, (tx) =>
        recordView(tx, context, record.entityType, record.entityId),
      );
    return found;
  }

  /** A page of events, newest first, each with its sentence and changes in words. */
  async function page(context: TenantContext, filter: AuditFilter) {
    return inTenant(db, context, async (tx) => {
      const rows = await listAuditEvents(tx, filter, AUDIT_PAGE_SIZE + 1);
      const hasMore = rows.length > AUDIT_PAGE_SIZE;
      const events = await eventsInWords(tx, rows.slice(0, AUDIT_PAGE_SIZE));
      return { events, nextBeforeSeq: hasMore ? events.at(-1)?.seq : undefined };
    });
  }

  async function exportCsv(context: TenantContext, filter: AuditFilter): Promise<string> {
    const header = [
      'seq',
      'occurred_at',
      'actor',
      'action',
      'entity_type',
      'entity_id',
      'request_id',
      'before',
      'after',
      'hash',
      'what_happened',
    ];
    const lines: string[] = [toCsv([header])];
    await inTenant(db, context, async (tx) => {
      let beforeSeq = filter.beforeSeq;
      for (;;) {
        const batch = await listAuditEvents(tx, { ...filter, beforeSeq }, EXPORT_BATCH);
        lines.push(
          toCsv(
            (await eventsInWords(tx, batch)).map((event) => [
              event.seq,
              event.occurredAt,
              event.actorEmail ?? '',
              event.action,
              event.entityType,
              event.entityId ?? '',
              event.requestId ?? '',
              event.before === null ? '' : JSON.stringify(event.before),
              event.after === null ? '' : JSON.stringify(event.after),
              event.hash,
              event.sentence,
            ]),
          ),
        );
        if (batch.length < EXPORT_BATCH) break;
        beforeSeq = batch.at(-1)?.seq;
      }
    });
    return lines.join('');
  }

  /** A record's own history, newest first, read in the caller's transaction. */
  function historyOf(tx: Executor, entityType: string, entityId: string, limit = 25) {
    return listAuditEvents(tx, { entityType, entityId }, limit);
  }

  return { record, readSensitive, page, exportCsv, historyOf };
}

export type AuditService = ReturnType<typeof buildAuditService>;

/** For the operator's `audit:verify`: run with the owner connection, which sees every chain. */
export function verifyAuditChains(ownerDb: Database) {
  return ownerDb.transaction((tx) => findFirstBrokenLink(tx));
}
