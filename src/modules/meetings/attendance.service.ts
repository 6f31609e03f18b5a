import { inTenant, type TenantContext } from '../../db/client.js';
import { ukDateAndTime } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { quorum } from '../governance/quorum.js';
import {
  attendanceProblems,
  registerForQuorum,
  registerOn,
  type AttendanceChoice,
  type RegisterLine,
} from './attendance-register.js';
import {
  attendanceOfMeeting,
  findGuest,
  insertAttendance,
  lockAttendanceOf,
  meetingsWithApologies,
  updateAttendance,
} from './attendance.repository.js';
import type { GuestInput } from './attendance.forms.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { approvedRecordProblem } from './approved-record.js';
import { findMeeting } from './meetings.repository.js';
import { lockMeeting } from './minutes.repository.js';
import { attendeesForQuorum } from './quoracy.js';
import { quoracyRisk, type QuoracyRisk } from './quoracy-risk.js';

export const CANCELLED_ATTENDANCE = 'This meeting was cancelled, so no attendance can be recorded';

/** "Present", "Represented by Dana Hughes": one member's attendance as the history shows it. */
function statusWords(line: RegisterLine, status: string, deputyId: string | null) {
  if (status !== 'deputy') return status;
  const deputy = line.deputies.find((row) => row.deputyId === deputyId);
  return `represented by ${deputy?.personName ?? 'a deputy'}`;
}

const changed = (line: RegisterLine, choice: AttendanceChoice) =>
  !line.recorded ||
  line.recorded.status !== choice.status ||
  line.recorded.deputyId !== choice.deputyId;

/** Who attends a meeting, whether it is quorate (section 21), and its guests. */
export function buildAttendance(dependencies: MeetingsDependencies) {
  const { db, audit, clock, governance } = dependencies;

  /** The meeting, its body, and a line per seat on the body on the meeting's day. */
  async function register(context: TenantContext, meetingId: string) {
    const loaded = await inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      return meeting ? { meeting, recorded: await attendanceOfMeeting(tx, meetingId) } : null;
    });
    if (!loaded) return null;
    const day = ukDateAndTime(loaded.meeting.startsAt).day;
    const found = await governance.bodies.roster(context, loaded.meeting.bodyId, day);
    if (!found) return null;
    const seats = found.memberships.map(({ membership, personName, agencyName }) => ({
      membershipId: membership.id,
      personName,
      agencyId: membership.representsAgencyId,
      agencyName,
      decisionMaking: membership.decisionMaking,
      startsOn: membership.startsOn,
      endsOn: membership.endsOn,
    }));
    const deputies = found.deputies.map(({ deputy, personName }) => ({
      deputyId: deputy.id,
      membershipId: deputy.membershipId,
      personName,
      startsOn: deputy.startsOn,
      endsOn: deputy.endsOn,
    }));
    return {
      meeting: loaded.meeting,
      body: found.body,
      day,
      lines: registerOn(day, seats, deputies, loaded.recorded),
      guests: loaded.recorded.filter((row) => row.membershipId === null),
      quorumRule: found.quorumRule,
    };
  }

  type Register = NonNullable<Awaited<ReturnType<typeof register>>>;

  /** The people named by memberships the register does not hold, for the error message. */
  async function namesOutside(context: TenantContext, loaded: Register, ids: string[]) {
    const names: Record<string, string> = {};
    for (const id of ids) {
      if (loaded.lines.some((line) => line.seat.membershipId === id)) continue;
      const found = await governance.memberships.find(context, id);
      if (found) names[id] = found.personName;
    }
    return names;
  }

  /**
   * Records every member's attendance in one transaction. A member someone else recorded
   * differently since the form was shown is a conflict: nothing is saved and the person is told.
   */
  async function record(
    context: TenantContext,
    meetingId: string,
    choices: AttendanceChoice[],
  ): Promise<Outcome<{ changed: number }>> {
    const loaded = await register(context, meetingId);
    if (!loaded) return failure({ register: 'This meeting does not exist' });
    if (loaded.meeting.status === 'cancelled') return failure({ register: CANCELLED_ATTENDANCE });
    const locked = approvedRecordProblem(loaded.meeting, 'its attendance');
    if (locked) return failure({ register: locked });
    const names = await namesOutside(
      context,
      loaded,
      choices.map((choice) => choice.membershipId),
    );
    const errors = attendanceProblems(
      loaded.lines,
      choices,
      { bodyName: loaded.body.name, day: loaded.day },
      names,
    );
    if (Object.keys(errors).length > 0) return failure(errors);
    return inTenant(db, context, async (tx) => {
      // Approving the minutes locks this row too: attendance cannot change under an approval.
      const lockedNow = approvedRecordProblem(
        (await lockMeeting(tx, meetingId))!,
        'its attendance',
      );
      if (lockedNow) return failure({ register: lockedNow });
      await lockAttendanceOf(tx, meetingId);
      const current = registerOn(
        loaded.day,
        loaded.lines.map((line) => line.seat),
        loaded.lines.flatMap((line) => line.deputies),
        await attendanceOfMeeting(tx, meetingId),
      );
      const toWrite = choices.flatMap((choice) => {
        const line = current.find((row) => row.seat.membershipId === choice.membershipId)!;
        return changed(line, choice) ? [{ line, choice }] : [];
      });
      const overwrites = toWrite.some(
        ({ line, choice }) => line.recorded && line.recorded.version !== choice.version,
      );
      if (overwrites)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'meeting',
            entityId: meetingId,
            noun: "meeting's attendance",
          }),
        });
      const before: Record<string, string> = {};
      const after: Record<string, string> = {};
      for (const { line, choice } of toWrite) {
        const values = { status: choice.status, deputyId: choice.deputyId };
        if (line.recorded)
          await updateAttendance(tx, line.recorded.id, line.recorded.version, values);
        else
          await insertAttendance(tx, {
            ...values,
            partnershipId: context.partnershipId,
            meetingId,
            membershipId: line.seat.membershipId,
          });
        const who = line.seat.personName;
        if (line.recorded)
          before[who] = statusWords(line, line.recorded.status, line.recorded.deputyId);
        after[who] = statusWords(line, choice.status, choice.deputyId);
      }
      if (toWrite.length > 0)
        await audit.record(tx, context, {
          action: 'meeting.attendance_recorded',
          entityType: 'meeting',
          entityId: meetingId,
          before,
          after,
        });
      return success({ changed: toWrite.length });
    });
  }

  async function guest(context: TenantContext, meetingId: string, guestId: string) {
    return inTenant(db, context, (tx) => findGuest(tx, meetingId, guestId));
  }

  async function addGuest(
    context: TenantContext,
    meetingId: string,
    input: GuestInput,
  ): Promise<Outcome<{ id: string }>> {
    return inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      if (!meeting) return failure({ guestName: 'This meeting does not exist' });
      if (meeting.status === 'cancelled') return failure({ guestName: CANCELLED_ATTENDANCE });
      const locked = approvedRecordProblem(meeting, 'its guests');
      if (locked) return failure({ guestName: locked });
      const row = await insertAttendance(tx, {
        partnershipId: context.partnershipId,
        meetingId,
        status: 'present',
        guestName: input.guestName,
        guestRole: input.guestRole,
      });
      await audit.record(tx, context, {
        action: 'meeting.guest_added',
        entityType: 'meeting',
        entityId: meetingId,
        after: { guestName: input.guestName, guestRole: input.guestRole },
      });
      return success({ id: row.id });
    });
  }

  /** Changes a guest's row, if the meeting still takes attendance and nobody got there first. */
  async function changeGuest(
    context: TenantContext,
    where: { meetingId: string; guestId: string; version: number | undefined },
    change: {
      action: string;
      values: { guestName?: string; guestRole?: string | null; withdrawnAt?: Date };
    },
  ): Promise<Outcome<true>> {
    const { meetingId, guestId } = where;
    return inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      const before = await findGuest(tx, meetingId, guestId);
      if (!meeting || !before) return failure({ guestName: 'This guest is not recorded' });
      if (meeting.status === 'cancelled') return failure({ guestName: CANCELLED_ATTENDANCE });
      const locked = approvedRecordProblem(meeting, 'its guests');
      if (locked) return failure({ guestName: locked });
      const after = await updateAttendance(
        tx,
        guestId,
        where.version ?? before.version,
        change.values,
      );
      if (!after)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'meeting',
            entityId: meetingId,
            noun: "meeting's attendance",
          }),
        });
      await audit.record(tx, context, {
        action: change.action,
        entityType: 'meeting',
        entityId: meetingId,
        before: { guestName: before.guestName, guestRole: before.guestRole },
        after: change.values.withdrawnAt
          ? { removed: true }
          : { guestName: after.guestName, guestRole: after.guestRole },
      });
      return success(true);
    });
  }

  /** A guest's name or role typed wrongly. */
  const correctGuest = (
    context: TenantContext,
    meetingId: string,
    guestId: string,
    input: GuestInput,
  ) =>
    changeGuest(
      context,
      { meetingId, guestId, version: input.version },
      {
        action: 'meeting.guest_corrected',
        values: { guestName: input.guestName, guestRole: input.guestRole },
      },
    );

  /** A guest recorded by mistake: kept in the audit trail, gone from the meeting's record. */
  const removeGuest = (
    context: TenantContext,
    meetingId: string,
    guestId: string,
    version?: number,
  ) =>
    changeGuest(
      context,
      { meetingId, guestId, version },
      { action: 'meeting.guest_removed', values: { withdrawnAt: clock.now() } },
    );

  function quoracyOf(loaded: Register) {
    const present = attendeesForQuorum(registerForQuorum(loaded.lines));
    return {
      ...quorum(loaded.quorumRule, { date: loaded.day, present }),
      recorded: loaded.lines.some((line) => line.recorded !== null),
    };
  }

  /** Whether the meeting is quorate on what is recorded so far (section 21). */
  async function quoracy(context: TenantContext, meetingId: string) {
    const loaded = await register(context, meetingId);
    return loaded ? quoracyOf(loaded) : null;
  }

  /**
   * For each meeting, the partners its quorum needs that apologies leave unrepresented, by
   * the rule the meeting page applies (the default one too), with any deputy who could
   * cover. Meetings without such a risk are left out.
   */
  async function quoracyRisks(context: TenantContext, meetingIds: string[]) {
    const withApologies = await inTenant(db, context, (tx) =>
      meetingsWithApologies(tx, meetingIds),
    );
    const risks: Record<string, QuoracyRisk> = {};
    for (const meetingId of withApologies) {
      const loaded = await register(context, meetingId);
      const risk = loaded && quoracyRisk(loaded.quorumRule, loaded.day, loaded.lines);
      if (risk) risks[meetingId] = risk;
    }
    return risks;
  }

  /** What the meeting page shows: the quorum, and who came, sent apologies or stayed away. */
  async function overview(context: TenantContext, meetingId: string) {
    const loaded = await register(context, meetingId);
    if (!loaded) return null;
    const withStatus = (status: string) =>
      loaded.lines.filter((line) => line.recorded?.status === status).map((line) => line.seat);
    return {
      quoracy: quoracyOf(loaded),
      present: withStatus('present'),
      apologies: withStatus('apologies'),
      absent: withStatus('absent'),
      deputies: loaded.lines
        .filter((line) => line.recorded?.status === 'deputy')
        .map(({ seat, deputies, recorded }) => ({
          seat,
          deputyName:
            deputies.find((deputy) => deputy.deputyId === recorded!.deputyId)?.personName ?? '',
        })),
      notRecorded: loaded.lines.filter((line) => !line.recorded).map((line) => line.seat),
      guests: loaded.guests,
    };
  }

  return {
    register,
    record,
    guest,
    addGuest,
    correctGuest,
    removeGuest,
    quoracy,
    quoracyRisks,
    overview,
  };
}

export type AttendanceService = ReturnType<typeof buildAttendance>;
