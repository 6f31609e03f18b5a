import type { FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDate } from '../../platform/dates.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { ACTION_STATUSES, STATUS_TAG_CLASSES } from '../actions/action-status.js';
import { onAgenda } from './agenda-items.service.js';
import { agendaPageParts } from './agenda-page.js';
import { ITEM_PURPOSES, MINUTES_STATUSES } from './meetings.vocabulary.js';

/** Whether the signed-in person runs meetings: administrators and business officers. */
export const runsMeetings = (request: FastifyRequest) =>
  request.principal!.roles.some((role) => role === 'administrator' || role === 'business_officer');

/** Everything the meeting page shows, gathered from each part of the meetings module. */
export async function meetingPage(services: Services, request: FastifyRequest, id: string) {
  const context = tenantContext(request);
  const found = await services.meetings.find(context, id);
  if (!found) return null;
  return {
    pageTitle: `${found.body.name}, ${ukDate(found.meeting.startsAt)}`,
    found,
    canRun: runsMeetings(request),
    purposeNames: ITEM_PURPOSES.names,
    minutesStatusNames: MINUTES_STATUSES.names,
    attendance: await services.meetings.attendance.overview(context, id),
    decisions: await services.meetings.decisions.onMeeting(context, id, found.items),
    items: found.items.filter(onAgenda),
    ...(await agendaPageParts(services, request, found.meeting, runsMeetings(request))),
    actionsByItem: await services.actions.byItemOfMeeting(context, id),
    actionStatusNames: ACTION_STATUSES.names,
    actionTagClasses: STATUS_TAG_CLASSES,
    minutesPage: await services.meetings.minutes.minutesOf(context, id),
  };
}
