import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { agendaRoutes } from './agenda.routes.js';
import { attendanceStatisticsRoutes } from './attendance-statistics.routes.js';
import { attendanceRoutes } from './attendance.routes.js';
import { decisionsRoutes } from './decisions.routes.js';
import { decisionsRegisterRoutes } from './decisions-register/decisions-register.routes.js';
import { calendarFeedRoutes, calendarFeedsSection } from './calendar-feeds.routes.js';
import { meetingChangeRoutes } from './meeting-changes.routes.js';
import { meetingPage, runsMeetings } from './meeting-page.js';
import { meetingScheduleRoutes } from './meeting-schedule.routes.js';
import {
  meetingFilter,
  meetingForm,
  meetingSearch,
  parseMeetingForm,
  parseMeetingSearch,
} from './meetings.forms.js';
import { meetingsPolicies } from './meetings.policy.js';
import { minutesRoutes } from './minutes.routes.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };

const WHEN_CHOICES = [
  { value: 'upcoming', text: 'Upcoming' },
  { value: 'past', text: 'Past' },
  { value: 'all', text: 'All' },
];

/** The bodies a meeting can be scheduled for, as select options. */
async function bodyItems(services: Services, request: FastifyRequest, selected: unknown) {
  const bodies = await services.governance.bodies.all(tenantContext(request));
  return [{ value: '', text: 'Select a body' }].concat(
    bodies.map((body) => ({ value: body.id, text: body.name, selected: body.id === selected })),
  );
}

/** Listing, scheduling and showing meetings. */
export function meetingsRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: meetingsPolicies.read } };
  const run = { config: { policy: meetingsPolicies.run } };
  meetingScheduleRoutes(app, services);
  meetingChangeRoutes(app, services);
  calendarFeedRoutes(app, services);

  /** The search as typed, checked: real dates, "to" not before "from". */
  const search = (query: Body | undefined) =>
    parseForm(meetingSearch, parseMeetingSearch(query ?? {}));

  /** The query without its page number, for the CSV link (the same filters). */
  const filtersOnly = (query: Body | undefined) =>
    new URLSearchParams(
      Object.entries(query ?? {}).filter(
        (entry): entry is [string, string] =>
          entry[0] !== 'page' && typeof entry[1] === 'string' && entry[1] !== '',
      ),
    );

  app.get<{ Querystring: Body }>('/meetings', read, async (request, reply) => {
    const searched = search(request.query);
    const filter = searched.ok ? searched.value : meetingFilter.parse({});
    const context = tenantContext(request);
    const result = searched.ok
      ? await services.meetings.list(context, filter)
      : { rows: [], total: 0, page: 1, pages: 1 };
    const bodies = await services.governance.bodies.all(context, { activeOnly: false });
    const chosenBody = recordId(request.query?.body);
    return reply.code(searched.ok ? 200 : 400).page('meetings/views/meetings.njk', {
      pageTitle: 'Meetings',
      filter,
      result,
      query: request.query,
      values: request.query ?? {},
      errors: searched.ok ? undefined : searched.errors,
      csvHref: `/meetings.csv?${filtersOnly(request.query)}`,
      canRun: runsMeetings(request),
      ...(await calendarFeedsSection(services, request, filter.body)),
      bodyNames: Object.fromEntries(bodies.map((body) => [body.id, body.name])),
      bodyChoices: [{ value: '', text: 'Any body' }].concat(
        bodies
          .filter((body) => !body.closedAt || body.id === chosenBody)
          .map((body) => ({ value: body.id, text: body.name, selected: body.id === chosenBody })),
      ),
      whenChoices: WHEN_CHOICES.map((choice) => ({
        ...choice,
        selected: choice.value === (filter.when ?? 'upcoming'),
      })),
    });
  });

  app.get<{ Querystring: Body }>('/meetings.csv', read, async (request, reply) => {
    const searched = search(request.query);
    if (!searched.ok) return reply.redirect(`/meetings?${filtersOnly(request.query)}`, 303);
    const csv = await services.meetings.exportCsv(tenantContext(request), searched.value);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="meetings.csv"')
      .send(`\uFEFF${csv}`);
  });

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.page('meetings/views/meeting-form.njk', {
      pageTitle: 'Schedule a meeting',
      values,
      errors,
      bodyItems: await bodyItems(services, request, values.bodyId),
    });

  app.get<{ Querystring: Body }>('/meetings/new', run, (request, reply) =>
    renderForm(request, reply, {
      bodyId: recordId(request.query?.body) ?? '',
      ...dateInputValues('day', null),
      startTime: '10:00',
      endTime: '12:00',
    }),
  );

  app.post<{ Body: Body }>('/meetings/new', run, async (request, reply) => {
    const form = parseForm(meetingForm, parseMeetingForm(request.body));
    const result = form.ok
      ? await services.meetings.create(tenantContext(request), form.value)
      : form;
    if (!form.ok || !result.ok)
      return renderForm(
        request,
        reply.code(400),
        typedValues(request.body),
        result.ok ? {} : result.errors,
      );
    return reply
      .flash(`Meeting scheduled for ${ukDate(form.value.day)}`)
      .redirect(`/meetings/${result.value.id}`, 303);
  });

  app.get<WithId>('/meetings/:id', read, async (request, reply) => {
    const id = recordId(request.params.id);
    const page = id ? await meetingPage(services, request, id) : null;
    if (!page) return notFound(reply);
    return reply.page('meetings/views/meeting.njk', page);
  });

  minutesRoutes(app, services);
  attendanceRoutes(app, services);
  decisionsRoutes(app, services);
  decisionsRegisterRoutes(app, services);
  attendanceStatisticsRoutes(app, services);
  agendaRoutes(app, services);
}
