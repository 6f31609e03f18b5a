import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import {
  AGENCY_TYPES,
  BODY_TYPES,
  CADENCES,
  MEMBERSHIP_STATUSES,
} from './governance.vocabulary.js';

/** Fields whose stored values are a vocabulary's keys, shown by their words. */
const VOCABULARY_FIELDS: Record<string, Record<string, string>> = {
  agencyType: AGENCY_TYPES.names,
  bodyType: BODY_TYPES.names,
  cadence: CADENCES.names,
  status: MEMBERSHIP_STATUSES.names,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_VALUE = 200;

/** "reportsToId" -> "reports to", "chairPersonId" -> "chair person"... as people say them. */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/(PersonId|Id)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function shown(value: unknown, names: Map<string, string>): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'string') {
    const text = names.get(value) ?? value;
    return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  }
  if (Array.isArray(value)) return value.map((item) => shown(item, names)).join(', ');
  return JSON.stringify(value);
}

/** The record ids a change mentions, to name them. */
function idsIn(values: unknown[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return [...ids];
}

/** Names of the agencies, people and bodies with these ids, in one query. */
async function registryNames(tx: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await tx.execute<{ id: string; name: string }>(sql`
    select id, name from agency where id in (${list})
    union all select id, full_name from person where id in (${list})
    union all select id, name from body where id in (${list})`);
  return new Map(result.rows.map((row) => [row.id, row.name]));
}

/**
 * A record's history from the audit trail, each change as labelled values with the ids of
 * agencies, people and bodies replaced by their names.
 */
export async function readableHistory(
  audit: AuditService,
  tx: Executor,
  entityType: string,
  entityId: string,
) {
  const events = await audit.historyOf(tx, entityType, entityId);
  const names = await registryNames(tx, idsIn(events.map((event) => event.after)));
  return events.map((event) => ({
    ...event,
    changes:
      event.after && typeof event.after === 'object' && !Array.isArray(event.after)
        ? Object.entries(event.after as Record<string, unknown>)
            .filter(([key, value]) => key !== 'version' && value !== undefined)
            .map(([key, value]) => ({
              label: fieldLabel(key),
              value: shown(VOCABULARY_FIELDS[key]?.[String(value)] ?? value, names),
            }))
        : [],
  }));
}
