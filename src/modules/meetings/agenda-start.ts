import type { Executor, TenantContext } from '../../db/client.js';
import { ukDate } from '../../platform/dates.js';
import {
  decisionsAwaitingRatification,
  insertAgendaItems,
  minutesApprovalListed,
  positionsOf,
  standingItemsOf,
} from './agenda.repository.js';
import {
  nextMeetingOfBody,
  previousMeetingOfBody,
  type MeetingRow,
} from './meetings.repository.js';

const RATIFICATION_TITLE_LENGTH = 150;

function ratificationTitle(text: string) {
  const firstLine = text.split(/\r?\n/)[0]!.trim();
  return firstLine.length > RATIFICATION_TITLE_LENGTH
    ? `For ratification: ${firstLine.slice(0, RATIFICATION_TITLE_LENGTH - 1)}…`
    : `For ratification: ${firstLine}`;
}

/**
 * Adds what a body's next agenda must carry: approval of the previous meeting's minutes
 * (first) and the decisions waiting for this body to ratify them (last). Adds each once.
 */
export async function addCarriedItems(tx: Executor, context: TenantContext, meeting: MeetingRow) {
  const { first, last } = await positionsOf(tx, meeting.id);
  const base = { partnershipId: context.partnershipId, meetingId: meeting.id };
  const previous = await previousMeetingOfBody(tx, meeting.bodyId, meeting.startsAt);
  const minutes =
    previous &&
    previous.minutesStatus !== 'approved' &&
    !(await minutesApprovalListed(tx, previous.id))
      ? [
          {
            ...base,
            position: first - 1,
            title: `Minutes of the meeting of ${ukDate(previous.startsAt)}`,
            purpose: 'decision',
            origin: 'minutes_approval',
            approvesMinutesOfMeetingId: previous.id,
          },
        ]
      : [];
  const waiting = await decisionsAwaitingRatification(tx, meeting.bodyId);
  const ratifications = waiting.map((decision, index) => ({
    ...base,
    position: last + 1 + index,
    title: ratificationTitle(decision.text),
    purpose: 'ratification',
    origin: 'ratification',
    ratifiesDecisionId: decision.id,
  }));
  return insertAgendaItems(tx, [...minutes, ...ratifications]);
}

/** A new meeting's agenda: the body's standing items, then what the agenda must carry. */
export async function startAgenda(tx: Executor, context: TenantContext, meeting: MeetingRow) {
  const standing = await standingItemsOf(tx, meeting.bodyId);
  await insertAgendaItems(
    tx,
    standing.map((item, index) => ({
      partnershipId: context.partnershipId,
      meetingId: meeting.id,
      position: index + 1,
      title: item.title,
      presenter: item.presenter,
      durationMinutes: item.durationMinutes,
      purpose: item.purpose,
      origin: 'standing',
    })),
  );
  return addCarriedItems(tx, context, meeting);
}

/**
 * Puts what waits for `bodyId` on its next meeting after `after`, if one is scheduled;
 * otherwise it waits for the next meeting to be scheduled.
 */
export async function carryToNextMeeting(
  tx: Executor,
  context: TenantContext,
  bodyId: string,
  after: Date,
) {
  const next = await nextMeetingOfBody(tx, bodyId, after);
  if (next) await addCarriedItems(tx, context, next);
  return next;
}
