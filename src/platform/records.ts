import type { Executor } from '../db/client.js';
import { ukDateTime } from './dates.js';
import type { AuditService } from './audit/audit.service.js';

/** True when a statement failed on the named unique index or constraint. */
export function violatesUnique(error: unknown, constraint: string): boolean {
  for (let cause = error; cause && typeof cause === 'object';) {
    const candidate = cause as { code?: string; constraint?: string; cause?: unknown };
    if (candidate.code === '23505') return candidate.constraint === constraint;
    cause = candidate.cause;
  }
  return false;
}

/**
 * The message for an edit made on a version someone has since changed: who changed it and
 * when, so the person can compare before saving again. Their typed values are kept.
 */
export async function staleEditMessage(
  audit: AuditService,
  tx: Executor,
  record: { entityType: string; entityId: string; noun: string },
) {
  const [latest] = await audit.historyOf(tx, record.entityType, record.entityId, 1);
  const who = latest?.actorName ?? 'someone else';
  const when = latest ? ` on ${ukDateTime(latest.occurredAt)}` : '';
  return `${who} changed this ${record.noun}${when} while you were editing it. Check the current details, then save your changes again.`;
}

/**
 * The version a re-shown form carries: after a stale edit the record's current one, so that
 * saving again is a deliberate choice over the other person's change; otherwise the one sent.
 */
export function versionToShow(
  sent: { values?: { version?: unknown }; errors?: Record<string, string> },
  current: number,
) {
  return sent.values && !sent.errors?.form ? sent.values.version : current;
}
