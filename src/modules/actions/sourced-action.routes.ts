import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { ownerChoices, sourceChoices } from './action-choices.js';
import { SOURCE_REFERENCE_MAX } from './action-sources.js';
import { parseDueDate, sourcedActionForm } from './actions.forms.js';
import { actionsPolicies } from './actions.policy.js';

type Body = Record<string, unknown>;

/** "Add an action" on the action log: an action whose source is given in words. */
export function sourcedActionRoutes(app: FastifyInstance, services: Services) {
  const run = { config: { policy: actionsPolicies.run } };

  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Body,
    errors?: FieldErrors,
  ) =>
    reply.page('actions/views/sourced-action-form.njk', {
      pageTitle: 'Add an action',
      values,
      errors,
      sourceChoices: sourceChoices(values.sourceKind, 'Select where it came from'),
      referenceMax: SOURCE_REFERENCE_MAX,
      ownerChoices: await ownerChoices(services, tenantContext(request), values.ownerPersonId),
    });

  app.get('/actions/new', run, (request, reply) =>
    render(request, reply, dateInputValues('dueOn', null)),
  );

  app.post<{ Body: Body }>('/actions/new', run, async (request, reply) => {
    const form = parseForm(sourcedActionForm, parseDueDate(request.body));
    const result = form.ok
      ? await services.actions.createWithReference(tenantContext(request), form.value)
      : form;
    if (!result.ok)
      return render(request, reply.code(400), typedValues(request.body), result.errors);
    return reply.flash('Action added').redirect(`/actions/${result.value.id}`, 303);
  });
}
