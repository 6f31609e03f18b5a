import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ukDate, ukDateTime } from '../dates.js';
import { eventKind, eventSentence } from './audit-wording.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CODE = /^[a-z]+(_[a-z]+)*$/;
/** Fields whose values are codes of a vocabulary ("in_progress"): shown as words. */
const CODED_FIELD = /(status|kind|outcome|purpose|origin|type|cadence|choice|roles?)$/i;
const MAX_VALUE = 200;

interface StoredEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  actorName: string | null;
}

/** "startsAt" -> "Starts at", "agencyIds" -> "Agencies"; keys that are names stay as they are. */
export function fieldName(key: string): string {
  if (!/^[a-z][a-zA-Z]*$/.test(key)) return key;
  const words = key
    .replace(/Ids$/, 's')
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/ys$/, 'ies');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const sentenceCase = (code: string) => {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const clipped = (text: string) =>
  text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;

/**
 * A stored value in words, or null to leave the field out: an id nobody here may read is
 * not shown as a meaningless code.
 */
function valueInWords(key: string, value: unknown, names: Map<string, string>): string | null {
  if (value === null || value === undefined || value === '') return 'none';
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID.test(value)) return names.get(value) ?? null;
    if (ISO_DATE.test(value)) return ukDate(value);
    if (ISO_MOMENT.test(value)) return ukDateTime(value);
    // Attendance is keyed by the person's name, its values are the statuses' codes.
    const coded = CODED_FIELD.test(key) || !/^[a-z][a-zA-Z]*$/.test(key);
    if (coded && CODE.test(value)) return sentenceCase(value);
    return clipped(value);
  }
  if (Array.isArray(value)) {
    const shown = value.map((item) => valueInWords(key, item, names));
    if (shown.some((item) => item === null)) return null;
    return shown.length ? shown.join(', ') : 'none';
  }
  return clipped(JSON.stringify(value));
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** Each field the change touched: its name, and its value before and after, in words. */
export function changesInWords(
  event: Pick<StoredEvent, 'before' | 'after'>,
  names: Map<string, string>,
) {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => key !== 'version',
  );
  return keys.flatMap((key) => {
    const had = key in before ? valueInWords(key, before[key], names) : undefined;
    const has = key in after ? valueInWords(key, after[key], names) : undefined;
    if (had === null || has === null) return [];
    if (had !== undefined && had === has) return [];
    return [{ field: fieldName(key), before: had ?? null, after: has ?? null }];
  });
}

/** The record ids an event mentions: its own and any in its values. */
function idsIn(events: StoredEvent[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && UUID.test(value)) ids.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const event of events) [event.entityId, event.before, event.after].forEach(visit);
  return [...ids];
}

/**
 * Names of the records with these ids, in one query, under the partnership's row-level
 * security. Only names anyone who reads the audit trail may see elsewhere: agencies, people,
 * bodies, meetings, agenda items, accounts, and a case by its reference (which the case list
 * shows to all); never anything inside a case.
 */
async function recordNames(tx: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await tx.execute<{ id: string; name: string; starts_at: string | null }>(sql`
    select id, name, null::timestamptz as starts_at from agency where id in (${list})
    union all select id, full_name, null from person where id in (${list})
    union all select id, name, null from body where id in (${list})
    union all select m.id, b.name, m.starts_at from meeting m join body b on b.id = m.body_id
      where m.id in (${list})
    union all select id, title, null from agenda_item where id in (${list})
    union all select id, display_name, null from app_user where id in (${list})
    union all select id, reference, null from review_case where id in (${list})`);
  return new Map(
    result.rows.map((row) => [
      row.id,
      row.starts_at ? `the ${row.name} meeting of ${ukDate(row.starts_at)}` : row.name,
    ]),
  );
}

/** Events as people read them: a sentence, the kind of event, and the fields it changed. */
export async function eventsInWords<E extends StoredEvent>(tx: Executor, events: E[]) {
  const names = await recordNames(tx, idsIn(events));
  return events.map((event) => ({
    ...event,
    kind: eventKind(event.action),
    sentence: eventSentence(
      event.action,
      event.actorName,
      event.entityId ? (names.get(event.entityId) ?? null) : null,
    ),
    changes: changesInWords(event, names),
  }));
}
