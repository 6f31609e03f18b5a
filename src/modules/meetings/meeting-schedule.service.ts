import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukDate, ukDateAndTime, ukMoment } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { IsoDate } from '../../platform/working-days.js';
import {
  occurrenceName,
  planYearOfMeetings,
  type MeetingCadence,
  type PlannedMeeting,
} from './meeting-cadence.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { bodyProblem, scheduleMeeting } from './meeting-records.service.js';
import type { YearOfMeetingsInput } from './meeting-schedule.forms.js';
import { scheduledMeetingsOfBodyBetween } from './meeting-schedule.repository.js';

type BodyRow = NonNullable<
  Awaited<ReturnType<MeetingsDependencies['governance']['bodies']['get']>>
>;

/** One meeting of the planned year, with its start and end in UK time. */
export interface PlannedMeetingTimes extends PlannedMeeting {
  startsAt: Date;
  endsAt: Date;
}

export interface YearOfMeetingsPlan {
  body: BodyRow;
  /** "Monthly, on the second Tuesday", "Every 6 weeks" */
  pattern: string;
  meetings: PlannedMeetingTimes[];
}

const EVERY: Record<Exclude<MeetingCadence, 'custom'>, string> = {
  monthly: 'Monthly',
  bi_monthly: 'Every two months',
  quarterly: 'Every three months',
};

function patternOf(cadence: MeetingCadence, first: IsoDate, weeks: number | null) {
  if (cadence === 'custom') return weeks === 1 ? 'Every week' : `Every ${weeks} weeks`;
  return `${EVERY[cadence]}, on ${occurrenceName(first)}`;
}

/** Why the body's cadence and the weeks typed do not go together, or null. */
function weeksProblem(body: BodyRow, weeks: number | null) {
  if (body.cadence === 'custom' && weeks === null)
    return `Enter how many weeks apart the meetings are: ${body.name} has a custom cadence`;
  if (body.cadence !== 'custom' && weeks !== null)
    return `Leave the weeks between meetings blank: ${body.name} meets ${EVERY[body.cadence as Exclude<MeetingCadence, 'custom'>].toLowerCase()}`;
  return null;
}

const dayAfter = (day: IsoDate) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
};

/** "Body 3 already has a meeting on 9 February 2027 and 9 March 2027 …", or null. */
async function clashProblem(tx: Executor, plan: YearOfMeetingsPlan) {
  const days = plan.meetings.map((meeting) => meeting.day);
  const existing = await scheduledMeetingsOfBodyBetween(
    tx,
    plan.body.id,
    ukMoment(days[0]!, '00:00'),
    ukMoment(dayAfter(days.at(-1)!), '00:00'),
  );
  const clashes = existing
    .map((meeting) => ukDateAndTime(meeting.startsAt).day)
    .filter((day) => days.includes(day));
  if (clashes.length === 0) return null;
  const named = [...new Set(clashes)].map((day) => ukDate(ukMoment(day, '12:00')));
  const list =
    named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `${plan.body.name} already has a meeting on ${list}. Change or cancel ${named.length === 1 ? 'it' : 'them'} first, or choose another first date`;
}

/** Scheduling a body's meetings for a year from its cadence: the plan, then all at once. */
export function buildYearScheduling(dependencies: MeetingsDependencies) {
  const { db, audit, governance, calendar } = dependencies;

  /** The year's meetings as they would be scheduled, or why they cannot be. */
  async function planYear(
    context: TenantContext,
    input: YearOfMeetingsInput,
  ): Promise<Outcome<YearOfMeetingsPlan>> {
    const { body, problem } = await bodyProblem(governance, context, input.bodyId);
    if (problem || !body) return failure({ bodyId: problem ?? 'Select the body that is meeting' });
    if (input.firstDay < calendar.today())
      return failure({ firstDay: 'The first meeting must be today or in the future' });
    const weeks = weeksProblem(body, input.intervalWeeks);
    if (weeks) return failure({ intervalWeeks: weeks });
    const cadence = body.cadence as MeetingCadence;
    const working = await calendar.workingCalendar(context);
    const meetings = planYearOfMeetings(
      input.firstDay,
      cadence,
      working,
      input.intervalWeeks ?? undefined,
    ).map((planned) => ({
      ...planned,
      startsAt: ukMoment(planned.day, input.startTime),
      endsAt: ukMoment(planned.day, input.endTime),
    }));
    const plan = {
      body,
      pattern: patternOf(cadence, input.firstDay, input.intervalWeeks),
      meetings,
    };
    const clash = await inTenant(db, context, (tx) => clashProblem(tx, plan));
    return clash ? failure({ firstDay: clash }) : success(plan);
  }

  /** Schedules every meeting of the plan in one transaction, each with its agenda started. */
  async function scheduleYear(
    context: TenantContext,
    input: YearOfMeetingsInput,
  ): Promise<Outcome<YearOfMeetingsPlan>> {
    const planned = await planYear(context, input);
    if (!planned.ok) return planned;
    const plan = planned.value;
    return inTenant(db, context, async (tx) => {
      // Checked again here: someone may have scheduled one since the plan was shown.
      const clash = await clashProblem(tx, plan);
      if (clash) return failure({ firstDay: clash });
      for (const meeting of plan.meetings)
        await scheduleMeeting(tx, context, audit, {
          bodyId: plan.body.id,
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          location: input.location,
        });
      return success(plan);
    });
  }

  return { planYear, scheduleYear };
}
