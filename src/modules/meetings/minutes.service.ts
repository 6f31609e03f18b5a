import { asc, eq } from 'drizzle-orm';
import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { agendaItem } from '../../db/schema/index.js';
import { ukDate, ukDateAndTime, ukDateTime } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { itemsOfMeeting, type AgendaItemRow } from './agenda.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { membersOnDay, type MemberToTell } from './meeting-members.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { minuteField, type MinuteInput } from './minutes.forms.js';
import { lockMeeting, markMinutesCirculated, saveItemMinute } from './minutes.repository.js';
import {
  circulationProblem,
  hasMinutes,
  minutedItems,
  minutesEditProblem,
  minutesStatusLine,
} from './minutes.rules.js';

/** The start of the meeting that approved a meeting's minutes: "locked since the meeting on …". */
export async function approvedAtMeetingOn(tx: Executor, row: MeetingRow) {
  if (!row.minutesApprovedAtMeetingId) return row.minutesApprovedAt;
  const approving = await findMeeting(tx, row.minutesApprovedAtMeetingId);
  return approving?.startsAt ?? row.minutesApprovedAt;
}

/** The items' rows locked until the transaction ends, so versions checked stay true. */
const lockItemsOf = (tx: Executor, meetingId: string) =>
  tx
    .select()
    .from(agendaItem)
    .where(eq(agendaItem.meetingId, meetingId))
    .orderBy(asc(agendaItem.position))
    .for('update');

/** Drafting a meeting's minutes item by item, and circulating them to the body's members. */
export function buildMinutesService(dependencies: MeetingsDependencies) {
  const { db, audit, clock, mail, governance, publicUrl } = dependencies;

  /** A meeting's minutes as the minutes form and the meeting page show them. */
  async function minutesOf(context: TenantContext, meetingId: string) {
    const found = await inTenant(db, context, async (tx) => {
      const row = await findMeeting(tx, meetingId);
      if (!row) return null;
      const approvedOn = await approvedAtMeetingOn(tx, row);
      const items = minutedItems(await itemsOfMeeting(tx, meetingId));
      // The earlier meetings whose minutes this one's approval items are for, by item id.
      const approvals: Record<string, MeetingRow> = {};
      for (const item of items) {
        const earlier = item.approvesMinutesOfMeetingId
          ? await findMeeting(tx, item.approvesMinutesOfMeetingId)
          : null;
        if (earlier) approvals[item.id] = earlier;
      }
      return { meeting: row, items, approvedAtMeetingOn: approvedOn, approvals };
    });
    if (!found) return null;
    const { meeting, items, approvedAtMeetingOn: approvedOn } = found;
    return {
      ...found,
      body: (await governance.bodies.get(context, meeting.bodyId))!,
      statusLine: minutesStatusLine(meeting, approvedOn),
      hasMinutes: hasMinutes(items),
      editProblem: minutesEditProblem(meeting, approvedOn),
      circulationProblem: circulationProblem(meeting, approvedOn, items),
    };
  }

  /** Who changed an item while someone else was writing its minute, in words. */
  async function staleMinuteMessage(tx: Executor, item: AgendaItemRow) {
    const [latest] = await audit.historyOf(tx, 'agenda_item', item.id, 1);
    const who = latest?.actorName ?? 'Someone else';
    const when = latest ? ` on ${ukDateTime(latest.occurredAt)}` : '';
    return `${who} changed “${item.title}”${when} while you were writing the minutes. Your text is kept: compare it with the minute now saved, then save again.`;
  }

  /**
   * Saves the typed minutes together, or none of them: when someone changed an item's minute
   * since the form was opened, each such item is named and nothing is written.
   */
  async function save(
    context: TenantContext,
    meetingId: string,
    minutes: MinuteInput[],
  ): Promise<Outcome<{ changed: number }>> {
    return inTenant(db, context, async (tx) => {
      const row = await lockMeeting(tx, meetingId);
      if (!row) return failure({ minutes: 'This meeting does not exist' });
      const problem = minutesEditProblem(row, await approvedAtMeetingOn(tx, row));
      if (problem) return failure({ minutes: problem });
      const current = new Map((await lockItemsOf(tx, meetingId)).map((item) => [item.id, item]));
      const changes = minutes.filter((typed) => {
        const item = current.get(typed.itemId);
        return item && item.minutes !== typed.minutes;
      });
      const stale: FieldErrors = {};
      for (const typed of changes) {
        const item = current.get(typed.itemId)!;
        if (item.version !== typed.version)
          stale[minuteField(item.id)] = await staleMinuteMessage(tx, item);
      }
      if (Object.keys(stale).length > 0) return failure(stale);
      for (const typed of changes) {
        await saveItemMinute(tx, typed.itemId, typed.version, typed.minutes);
        await audit.record(tx, context, {
          action: 'agenda_item.minuted',
          entityType: 'agenda_item',
          entityId: typed.itemId,
          before: { minutes: current.get(typed.itemId)!.minutes },
          after: { minutes: typed.minutes },
        });
      }
      return success({ changed: changes.length });
    });
  }

  function circulationMail(meeting: MeetingRow, bodyName: string, corrected: boolean) {
    const link = `${publicUrl}/meetings/${meeting.id}#minutes`;
    const of = `${bodyName}, ${ukDate(meeting.startsAt)}`;
    return (member: MemberToTell) => ({
      to: member.email,
      subject: corrected ? `Corrected minutes: ${of}` : `Draft minutes: ${of}`,
      text: [
        `Dear ${member.fullName},`,
        corrected
          ? `The draft minutes of the meeting of ${of} have been corrected and circulated again.`
          : `The draft minutes of the meeting of ${of} have been circulated.`,
        `Read them at ${link}`,
        'Send any corrections to the business unit before the next meeting, where the minutes will be approved.',
      ].join('\n\n'),
    });
  }

  /** Everything the circulation page needs: who will be told, and why it may not be possible. */
  async function circulation(context: TenantContext, meetingId: string) {
    const found = await minutesOf(context, meetingId);
    if (!found) return null;
    const day = ukDateAndTime(found.meeting.startsAt).day;
    const recipients = await membersOnDay(governance, context, found.meeting.bodyId, day);
    const noRecipients = `Nobody is a member of ${found.body.name} on ${ukDate(found.meeting.startsAt)}, so there is nobody to circulate the minutes to`;
    return {
      ...found,
      recipients,
      corrected: found.meeting.minutesStatus === 'circulated',
      problem: found.circulationProblem ?? (recipients.length === 0 ? noRecipients : null),
    };
  }

  /** Circulates the minutes (again, when corrected) to every member on the meeting's date. */
  async function circulate(
    context: TenantContext,
    meetingId: string,
  ): Promise<Outcome<{ recipients: number; corrected: boolean }>> {
    const prepared = await circulation(context, meetingId);
    if (!prepared) return failure({ minutes: 'This meeting does not exist' });
    if (prepared.problem) return failure({ minutes: prepared.problem });
    const result = await inTenant(db, context, async (tx) => {
      const row = (await lockMeeting(tx, meetingId))!;
      const items = await itemsOfMeeting(tx, meetingId);
      const problem = circulationProblem(row, await approvedAtMeetingOn(tx, row), items);
      if (problem) return failure({ minutes: problem });
      const corrected = row.minutesStatus === 'circulated';
      const after = await markMinutesCirculated(tx, meetingId, clock.now());
      const mailTo = circulationMail(row, prepared.body.name, corrected);
      for (const member of prepared.recipients) await mail.queue(tx, context, mailTo(member));
      await audit.record(tx, context, {
        action: 'meeting.minutes_circulated',
        entityType: 'meeting',
        entityId: meetingId,
        before: { minutesStatus: row.minutesStatus },
        after: {
          minutesStatus: after.minutesStatus,
          circulatedAt: after.minutesCirculatedAt,
          corrected,
          recipients: prepared.recipients.length,
        },
      });
      return success({ recipients: prepared.recipients.length, corrected });
    });
    if (result.ok) mail.nudge();
    return result;
  }

  return { minutesOf, save, circulation, circulate };
}
