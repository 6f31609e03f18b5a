import type { Database, Executor, TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { ukToday } from '../../platform/date-input.js';
import { staleEditMessage } from '../../platform/records.js';
import { readableHistory } from './registry-history.js';

export interface RegistryDependencies {
  db: Database;
  audit: AuditService;
  clock: Clock;
}

export const PAGE_SIZE = 25;

/** Page numbers to offsets, and the page count for a total. */
export function paging(page: number | undefined, total?: number) {
  const current = page ?? 1;
  return {
    current,
    offset: (current - 1) * PAGE_SIZE,
    pages: total === undefined ? undefined : Math.max(1, Math.ceil(total / PAGE_SIZE)),
  };
}

/** Helpers every registry service shares: today's date and the audit calls. */
export function registryTools({ audit, clock }: RegistryDependencies) {
  return {
    today: () => ukToday(clock.now()),
    now: () => clock.now(),
    changed: (
      tx: Executor,
      context: TenantContext,
      action: string,
      entityType: string,
      entityId: string,
      change: { before?: unknown; after?: unknown },
    ) => audit.record(tx, context, { action, entityType, entityId, ...change }),
    stale: (tx: Executor, entityType: string, entityId: string, noun: string) =>
      staleEditMessage(audit, tx, { entityType, entityId, noun }),
    history: (tx: Executor, entityType: string, entityId: string) =>
      readableHistory(audit, tx, entityType, entityId),
  };
}
