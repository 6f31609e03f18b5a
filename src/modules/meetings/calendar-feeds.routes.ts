import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDateAndTime } from '../../platform/dates.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId, withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { publicAccess } from '../../platform/policy.js';
import { FEED_EXISTS } from './calendar-feeds.service.js';
import { meetingsPolicies } from './meetings.policy.js';

type WithBody = { Params: { bodyId: string } };
type Created = { ok: true; value: { url: string } } | { ok: false; errors: Record<string, string> };

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** The calendar section of /meetings: the chosen body's feed and the person's own. */
export async function calendarFeedsSection(
  services: Services,
  request: FastifyRequest,
  bodyId: string | undefined,
) {
  const context = tenantContext(request);
  const { calendarFeeds } = services.meetings;
  const body = bodyId ? await services.governance.bodies.get(context, bodyId) : null;
  return {
    bodyFeed: body
      ? { body, feed: await calendarFeeds.activeFeed(context, { bodyId: body.id }) }
      : null,
    ownFeed: await calendarFeeds.ownFeed(context),
  };
}

/** Secret calendar addresses (body and personal), the public feed and each meeting's .ics. */
export function calendarFeedRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: meetingsPolicies.read } };
  const run = { config: { policy: meetingsPolicies.run } };
  // Calendar programs cannot sign in: the unguessable token in the address is the credential.
  const feedReaders = { config: { policy: publicAccess } };
  const { calendarFeeds } = services.meetings;

  /** The address, shown on this answer only: it is not kept, so a redirect could not show it. */
  const showCreated = (reply: FastifyReply, url: string, title: string, back: string) =>
    reply.page('meetings/views/calendar-feed-created.njk', { pageTitle: title, url, back });

  const answerBodyFeed = async (
    request: FastifyRequest<WithBody>,
    reply: FastifyReply,
    regenerate: boolean,
  ) => {
    const bodyId = recordId(request.params.bodyId);
    const body = bodyId
      ? await services.governance.bodies.get(tenantContext(request), bodyId)
      : null;
    if (!body) return notFound(reply);
    const created: Created = await calendarFeeds.createBodyFeed(
      tenantContext(request),
      body.id,
      regenerate,
    );
    if (!created.ok && created.errors.feed === FEED_EXISTS)
      return reply.redirect(`/meetings/calendar-feeds/bodies/${body.id}/regenerate`, 303);
    if (!created.ok) return notFound(reply);
    return showCreated(
      reply,
      created.value.url,
      `Calendar feed for ${body.name}`,
      `/meetings?body=${body.id}`,
    );
  };

  app.post<WithBody>('/meetings/calendar-feeds/bodies/:bodyId', run, (request, reply) =>
    answerBodyFeed(request, reply, false),
  );

  app.get<WithBody>(
    '/meetings/calendar-feeds/bodies/:bodyId/regenerate',
    run,
    async (request, reply) => {
      const body = await withRecordId(request.params.bodyId, (id) =>
        services.governance.bodies.get(tenantContext(request), id),
      );
      if (!body) return notFound(reply);
      return reply.page('meetings/views/calendar-feed-regenerate.njk', {
        pageTitle: `Make a new calendar address for ${body.name}`,
        subject: `the calendar feed for ${body.name}`,
        action: `/meetings/calendar-feeds/bodies/${body.id}/regenerate`,
        back: `/meetings?body=${body.id}`,
      });
    },
  );

  app.post<WithBody>('/meetings/calendar-feeds/bodies/:bodyId/regenerate', run, (request, reply) =>
    answerBodyFeed(request, reply, true),
  );

  const answerOwnFeed = async (
    request: FastifyRequest,
    reply: FastifyReply,
    regenerate: boolean,
  ) => {
    const created: Created = await calendarFeeds.createOwnFeed(tenantContext(request), regenerate);
    if (!created.ok && created.errors.feed === FEED_EXISTS)
      return reply.redirect('/meetings/calendar-feeds/mine/regenerate', 303);
    if (!created.ok)
      return reply.flash(created.errors.feed ?? '').redirect('/meetings#calendar-feeds', 303);
    return showCreated(reply, created.value.url, 'Your calendar feed', '/meetings#calendar-feeds');
  };

  app.post('/meetings/calendar-feeds/mine', read, (request, reply) =>
    answerOwnFeed(request, reply, false),
  );

  app.get('/meetings/calendar-feeds/mine/regenerate', read, (_request, reply) =>
    reply.page('meetings/views/calendar-feed-regenerate.njk', {
      pageTitle: 'Make a new address for your calendar',
      subject: 'your calendar feed',
      action: '/meetings/calendar-feeds/mine/regenerate',
      back: '/meetings#calendar-feeds',
    }),
  );

  app.post('/meetings/calendar-feeds/mine/regenerate', read, (request, reply) =>
    answerOwnFeed(request, reply, true),
  );

  app.get<{ Params: { id: string } }>(
    '/meetings/:id/calendar.ics',
    read,
    async (request, reply) => {
      const found = await withRecordId(request.params.id, (id) =>
        calendarFeeds.meetingCalendar(tenantContext(request), id),
      );
      if (!found) return notFound(reply);
      const day = ukDateAndTime(found.meeting.startsAt).day;
      return reply
        .type(CALENDAR_TYPE)
        .header('content-disposition', `attachment; filename="meeting-${day}.ics"`)
        .send(found.ics);
    },
  );

  app.get<{ Params: { token: string } }>(
    '/calendar/:token.ics',
    feedReaders,
    async (request, reply) => {
      const ics = await calendarFeeds.feedCalendar(request.params.token);
      if (ics === null) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
      return reply.type(CALENDAR_TYPE).header('cache-control', 'private, no-store').send(ics);
    },
  );
}
