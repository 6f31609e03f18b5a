import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import type { RegisterStatus } from './register-status.js';

export interface RegisterQuery {
  bodyId?: string;
  statuses?: readonly RegisterStatus[];
  /** Meetings starting at or after this moment. */
  from?: Date;
  /** Meetings starting before this moment. */
  until?: Date;
}

export type RegisterRow = {
  id: string;
  meetingId: string;
  agendaItemId: string;
  meetingStartsAt: Date;
  bodyId: string;
  bodyName: string;
  kind: 'decision' | 'recommendation';
  text: string;
  /** ratified, not_ratified or deferred when this row is a ratifying body's hearing */
  ratificationOutcome: string | null;
  ratifyingBodyId: string | null;
  ratifyingBodyName: string | null;
  status: RegisterStatus;
};

/**
 * Every decision with its meeting, body, ratifying body and status. The status reads the
 * latest hearing of the decision through the index on ratifies_decision_id, so filtering
 * by it and paging stay in PostgreSQL.
 */
const registerFrom = sql`
  from decision d
  join meeting m on m.id = d.meeting_id
  join body b on b.id = m.body_id
  left join body rb on rb.id = d.ratifying_body_id
  cross join lateral (
    select case when not d.needs_ratification then 'recorded'
      else coalesce((
        select h.ratification_outcome from decision h
        join meeting hm on hm.id = h.meeting_id
        where h.ratifies_decision_id = d.id
        order by hm.starts_at desc, h.created_at desc limit 1
      ), 'awaiting') end as status
  ) st`;

function where(query: RegisterQuery): SQL {
  const parts = [sql`true`];
  if (query.bodyId) parts.push(sql`m.body_id = ${query.bodyId}`);
  if (query.statuses)
    parts.push(
      sql`st.status in (${sql.join(
        query.statuses.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    );
  if (query.from) parts.push(sql`m.starts_at >= ${query.from.toISOString()}::timestamptz`);
  if (query.until) parts.push(sql`m.starts_at < ${query.until.toISOString()}::timestamptz`);
  return sql.join(parts, sql` and `);
}

const columns = sql`d.id, d.meeting_id as "meetingId", d.agenda_item_id as "agendaItemId",
  m.starts_at as "meetingStartsAt", b.id as "bodyId", b.name as "bodyName", d.kind, d.text,
  d.ratification_outcome as "ratificationOutcome", rb.id as "ratifyingBodyId",
  rb.name as "ratifyingBodyName", st.status`;

const withDates = (rows: RegisterRow[]) =>
  rows.map((row) => ({ ...row, meetingStartsAt: new Date(row.meetingStartsAt) }));

/** The register's rows, latest meeting first and in the order made; a page, or all for an export. */
export async function registerRows(
  tx: Executor,
  query: RegisterQuery,
  page?: { limit: number; offset: number },
) {
  const result = await tx.execute<RegisterRow>(sql`
    select ${columns} ${registerFrom} where ${where(query)}
    order by m.starts_at desc, d.created_at, d.id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`);
  return withDates(result.rows);
}

export async function registerCount(tx: Executor, query: RegisterQuery) {
  const result = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total ${registerFrom} where ${where(query)}`,
  );
  return result.rows[0]?.total ?? 0;
}

export type WaitingRow = RegisterRow & {
  nextMeetingId: string | null;
  nextMeetingStartsAt: Date | null;
};

/**
 * Decisions still waiting for ratification, oldest first, each with the ratifying body's
 * next scheduled meeting after `now` (null when it has none).
 */
export async function waitingWithNextMeeting(tx: Executor, now: Date, limit: number) {
  const result = await tx.execute<WaitingRow>(sql`
    select ${columns}, nm.id as "nextMeetingId", nm.starts_at as "nextMeetingStartsAt"
    ${registerFrom}
    left join lateral (
      select n.id, n.starts_at from meeting n
      where n.body_id = d.ratifying_body_id and n.status = 'scheduled'
        and n.starts_at > ${now.toISOString()}::timestamptz
      order by n.starts_at limit 1
    ) nm on true
    where ${where({ statuses: ['awaiting', 'deferred'] })}
    order by m.starts_at, d.created_at, d.id
    limit ${limit}`);
  return result.rows.map((row) => ({
    ...row,
    meetingStartsAt: new Date(row.meetingStartsAt),
    nextMeetingStartsAt: row.nextMeetingStartsAt ? new Date(row.nextMeetingStartsAt) : null,
  }));
}
