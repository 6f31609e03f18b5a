import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { agendaItemForm, moveForm } from './agenda.forms.js';
import { itemLine } from './agenda-mail.js';
import { isRefusal, itemFormValues, meetingPath, purposeItems, refusal } from './agenda-routing.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;
type WithMeeting = { Params: { id: string } };
type WithItem = { Params: { id: string; itemId: string } };

/** The business unit adds, changes, reorders and withdraws a meeting's items, and publishes it. */
export function agendaItemsRoutes(app: FastifyInstance, services: Services) {
  const { items, publishing } = services.meetings.agenda;
  const run = { config: { policy: meetingsPolicies.run } };

  const loadMeeting = (request: FastifyRequest<WithMeeting>) => {
    const id = recordId(request.params.id);
    return id ? services.meetings.find(tenantContext(request), id) : null;
  };

  const loadItem = (request: FastifyRequest<WithItem>) => {
    const meetingId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    return meetingId && itemId ? items.find(tenantContext(request), meetingId, itemId) : null;
  };

  const caption = (found: { body: { name: string }; meeting: { startsAt: Date } }) =>
    `${found.body.name}, ${ukDate(found.meeting.startsAt)}`;

  const renderForm = (
    reply: FastifyReply,
    meeting: { id: string; caption: string },
    form: { values: Body; errors?: FieldErrors; itemId?: string; version?: unknown },
  ) =>
    reply.page('meetings/views/agenda-item-form.njk', {
      pageTitle: form.itemId ? 'Change an agenda item' : 'Add an agenda item',
      caption: meeting.caption,
      action: form.itemId
        ? `${meetingPath(meeting.id)}/agenda/${form.itemId}/change`
        : `${meetingPath(meeting.id)}/agenda/new`,
      back: `${meetingPath(meeting.id)}#agenda`,
      values: form.values,
      version: form.version,
      errors: form.errors,
      purposeItems: purposeItems(form.values.purpose),
      submitText: form.itemId ? 'Save agenda item' : 'Add agenda item',
    });

  app.get<WithMeeting>('/meetings/:id/agenda/new', run, async (request, reply) => {
    const found = await loadMeeting(request);
    if (!found) return notFound(reply);
    return renderForm(reply, { id: found.meeting.id, caption: caption(found) }, { values: {} });
  });

  app.post<WithMeeting & { Body: Body }>(
    '/meetings/:id/agenda/new',
    run,
    async (request, reply) => {
      const found = await loadMeeting(request);
      if (!found) return notFound(reply);
      const form = parseForm(agendaItemForm, request.body);
      const result = form.ok
        ? await items.add(tenantContext(request), found.meeting.id, form.value)
        : form;
      if (!result.ok) {
        if (isRefusal(result.errors))
          return refusal(reply, result.errors, meetingPath(found.meeting.id));
        return renderForm(
          reply.code(400),
          { id: found.meeting.id, caption: caption(found) },
          { values: typedValues(request.body), errors: result.errors },
        );
      }
      return reply
        .flash('Agenda item added')
        .redirect(`${meetingPath(found.meeting.id)}#item-${result.value.id}`, 303);
    },
  );

  app.get<WithItem>('/meetings/:id/agenda/:itemId/change', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    const meeting = await loadMeeting(request);
    return renderForm(
      reply,
      { id: found.meeting.id, caption: caption(meeting!) },
      { values: itemFormValues(found.item), itemId: found.item.id, version: found.item.version },
    );
  });

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/agenda/:itemId/change',
    run,
    async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return notFound(reply);
      const form = parseForm(agendaItemForm, request.body);
      const result = form.ok
        ? await items.change(tenantContext(request), found.meeting.id, found.item.id, form.value)
        : form;
      if (!result.ok) {
        if (isRefusal(result.errors))
          return refusal(reply, result.errors, meetingPath(found.meeting.id));
        const meeting = await loadMeeting(request);
        const sent = { values: typedValues(request.body), errors: result.errors };
        return renderForm(
          reply.code(result.errors.form ? 409 : 400),
          { id: found.meeting.id, caption: caption(meeting!) },
          { ...sent, itemId: found.item.id, version: versionToShow(sent, found.item.version) },
        );
      }
      return reply
        .flash('Agenda item changed')
        .redirect(`${meetingPath(found.meeting.id)}#item-${found.item.id}`, 303);
    },
  );

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/agenda/:itemId/move',
    run,
    async (request, reply) => {
      const found = await loadItem(request);
      const move = moveForm.safeParse(request.body ?? {});
      if (!found || !move.success) return notFound(reply);
      const { direction } = move.data;
      const moved = await items.move(
        tenantContext(request),
        found.meeting.id,
        found.item.id,
        direction,
      );
      return reply
        .flash(
          moved
            ? `Moved ${direction}: ${found.item.title}`
            : `${found.item.title} cannot move ${direction}`,
        )
        .redirect(`${meetingPath(found.meeting.id)}#item-${found.item.id}`, 303);
    },
  );

  app.get<WithItem>('/meetings/:id/agenda/:itemId/withdraw', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found || found.item.withdrawnAt) return notFound(reply);
    return reply.page('meetings/views/agenda-confirm.njk', {
      pageTitle: `Are you sure you want to withdraw “${found.item.title}”?`,
      caption: 'Withdraw an agenda item',
      paragraphs: [
        'The item stays on the agenda, struck out and marked withdrawn, so everyone can see it will not be heard. It is never deleted.',
      ],
      action: `${meetingPath(found.meeting.id)}/agenda/${found.item.id}/withdraw`,
      back: `${meetingPath(found.meeting.id)}#item-${found.item.id}`,
      confirmText: 'Yes, withdraw it',
      cancelText: 'No, keep it',
    });
  });

  app.post<WithItem>('/meetings/:id/agenda/:itemId/withdraw', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    const result = await items.withdraw(tenantContext(request), found.meeting.id, found.item.id);
    if (!result.ok) return refusal(reply, result.errors, meetingPath(found.meeting.id));
    return reply
      .flash(`Agenda item withdrawn: ${found.item.title}`)
      .redirect(`${meetingPath(found.meeting.id)}#item-${found.item.id}`, 303);
  });

  const loadPreview = (request: FastifyRequest<WithMeeting>) => {
    const id = recordId(request.params.id);
    return id ? publishing.preview(tenantContext(request), id) : null;
  };

  app.get<WithMeeting>('/meetings/:id/agenda/publish', run, async (request, reply) => {
    const found = await loadPreview(request);
    if (!found) return notFound(reply);
    if (found.refused)
      return refusal(reply, { refused: found.refused }, meetingPath(found.meeting.id));
    return reply.page('meetings/views/agenda-publish.njk', {
      pageTitle: found.meeting.agendaPublishedAt
        ? 'Publish the updated agenda'
        : 'Publish the agenda',
      caption: caption(found),
      found,
      itemLines: found.items.map((item) => ({ item, line: itemLine(item) })),
    });
  });

  app.post<WithMeeting>('/meetings/:id/agenda/publish', run, async (request, reply) => {
    const id = recordId(request.params.id);
    const result = id ? await publishing.publish(tenantContext(request), id) : null;
    if (!result) return notFound(reply);
    if (!result.ok) return refusal(reply, result.errors, meetingPath(id!));
    const { updated, recipients } = result.value;
    return reply
      .flash(
        `${updated ? 'Updated agenda' : 'Agenda'} published and sent to ${recipients} ${recipients === 1 ? 'member' : 'members'}`,
      )
      .redirect(meetingPath(id!), 303);
  });
}
