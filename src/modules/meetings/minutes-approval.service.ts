import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { findAgendaItem } from './agenda.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { findMeeting } from './meetings.repository.js';
import { approvedAtMeetingOn } from './minutes.service.js';
import { lockMeeting, markMinutesApproved } from './minutes.repository.js';
import { approvalProblem, notQuorateProblem } from './minutes.rules.js';

/** What the attendance part answers about a meeting's quorum (its `quoracy`). */
export interface MeetingQuoracy {
  quorate: boolean;
  missingAgencies: { name: string }[];
  headCountShortfall: number;
}

export type QuoracyOf = (
  context: TenantContext,
  meetingId: string,
) => Promise<MeetingQuoracy | null>;

/**
 * Why a meeting cannot approve minutes for want of a quorum (section 21), or null. Without
 * an attendance part to ask (unit tests of other parts), no quorum can be judged.
 */
export async function approvalNeedsQuorum(
  quoracyOf: QuoracyOf | undefined,
  context: TenantContext,
  meetingId: string,
) {
  if (!quoracyOf) return null;
  const quoracy = await quoracyOf(context, meetingId);
  return !quoracy || quoracy.quorate ? null : notQuorateProblem(quoracy);
}

/** The approval item and both meetings, or null when the item does not approve minutes here. */
async function approvalParts(tx: Executor, meetingId: string, itemId: string) {
  const item = await findAgendaItem(tx, itemId);
  if (!item || item.meetingId !== meetingId || !item.approvesMinutesOfMeetingId) return null;
  const approving = await findMeeting(tx, meetingId);
  const earlier = await findMeeting(tx, item.approvesMinutesOfMeetingId);
  if (!approving || !earlier) return null;
  return { item, approving, earlier };
}

/** Approving a meeting's minutes at the body's next meeting, after which they are locked. */
export function buildMinutesApproval(dependencies: MeetingsDependencies, quoracyOf?: QuoracyOf) {
  const { db, audit, clock } = dependencies;

  /** What the approval page shows: the meetings, and why approval may not be possible. */
  async function approval(context: TenantContext, meetingId: string, itemId: string) {
    const parts = await inTenant(db, context, async (tx) => {
      const found = await approvalParts(tx, meetingId, itemId);
      return found
        ? { ...found, approvedAtMeetingOn: await approvedAtMeetingOn(tx, found.earlier) }
        : null;
    });
    if (!parts) return null;
    const problem =
      approvalProblem(
        { ...parts.earlier, approvedAtMeetingOn: parts.approvedAtMeetingOn },
        parts.approving,
        parts.item,
      ) ?? (await approvalNeedsQuorum(quoracyOf, context, meetingId));
    return { ...parts, problem };
  }

  async function approve(
    context: TenantContext,
    meetingId: string,
    itemId: string,
  ): Promise<Outcome<{ earlierStartsAt: Date }>> {
    // Asked first: the attendance part reads in its own transaction.
    const quorumProblem = await approvalNeedsQuorum(quoracyOf, context, meetingId);
    return inTenant(db, context, async (tx) => {
      const parts = await approvalParts(tx, meetingId, itemId);
      if (!parts) return failure({ approve: 'This item does not approve any minutes' });
      // Locked as saving minutes locks it, so the minutes cannot change while approved.
      const earlier = (await lockMeeting(tx, parts.earlier.id))!;
      const problem =
        approvalProblem(
          { ...earlier, approvedAtMeetingOn: await approvedAtMeetingOn(tx, earlier) },
          parts.approving,
          parts.item,
        ) ?? quorumProblem;
      if (problem) return failure({ approve: problem });
      const after = (await markMinutesApproved(tx, earlier.id, clock.now(), meetingId))!;
      await audit.record(tx, context, {
        action: 'meeting.minutes_approved',
        entityType: 'meeting',
        entityId: earlier.id,
        before: { minutesStatus: earlier.minutesStatus },
        after: {
          minutesStatus: after.minutesStatus,
          approvedAt: after.minutesApprovedAt,
          approvedAtMeetingId: meetingId,
        },
      });
      return success({ earlierStartsAt: earlier.startsAt });
    });
  }

  return { approval, approve };
}
