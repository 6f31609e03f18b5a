import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDate } from '../../platform/dates.js';
import type { FieldErrors } from '../../platform/forms.js';
import { sendDocument } from '../../platform/http/downloads.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { meetingsPolicies } from './meetings.policy.js';
import { ITEM_PURPOSES } from './meetings.vocabulary.js';
import { minuteField, minuteVersionField, parseMinutesForm } from './minutes.forms.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };
type WithItem = { Params: { id: string; itemId: string } };
type Minutes = NonNullable<Awaited<ReturnType<Services['meetings']['minutes']['minutesOf']>>>;

/** The form's values as stored: each item's minute and the version it was read at. */
const storedValues = (minutes: Minutes) =>
  Object.fromEntries(
    minutes.items.flatMap((item) => [
      [minuteField(item.id), item.minutes],
      [minuteVersionField(item.id), String(item.version)],
    ]),
  );

/**
 * After a stale save: what was typed, with the current version of each item someone else
 * changed (so saving again is a deliberate choice over their text) and that text to compare.
 */
function staleValues(minutes: Minutes, typed: Body, errors: FieldErrors) {
  const values: Body = { ...typed };
  const savedNow: Record<string, string> = {};
  for (const item of minutes.items)
    if (errors[minuteField(item.id)]) {
      values[minuteVersionField(item.id)] = String(item.version);
      savedNow[item.id] = item.minutes;
    }
  return { values, savedNow };
}

/** Writing, circulating and approving minutes, and the Word export of agenda and minutes. */
export function minutesRoutes(app: FastifyInstance, services: Services) {
  const { minutes } = services.meetings;
  const read = { config: { policy: meetingsPolicies.read } };
  const run = { config: { policy: meetingsPolicies.run } };

  const load = (request: FastifyRequest<WithId>) => {
    const id = recordId(request.params.id);
    return id ? minutes.minutesOf(tenantContext(request), id) : null;
  };

  const renderForm = (
    reply: FastifyReply,
    found: Minutes,
    form: { values: Body; errors?: FieldErrors; savedNow?: Record<string, string> },
  ) =>
    reply.page('meetings/views/minutes-form.njk', {
      pageTitle: `Minutes of ${found.body.name}, ${ukDate(found.meeting.startsAt)}`,
      found,
      purposeNames: ITEM_PURPOSES.names,
      ...form,
    });

  app.get<WithId>('/meetings/:id/minutes', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return renderForm(reply, found, { values: storedValues(found) });
  });

  app.post<WithId & { Body: Body }>('/meetings/:id/minutes', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const typed = typedValues(request.body);
    if (found.editProblem)
      return renderForm(reply.code(409), found, {
        values: storedValues(found),
        errors: { minutes: found.editProblem },
      });
    const form = parseMinutesForm(request.body ?? {}, found.items);
    if (!form.ok) return renderForm(reply.code(400), found, { values: typed, errors: form.errors });
    const saved = await minutes.save(tenantContext(request), found.meeting.id, form.value);
    if (!saved.ok) {
      const current = (await load(request))!;
      if (saved.errors.minutes)
        return renderForm(reply.code(409), current, {
          values: storedValues(current),
          errors: saved.errors,
        });
      return renderForm(reply.code(409), current, {
        ...staleValues(current, typed, saved.errors),
        errors: saved.errors,
      });
    }
    return reply
      .flash(saved.value.changed ? 'Minutes saved' : 'No changes to save')
      .redirect(`/meetings/${found.meeting.id}#minutes`, 303);
  });

  const renderCirculation = async (request: FastifyRequest<WithId>, reply: FastifyReply) => {
    const id = recordId(request.params.id);
    const circulation = id ? await minutes.circulation(tenantContext(request), id) : null;
    if (!circulation) return notFound(reply);
    return reply.page('meetings/views/minutes-circulate.njk', {
      pageTitle: 'Circulate the minutes',
      circulation,
    });
  };

  app.get<WithId>('/meetings/:id/minutes/circulate', run, renderCirculation);

  app.post<WithId>('/meetings/:id/minutes/circulate', run, async (request, reply) => {
    const id = recordId(request.params.id);
    if (!id) return notFound(reply);
    const result = await minutes.circulate(tenantContext(request), id);
    if (!result.ok) return renderCirculation(request, reply.code(409));
    const { recipients, corrected } = result.value;
    const people = recipients === 1 ? '1 member' : `${recipients} members`;
    return reply
      .flash(`${corrected ? 'Corrected minutes' : 'Minutes'} circulated to ${people}`)
      .redirect(`/meetings/${id}#minutes`, 303);
  });

  const renderApproval = async (request: FastifyRequest<WithItem>, reply: FastifyReply) => {
    const id = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    const approval =
      id && itemId ? await minutes.approval(tenantContext(request), id, itemId) : null;
    if (!approval) return notFound(reply);
    return reply.page('meetings/views/minutes-approve.njk', {
      pageTitle: `Approve the minutes of ${ukDate(approval.earlier.startsAt)}`,
      approval,
    });
  };

  const approvePath = '/meetings/:id/items/:itemId/approve-minutes';
  app.get<WithItem>(approvePath, run, renderApproval);

  app.post<WithItem>(approvePath, run, async (request, reply) => {
    const id = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    if (!id || !itemId) return notFound(reply);
    const result = await minutes.approve(tenantContext(request), id, itemId);
    if (!result.ok) return renderApproval(request, reply.code(409));
    return reply
      .flash(`Minutes of ${ukDate(result.value.earlierStartsAt)} approved`)
      .redirect(`/meetings/${id}#item-${itemId}`, 303);
  });

  app.get<WithId>('/meetings/:id/minutes.docx', read, async (request, reply) => {
    const id = recordId(request.params.id);
    const document = id ? await minutes.wordDocument(tenantContext(request), id) : null;
    if (!document) return notFound(reply);
    return sendDocument(reply, document);
  });
}
