import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { runsMeetings } from '../meetings/meeting-page.js';
import { ownerChoices, statusChoices } from './action-choices.js';
import { FORBIDDEN, NOT_FOUND } from './action-records.service.js';
import { ACTION_STATUSES, STATUS_TAG_CLASSES } from './action-status.js';
import { actionChangeForm, actionForm, actionUpdateForm, parseDueDate } from './actions.forms.js';
import { actionsPolicies } from './actions.policy.js';

type Body = Record<string, unknown>;
type WithId = { Params: { id: string } };
type WithItem = { Params: { id: string; itemId: string } };
type Sent = { values?: Body; errors?: FieldErrors };

const actor = (request: FastifyRequest) => ({ runsMeetings: runsMeetings(request) });

function forbidden(reply: FastifyReply) {
  return reply.code(403).page('error.njk', {
    pageTitle: 'You cannot update this action',
    paragraphs: [
      'Only the person who owns an action, and the business unit, can update it.',
      'If the action should be yours, ask the business unit to change its owner.',
    ],
  });
}

/** A refused change: 404 or 403 where the service says so, else the form again with the errors. */
function refusal(
  errors: FieldErrors,
  reply: FastifyReply,
  showForm: (code: number, errors: FieldErrors) => unknown,
) {
  if (errors[NOT_FOUND]) return notFound(reply);
  if (errors[FORBIDDEN]) return forbidden(reply);
  return showForm('form' in errors ? 409 : 400, errors);
}

/** Recording an action on a meeting item; its page; updating it; changing its owner or due date. */
export function actionRecordRoutes(app: FastifyInstance, services: Services) {
  const read = { config: { policy: actionsPolicies.read } };
  const run = { config: { policy: actionsPolicies.run } };
  const update = { config: { policy: actionsPolicies.update } };
  const { actions } = services;

  const loadAction = (request: FastifyRequest<WithId>) => {
    const id = recordId(request.params.id);
    return id ? actions.find(tenantContext(request), id) : Promise.resolve(null);
  };

  const renderNew = async (
    request: FastifyRequest<WithItem>,
    reply: FastifyReply,
    values: Body,
    errors?: FieldErrors,
  ) => {
    const meetingId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    const context = tenantContext(request);
    const source =
      meetingId && itemId ? await actions.meetingItem(context, meetingId, itemId) : null;
    if (!source) return notFound(reply);
    return reply.page('actions/views/action-form.njk', {
      pageTitle: 'Add an action',
      source,
      values,
      errors,
      ownerChoices: await ownerChoices(services, context, values.ownerPersonId),
    });
  };

  app.get<WithItem>('/meetings/:id/items/:itemId/actions/new', run, (request, reply) =>
    renderNew(request, reply, dateInputValues('dueOn', null)),
  );

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/items/:itemId/actions/new',
    run,
    async (request, reply) => {
      const meetingId = recordId(request.params.id);
      const itemId = recordId(request.params.itemId);
      if (!meetingId || !itemId) return notFound(reply);
      const form = parseForm(actionForm, parseDueDate(request.body));
      const result = form.ok
        ? await actions.create(tenantContext(request), { meetingId, itemId }, form.value)
        : form;
      if (!result.ok)
        return refusal(result.errors, reply, (code, errors) =>
          renderNew(request, reply.code(code), typedValues(request.body), errors),
        );
      return reply.flash('Action added').redirect(`/meetings/${meetingId}#item-${itemId}`, 303);
    },
  );

  app.get<WithId>('/actions/:id', read, async (request, reply) => {
    const found = await loadAction(request);
    if (!found) return notFound(reply);
    const context = tenantContext(request);
    return reply.page('actions/views/action.njk', {
      pageTitle: found.action.title,
      found,
      statusNames: ACTION_STATUSES.names,
      statusTags: STATUS_TAG_CLASSES,
      canUpdate: await actions.mayUpdate(context, found.action.ownerPersonId, actor(request)),
      canRun: runsMeetings(request),
    });
  });

  const renderUpdate = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    sent: Sent = {},
  ) => {
    const found = await loadAction(request);
    if (!found) return notFound(reply);
    const context = tenantContext(request);
    if (!(await actions.mayUpdate(context, found.action.ownerPersonId, actor(request))))
      return forbidden(reply);
    const values = sent.values ?? { status: found.action.status };
    return reply.page('actions/views/action-update.njk', {
      pageTitle: `Update: ${found.action.title}`,
      found,
      values,
      errors: sent.errors,
      version: versionToShow(sent, found.action.version),
      statusChoices: statusChoices(values.status),
      back: `/actions/${found.action.id}`,
    });
  };

  app.get<WithId>('/actions/:id/update', update, (request, reply) => renderUpdate(request, reply));

  app.post<WithId & { Body: Body }>('/actions/:id/update', update, async (request, reply) => {
    const id = recordId(request.params.id);
    if (!id) return notFound(reply);
    const form = parseForm(actionUpdateForm, request.body);
    const result = form.ok
      ? await actions.recordUpdate(tenantContext(request), id, form.value, actor(request))
      : form;
    if (!result.ok)
      return refusal(result.errors, reply, (code, errors) =>
        renderUpdate(request, reply.code(code), { values: typedValues(request.body), errors }),
      );
    return reply.flash('Update recorded').redirect(`/actions/${id}`, 303);
  });

  const renderChange = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    sent: Sent = {},
  ) => {
    const found = await loadAction(request);
    if (!found) return notFound(reply);
    const values = sent.values ?? {
      ownerPersonId: found.action.ownerPersonId,
      ...dateInputValues('dueOn', found.action.dueOn),
    };
    return reply.page('actions/views/action-change.njk', {
      pageTitle: `Change the owner or due date: ${found.action.title}`,
      found,
      values,
      errors: sent.errors,
      version: versionToShow(sent, found.action.version),
      ownerChoices: await ownerChoices(services, tenantContext(request), values.ownerPersonId),
      back: `/actions/${found.action.id}`,
    });
  };

  app.get<WithId>('/actions/:id/change', run, (request, reply) => renderChange(request, reply));

  app.post<WithId & { Body: Body }>('/actions/:id/change', run, async (request, reply) => {
    const id = recordId(request.params.id);
    if (!id) return notFound(reply);
    const form = parseForm(actionChangeForm, parseDueDate(request.body));
    const result = form.ok ? await actions.change(tenantContext(request), id, form.value) : form;
    if (!result.ok)
      return refusal(result.errors, reply, (code, errors) =>
        renderChange(request, reply.code(code), { values: typedValues(request.body), errors }),
      );
    return reply.flash('Owner and due date saved').redirect(`/actions/${id}`, 303);
  });
}
