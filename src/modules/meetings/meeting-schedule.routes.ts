import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { CADENCES, type Cadence } from '../governance/governance.vocabulary.js';
import {
  MOST_WEEKS_APART,
  parseYearOfMeetingsForm,
  yearOfMeetingsForm,
} from './meeting-schedule.forms.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;

/** Open bodies as select options, each saying how often it meets. */
async function bodyItemsWithCadence(
  services: Services,
  request: FastifyRequest,
  selected: unknown,
) {
  const bodies = await services.governance.bodies.all(tenantContext(request));
  return [{ value: '', text: 'Select a body' }].concat(
    bodies.map((body) => ({
      value: body.id,
      text: `${body.name} (${CADENCES.names[body.cadence as Cadence].toLowerCase()})`,
      selected: body.id === selected,
    })),
  );
}

/** Scheduling a year of a body's meetings: the form, the check-answers page, the confirmation. */
export function meetingScheduleRoutes(app: FastifyInstance, services: Services) {
  const run = { config: { policy: meetingsPolicies.run } };
  const { yearOfMeetings } = services.meetings;

  const renderForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.page('meetings/views/schedule-year-form.njk', {
      pageTitle: 'Schedule a year of meetings',
      values,
      errors,
      mostWeeksApart: MOST_WEEKS_APART,
      bodyItems: await bodyItemsWithCadence(services, request, values.bodyId),
    });

  // The check-answers page's "Change" link comes back here with what was typed.
  app.get<{ Querystring: Body }>('/meetings/schedule-year', run, (request, reply) => {
    const typed = typedValues(request.query);
    return renderForm(request, reply, {
      startTime: '10:00',
      endTime: '12:00',
      ...typed,
      bodyId: recordId(typed.bodyId ?? typed.body) ?? '',
    });
  });

  app.post<{ Body: Body }>('/meetings/schedule-year', run, async (request, reply) => {
    const form = parseForm(yearOfMeetingsForm, parseYearOfMeetingsForm(request.body));
    const plan = form.ok ? await yearOfMeetings.planYear(tenantContext(request), form.value) : form;
    const typed = typedValues(request.body);
    if (!plan.ok) return renderForm(request, reply.code(400), typed, plan.errors);
    const { _csrf: _token, ...answers } = typed;
    return reply.page('meetings/views/schedule-year-check.njk', {
      pageTitle: `Check the meetings of ${plan.value.body.name}`,
      plan: plan.value,
      location: form.ok ? form.value.location : '',
      answers,
      changeQuery: new URLSearchParams(answers).toString(),
    });
  });

  app.post<{ Body: Body }>('/meetings/schedule-year/confirm', run, async (request, reply) => {
    const form = parseForm(yearOfMeetingsForm, parseYearOfMeetingsForm(request.body));
    const result = form.ok
      ? await yearOfMeetings.scheduleYear(tenantContext(request), form.value)
      : form;
    if (!result.ok)
      return renderForm(request, reply.code(400), typedValues(request.body), result.errors);
    const { body, meetings } = result.value;
    return reply
      .flash(`${meetings.length} meetings of ${body.name} scheduled`)
      .redirect(`/meetings?body=${body.id}`, 303);
  });
}
