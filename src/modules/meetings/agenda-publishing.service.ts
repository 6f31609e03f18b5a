import { inTenant, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { agendaMail } from './agenda-mail.js';
import { approvedRecordProblem } from './approved-record.js';
import { onAgenda } from './agenda-items.service.js';
import { itemsOfMeeting } from './agenda.repository.js';
import { markAgendaPublished } from './agenda-items.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { membersOnDay } from './meeting-members.js';
import { meetingDay } from './meeting-membership.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { papersOfMeeting } from './papers.repository.js';

/** Why the agenda cannot be published, or null when it can. */
function publishingRefusal(meeting: MeetingRow, itemCount: number) {
  if (meeting.status === 'cancelled')
    return 'This meeting was cancelled, so its agenda cannot be published';
  const locked = approvedRecordProblem(meeting, 'its agenda');
  if (locked) return locked;
  if (itemCount === 0) return 'The agenda has no items: add at least one before publishing it';
  return null;
}

/** Publishing a meeting's agenda tells every member of the body, with the agenda as text. */
export function buildAgendaPublishingService(dependencies: MeetingsDependencies) {
  const { db, audit, clock, mail, governance, publicUrl } = dependencies;

  /** What publishing would send: the items still on the agenda, and any reason it cannot. */
  async function preview(context: TenantContext, meetingId: string) {
    const found = await inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      if (!meeting) return null;
      const items = (await itemsOfMeeting(tx, meetingId)).filter(
        (item) => onAgenda(item) && !item.withdrawnAt,
      );
      const papers = await papersOfMeeting(tx, meetingId);
      return { meeting, items, papers };
    });
    if (!found) return null;
    const body = await governance.bodies.get(context, found.meeting.bodyId);
    const papersByItem: Record<string, { title: string; restricted: boolean }[]> = {};
    for (const { paper } of found.papers)
      (papersByItem[paper.agendaItemId] ??= []).push({
        title: paper.title,
        restricted: paper.restricted,
      });
    return {
      ...found,
      body: body!,
      papersByItem,
      refused: publishingRefusal(found.meeting, found.items.length),
    };
  }

  async function publish(
    context: TenantContext,
    meetingId: string,
  ): Promise<Outcome<{ updated: boolean; recipients: number }>> {
    const found = await preview(context, meetingId);
    if (!found) return failure({ meeting: 'not found' });
    if (found.refused) return failure({ refused: found.refused });
    const { meeting, body, items, papersByItem } = found;
    const updated = meeting.agendaPublishedAt !== null;
    const members = await membersOnDay(governance, context, meeting.bodyId, meetingDay(meeting));
    const message = agendaMail(
      { bodyName: body.name, updated, publicUrl, items, papersByItem },
      meeting,
    );
    await inTenant(db, context, async (tx) => {
      const publishedAt = clock.now();
      await markAgendaPublished(tx, meetingId, publishedAt);
      for (const member of members) await mail.queue(tx, context, { to: member.email, ...message });
      await audit.record(tx, context, {
        action: updated ? 'meeting.agenda_republished' : 'meeting.agenda_published',
        entityType: 'meeting',
        entityId: meetingId,
        before: { agendaPublishedAt: meeting.agendaPublishedAt },
        after: { agendaPublishedAt: publishedAt, items: items.length, recipients: members.length },
      });
    });
    mail.nudge();
    return success({ updated, recipients: members.length });
  }

  return { preview, publish };
}

export type AgendaPublishingService = ReturnType<typeof buildAgendaPublishingService>;
