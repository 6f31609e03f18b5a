import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { ukDate, ukDateAndTime } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { meetingCancelForm, meetingChangeForm, parseMeetingForm } from './meetings.forms.js';
import { approvedRecordProblem } from './approved-record.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };
type Found = NonNullable<Awaited<ReturnType<Services['meetings']['find']>>>;
type Sent = { values?: Body; errors?: FieldErrors };

/** What the change form shows for a meeting as it is now. */
function currentValues({ meeting }: Found): Body {
  const start = ukDateAndTime(meeting.startsAt);
  return {
    ...dateInputValues('day', start.day),
    startTime: start.time,
    endTime: ukDateAndTime(meeting.endsAt).time,
    location: meeting.location,
    reason: '',
  };
}

/** Changing a meeting's date, times or place, and cancelling it: both with a reason. */
export function meetingChangeRoutes(app: FastifyInstance, services: Services) {
  const run = { config: { policy: meetingsPolicies.run } };
  const { meetings } = services;

  const renderChange = (reply: FastifyReply, found: Found, sent: Sent = {}) =>
    reply.page('meetings/views/meeting-change-form.njk', {
      pageTitle: `Change the meeting of ${found.body.name} on ${ukDate(found.meeting.startsAt)}`,
      found,
      values: { ...(sent.values ?? currentValues(found)) },
      version: versionToShow(sent, found.meeting.version),
      errors: sent.errors,
    });

  const renderCancel = (reply: FastifyReply, found: Found, sent: Sent = {}) =>
    reply.page('meetings/views/meeting-cancel.njk', {
      pageTitle: `Cancel the meeting of ${found.body.name} on ${ukDate(found.meeting.startsAt)}`,
      found,
      values: sent.values ?? {},
      version: versionToShow(sent, found.meeting.version),
      errors: sent.errors,
    });

  const load = (request: FastifyRequest<WithId>) =>
    withRecordId(request.params.id, (id) => meetings.find(tenantContext(request), id));

  /**
   * A cancelled meeting, or one whose minutes are approved, is not offered for change: back
   * to its page, saying why. Null when it may change.
   */
  const closedToChange = (reply: FastifyReply, found: Found) => {
    const why =
      found.meeting.status === 'cancelled'
        ? 'This meeting was cancelled, so it cannot be changed or cancelled again'
        : approvedRecordProblem(found.meeting, 'the meeting');
    return why ? reply.flash(why).redirect(`/meetings/${found.meeting.id}`, 303) : null;
  };

  app.get<WithId>('/meetings/:id/edit', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return closedToChange(reply, found) ?? renderChange(reply, found);
  });

  app.post<WithId & { Body: Body }>('/meetings/:id/edit', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    // The body never changes here: a meeting of another body is a new meeting.
    const form = parseForm(meetingChangeForm, {
      ...parseMeetingForm(request.body),
      bodyId: found.meeting.bodyId,
    });
    const result = form.ok
      ? await meetings.changes.change(tenantContext(request), found.meeting.id, form.value)
      : form;
    if (!result.ok) {
      const latest = (await load(request)) ?? found;
      return renderChange(reply.code(400), latest, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    }
    return reply
      .flash('Meeting changed. Its members have been told by email')
      .redirect(`/meetings/${found.meeting.id}`, 303);
  });

  app.get<WithId>('/meetings/:id/cancel', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return closedToChange(reply, found) ?? renderCancel(reply, found);
  });

  app.post<WithId & { Body: Body }>('/meetings/:id/cancel', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const form = parseForm(meetingCancelForm, request.body);
    const result = form.ok
      ? await meetings.changes.cancel(tenantContext(request), found.meeting.id, form.value)
      : form;
    if (!result.ok) {
      const latest = (await load(request)) ?? found;
      return renderCancel(reply.code(400), latest, {
        values: typedValues(request.body),
        errors: result.errors,
      });
    }
    return reply
      .flash('Meeting cancelled. Its members have been told by email')
      .redirect(`/meetings/${found.meeting.id}`, 303);
  });
}
