import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { decisionForm, ratificationForm } from './decisions.forms.js';
import type { DecisionsService } from './decisions.service.js';
import { meetingsPolicies } from './meetings.policy.js';
import { notQuorateBecause } from './quoracy.js';

type Body = Record<string, unknown>;
type WithItem = { Params: { id: string; itemId: string } };
type Place = NonNullable<Awaited<ReturnType<DecisionsService['place']>>>;

/** Recording a decision on an agenda item, or the outcome of a ratification item. */
export function decisionsRoutes(app: FastifyInstance, services: Services) {
  const run = { config: { policy: meetingsPolicies.run } };
  const decisions = () => services.meetings.decisions;

  const load = (request: FastifyRequest<WithItem>) => {
    const meetingId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    return meetingId && itemId
      ? decisions().place(tenantContext(request), meetingId, itemId)
      : null;
  };

  async function saveDecision(request: FastifyRequest<{ Body: Body }>, found: Place) {
    const form = parseForm(decisionForm, request.body);
    if (!form.ok) return form;
    return decisions().recordDecision(
      tenantContext(request),
      found.meeting.id,
      found.item.id,
      form.value,
    );
  }

  async function saveRatification(request: FastifyRequest<{ Body: Body }>, found: Place) {
    const form = parseForm(ratificationForm, request.body);
    if (!form.ok) return form;
    return decisions().recordRatification(
      tenantContext(request),
      found.meeting.id,
      found.item.id,
      form.value,
    );
  }

  const render = (reply: FastifyReply, found: Place, values: Body, errors?: FieldErrors) =>
    reply.page(
      found.ratification
        ? 'meetings/views/ratification-form.njk'
        : 'meetings/views/decision-form.njk',
      {
        pageTitle: found.ratification
          ? 'Record the outcome of the ratification'
          : 'Record a decision',
        found,
        values,
        errors,
        notQuorateBecause: found.quoracy.quorate ? null : notQuorateBecause(found.quoracy),
      },
    );

  app.get<WithItem>('/meetings/:id/items/:itemId/decisions/new', run, async (request, reply) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    return render(reply, found, { kind: found.quoracy.quorate ? 'decision' : 'recommendation' });
  });

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/items/:itemId/decisions',
    run,
    async (request, reply) => {
      const found = await load(request);
      if (!found) return notFound(reply);
      const result = found.ratification
        ? await saveRatification(request, found)
        : await saveDecision(request, found);
      if (!result.ok)
        return render(reply.code(400), found, typedValues(request.body), result.errors);
      return reply
        .flash(found.ratification ? 'Outcome of the ratification recorded' : 'Decision recorded')
        .redirect(`/meetings/${found.meeting.id}#item-${found.item.id}`, 303);
    },
  );
}
