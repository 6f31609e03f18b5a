import { sql } from 'drizzle-orm';
import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import { startOfNextUkDay, ukMoment } from '../../platform/dates.js';
import { ukToday } from '../../platform/date-input.js';
import type { StatisticsFilter } from './attendance-statistics.forms.js';
import type { MeetingsDependencies } from './meeting-context.js';

/** One body and one agency it seats: how its members' seats were filled over the period. */
export interface AttendanceStatistic {
  bodyId: string;
  bodyName: string;
  agencyId: string;
  agencyName: string;
  /** Held meetings at which the agency had at least one member expected. */
  meetings: number;
  /** Seats expected: one per member of the agency per held meeting. */
  expected: number;
  present: number;
  deputy: number;
  apologies: number;
  absent: number;
  notRecorded: number;
  /** Present plus represented by a deputy, over seats expected, as a whole percentage. */
  rate: number;
}

interface Period {
  from: Date;
  until: Date;
  bodyId?: string;
}

/**
 * Every seat expected at each held (not cancelled, already started) meeting in the period:
 * the memberships of the meeting's body current on its UK date, with what was recorded.
 */
async function seatsFilled(tx: Executor, period: Period) {
  const meetingDay = sql`(m.starts_at at time zone 'Europe/London')::date`;
  const result = await tx.execute<Omit<AttendanceStatistic, 'rate'>>(sql`
    select b.id as "bodyId", b.name as "bodyName", a.id as "agencyId", a.name as "agencyName",
      count(distinct m.id)::int as "meetings",
      count(*)::int as "expected",
      count(*) filter (where att.status = 'present')::int as "present",
      count(*) filter (where att.status = 'deputy')::int as "deputy",
      count(*) filter (where att.status = 'apologies')::int as "apologies",
      count(*) filter (where att.status = 'absent')::int as "absent",
      count(*) filter (where att.id is null)::int as "notRecorded"
    from meeting m
    join body b on b.id = m.body_id
    join membership ms on ms.body_id = m.body_id and ms.starts_on <= ${meetingDay}
      and (ms.ends_on is null or ms.ends_on >= ${meetingDay})
    join agency a on a.id = ms.represents_agency_id
    left join attendance att on att.meeting_id = m.id and att.membership_id = ms.id
    where m.status = 'scheduled'
      and m.starts_at >= ${period.from.toISOString()}::timestamptz
      and m.starts_at < ${period.until.toISOString()}::timestamptz
      ${period.bodyId ? sql`and m.body_id = ${period.bodyId}` : sql``}
    group by b.id, b.name, a.id, a.name
    order by lower(b.name), lower(a.name)`);
  return result.rows;
}

const rateOf = (row: Omit<AttendanceStatistic, 'rate'>) =>
  row.expected === 0 ? 0 : Math.round(((row.present + row.deputy) / row.expected) * 100);

/** Attendance statistics per body and represented agency, for the yearly report. */
export function buildAttendanceStatistics(dependencies: MeetingsDependencies) {
  const { db, clock } = dependencies;

  const today = () => ukToday(clock.now());

  async function statistics(
    context: TenantContext,
    filter: StatisticsFilter,
  ): Promise<AttendanceStatistic[]> {
    const endOfPeriod = startOfNextUkDay(ukMoment(filter.to, '00:00'));
    const now = clock.now();
    const period = {
      from: ukMoment(filter.from, '00:00'),
      // Meetings still to start have not been held, whatever the period says.
      until: endOfPeriod < now ? endOfPeriod : now,
      bodyId: filter.body,
    };
    const rows = await inTenant(db, context, (tx) => seatsFilled(tx, period));
    return rows.map((row) => ({ ...row, rate: rateOf(row) }));
  }

  async function statisticsCsv(context: TenantContext, filter: StatisticsFilter) {
    const rows = await statistics(context, filter);
    return toCsv([
      [
        'Body',
        'Agency',
        'Meetings',
        'Seats expected',
        'Present',
        'Represented by a deputy',
        'Apologies',
        'Absent',
        'Not recorded',
        'Attendance rate (%)',
      ],
      ...rows.map((row) => [
        row.bodyName,
        row.agencyName,
        row.meetings,
        row.expected,
        row.present,
        row.deputy,
        row.apologies,
        row.absent,
        row.notRecorded,
        row.rate,
      ]),
    ]);
  }

  return { today, statistics, statisticsCsv };
}
