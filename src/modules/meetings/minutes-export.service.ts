import { inTenant, type TenantContext } from '../../db/client.js';
import { ukDateAndTime } from '../../platform/dates.js';
import type { DownloadableDocument } from '../../platform/http/downloads.js';
import { itemsOfMeeting } from './agenda.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { findMeeting } from './meetings.repository.js';
import {
  actionsOfMeeting,
  attendanceOfMeeting,
  decisionsOfMeeting,
  openPapersOfMeeting,
} from './minutes-export.repository.js';
import { minutesDocx } from './minutes-docx.js';
import { approvedAtMeetingOn } from './minutes.service.js';
import { minutedItems, minutesStatusLine } from './minutes.rules.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** "Safeguarding-Partnership-minutes-2027-01-14.docx": the body, then the meeting's UK date. */
export function minutesFileName(bodyName: string, startsAt: Date) {
  const body = bodyName
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
  return `${body || 'Meeting'}-minutes-${ukDateAndTime(startsAt).day}.docx`;
}

/** The agenda and minutes of a meeting as a Word document, with attendance and actions. */
export function buildMinutesExport(dependencies: MeetingsDependencies) {
  const { db, governance } = dependencies;

  async function wordDocument(
    context: TenantContext,
    meetingId: string,
  ): Promise<DownloadableDocument | null> {
    const gathered = await inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      if (!meeting) return null;
      // One statement at a time: a transaction's client runs queries in sequence.
      return {
        meeting,
        approvedOn: await approvedAtMeetingOn(tx, meeting),
        items: minutedItems(await itemsOfMeeting(tx, meetingId)),
        attendance: await attendanceOfMeeting(tx, meetingId),
        decisions: await decisionsOfMeeting(tx, meetingId),
        papers: await openPapersOfMeeting(tx, meetingId),
        actions: await actionsOfMeeting(tx, meetingId),
      };
    });
    if (!gathered) return null;
    const { meeting, items, decisions, papers } = gathered;
    const body = (await governance.bodies.get(context, meeting.bodyId))!;
    const content = await minutesDocx({
      bodyName: body.name,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      statusLine: minutesStatusLine(meeting, gathered.approvedOn),
      agendaPublished: meeting.agendaPublishedAt !== null,
      attendance: gathered.attendance,
      items: items.map((item) => ({
        ...item,
        papers: papers.filter((p) => p.agendaItemId === item.id).map((p) => p.title),
        decisions: decisions.filter((d) => d.agendaItemId === item.id),
      })),
      actions: gathered.actions,
    });
    return {
      fileName: minutesFileName(body.name, meeting.startsAt),
      contentType: DOCX_TYPE,
      content,
    };
  }

  return { wordDocument };
}
