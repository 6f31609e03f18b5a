import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { agendaItemForm, moveForm } from './agenda.forms.js';
import { itemFormValues, purposeItems } from './agenda-routing.js';
import { runsMeetings } from './meeting-page.js';
import { meetingsPolicies } from './meetings.policy.js';
import { ITEM_PURPOSES } from './meetings.vocabulary.js';

type Body = Record<string, unknown>;
type WithBody = { Params: { id: string } };
type WithItem = { Params: { id: string; itemId: string } };

export const standingItemsPath = (bodyId: string) => `/bodies/${bodyId}/standing-items`;

/** A body's standing items: everyone reads them; the business unit keeps them. */
export function standingItemsRoutes(app: FastifyInstance, services: Services) {
  const { standingItems } = services.meetings.agenda;
  const read = { config: { policy: meetingsPolicies.read } };
  const run = { config: { policy: meetingsPolicies.run } };

  const loadBody = (request: FastifyRequest<WithBody>) => {
    const id = recordId(request.params.id);
    return id ? standingItems.ofBody(tenantContext(request), id) : null;
  };

  const loadItem = (request: FastifyRequest<WithItem>) => {
    const bodyId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    return bodyId && itemId ? standingItems.find(tenantContext(request), bodyId, itemId) : null;
  };

  app.get<WithBody>('/bodies/:id/standing-items', read, async (request, reply) => {
    const found = await loadBody(request);
    if (!found) return notFound(reply);
    return reply.page('meetings/views/standing-items.njk', {
      pageTitle: `Standing agenda items: ${found.body.name}`,
      ...found,
      purposeNames: ITEM_PURPOSES.names,
      canRun: runsMeetings(request) && !found.body.closedAt,
    });
  });

  const renderForm = (
    reply: FastifyReply,
    body: { id: string; name: string },
    form: { values: Body; errors?: FieldErrors; itemId?: string; version?: unknown },
  ) =>
    reply.page('meetings/views/agenda-item-form.njk', {
      pageTitle: form.itemId ? 'Change a standing item' : 'Add a standing item',
      caption: body.name,
      action: form.itemId
        ? `${standingItemsPath(body.id)}/${form.itemId}/change`
        : `${standingItemsPath(body.id)}/new`,
      back: standingItemsPath(body.id),
      values: form.values,
      version: form.version,
      errors: form.errors,
      purposeItems: purposeItems(form.values.purpose),
      submitText: form.itemId ? 'Save standing item' : 'Add standing item',
    });

  app.get<WithBody>('/bodies/:id/standing-items/new', run, async (request, reply) => {
    const found = await loadBody(request);
    if (!found) return notFound(reply);
    return renderForm(reply, found.body, { values: {} });
  });

  app.post<WithBody & { Body: Body }>(
    '/bodies/:id/standing-items/new',
    run,
    async (request, reply) => {
      const found = await loadBody(request);
      if (!found) return notFound(reply);
      const form = parseForm(agendaItemForm, request.body);
      if (!form.ok)
        return renderForm(reply.code(400), found.body, {
          values: typedValues(request.body),
          errors: form.errors,
        });
      await standingItems.add(tenantContext(request), found.body.id, form.value);
      return reply
        .flash(`Standing item added: ${form.value.title}`)
        .redirect(standingItemsPath(found.body.id), 303);
    },
  );

  app.get<WithItem>('/bodies/:id/standing-items/:itemId/change', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    return renderForm(reply, found.body, {
      values: itemFormValues(found.item),
      itemId: found.item.id,
      version: found.item.version,
    });
  });

  app.post<WithItem & { Body: Body }>(
    '/bodies/:id/standing-items/:itemId/change',
    run,
    async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return notFound(reply);
      const form = parseForm(agendaItemForm, request.body);
      const result = form.ok
        ? await standingItems.change(tenantContext(request), found.item.id, form.value)
        : form;
      if (!result.ok) {
        if (result.errors.item) return notFound(reply);
        const sent = { values: typedValues(request.body), errors: result.errors };
        return renderForm(reply.code(result.errors.form ? 409 : 400), found.body, {
          ...sent,
          itemId: found.item.id,
          version: versionToShow(sent, found.item.version),
        });
      }
      return reply.flash('Standing item changed').redirect(standingItemsPath(found.body.id), 303);
    },
  );

  app.post<WithItem & { Body: Body }>(
    '/bodies/:id/standing-items/:itemId/move',
    run,
    async (request, reply) => {
      const found = await loadItem(request);
      const move = moveForm.safeParse(request.body ?? {});
      if (!found || !move.success) return notFound(reply);
      const moved = await standingItems.move(
        tenantContext(request),
        found.body.id,
        found.item.id,
        move.data.direction,
      );
      return reply
        .flash(
          moved
            ? `Moved ${move.data.direction}: ${found.item.title}`
            : `${found.item.title} is already ${move.data.direction === 'up' ? 'first' : 'last'}`,
        )
        .redirect(`${standingItemsPath(found.body.id)}#standing-item-${found.item.id}`, 303);
    },
  );

  app.get<WithItem>('/bodies/:id/standing-items/:itemId/remove', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    return reply.page('meetings/views/agenda-confirm.njk', {
      pageTitle: `Are you sure you want to remove “${found.item.title}” from the standing items?`,
      caption: found.body.name,
      paragraphs: [
        `New agendas of ${found.body.name} will no longer start with it. Agendas already made keep their copy of the item.`,
        'Nothing is deleted: the change is kept in the history.',
      ],
      action: `${standingItemsPath(found.body.id)}/${found.item.id}/remove`,
      back: standingItemsPath(found.body.id),
      confirmText: 'Yes, remove it',
      cancelText: 'No, keep it',
    });
  });

  app.post<WithItem>('/bodies/:id/standing-items/:itemId/remove', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    await standingItems.remove(tenantContext(request), found.item.id);
    return reply
      .flash(`Standing item removed: ${found.item.title}`)
      .redirect(standingItemsPath(found.body.id), 303);
  });
}
