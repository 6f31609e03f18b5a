import type { FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { fileSizeText } from '../../platform/http/downloads.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { agendaClosedReason } from './agenda-items.service.js';
import type { MeetingViewer } from './meeting-membership.js';
import type { MeetingRow } from './meetings.repository.js';

/** The signed-in person as the agenda services see them. */
export const viewerOf = (request: FastifyRequest, runsMeetings: boolean): MeetingViewer => ({
  userId: request.principal!.userId,
  name: request.principal!.displayName,
  runsMeetings,
});

/**
 * What the agenda's parts of the meeting page need: papers by item (restricted ones closed
 * to those who may not see them), proposals waiting, and whether the agenda can change.
 */
export async function agendaPageParts(
  services: Services,
  request: FastifyRequest,
  meeting: MeetingRow,
  canRun: boolean,
) {
  const context = tenantContext(request);
  const viewer = viewerOf(request, canRun);
  const { papers, proposals } = services.meetings.agenda;
  const { byItem } = await papers.ofMeeting(context, viewer, meeting);
  const papersByItem = Object.fromEntries(
    Object.entries(byItem).map(([itemId, list]) => [
      itemId,
      list.map((paper) => ({ ...paper, size: fileSizeText(paper.byteSize) })),
    ]),
  );
  return {
    papersByItem,
    proposals: await proposals.ofMeeting(context, viewer, meeting),
    agendaClosed: agendaClosedReason(meeting),
  };
}
