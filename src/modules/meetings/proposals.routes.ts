import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { ukDate } from '../../platform/dates.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { proposalAnswerForm, proposalForm } from './agenda.forms.js';
import { itemLine } from './agenda-mail.js';
import { isRefusal, meetingPath, meetingViewer, purposeItems, refusal } from './agenda-routing.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;
type WithMeeting = { Params: { id: string } };
type WithItem = { Params: { id: string; itemId: string } };

const NOT_FOUND = { meeting: 'not found' };

/**
 * Members put items forward; the body's chair, vice-chair or business officer (or the
 * business unit) accepts or declines them. The route lets anyone signed in through and the
 * service decides, body by body.
 */
export function proposalsRoutes(app: FastifyInstance, services: Services) {
  const { proposals } = services.meetings.agenda;
  const takePart = { config: { policy: meetingsPolicies.takePart } };

  const checkProposing = (request: FastifyRequest<WithMeeting>) => {
    const id = recordId(request.params.id);
    return id
      ? proposals.proposing(tenantContext(request), meetingViewer(request), id)
      : { ok: false as const, errors: NOT_FOUND };
  };

  const renderProposalForm = (
    reply: FastifyReply,
    found: { meeting: { id: string; startsAt: Date }; body: { name: string } },
    form: { values: Body; errors?: FieldErrors } = { values: {} },
  ) =>
    reply.page('meetings/views/proposal-form.njk', {
      pageTitle: 'Propose an agenda item',
      caption: `${found.body.name}, ${ukDate(found.meeting.startsAt)}`,
      bodyName: found.body.name,
      action: `${meetingPath(found.meeting.id)}/agenda/propose`,
      back: `${meetingPath(found.meeting.id)}#proposals`,
      values: form.values,
      errors: form.errors,
      purposeItems: purposeItems(form.values.purpose),
    });

  app.get<WithMeeting>('/meetings/:id/agenda/propose', takePart, async (request, reply) => {
    const allowed = await checkProposing(request);
    if (!allowed.ok) return refusal(reply, allowed.errors, meetingPath(request.params.id));
    return renderProposalForm(reply, allowed.value);
  });

  app.post<WithMeeting & { Body: Body }>(
    '/meetings/:id/agenda/propose',
    takePart,
    async (request, reply) => {
      const allowed = await checkProposing(request);
      if (!allowed.ok) return refusal(reply, allowed.errors, meetingPath(request.params.id));
      const form = parseForm(proposalForm, request.body);
      const result = form.ok
        ? await proposals.propose(
            tenantContext(request),
            meetingViewer(request),
            allowed.value.meeting.id,
            form.value,
          )
        : form;
      if (!result.ok) {
        if (isRefusal(result.errors))
          return refusal(reply, result.errors, meetingPath(allowed.value.meeting.id));
        return renderProposalForm(reply.code(400), allowed.value, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      }
      return reply
        .flash(
          `Your item has been proposed to the chair and business officer of ${allowed.value.body.name}`,
        )
        .redirect(`${meetingPath(allowed.value.meeting.id)}#proposals`, 303);
    },
  );

  const checkAnswering = (request: FastifyRequest<WithItem>) => {
    const meetingId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    return meetingId && itemId
      ? proposals.answering(tenantContext(request), meetingViewer(request), meetingId, itemId)
      : { ok: false as const, errors: NOT_FOUND };
  };

  type Answering = Extract<Awaited<ReturnType<typeof checkAnswering>>, { ok: true }>['value'];

  const renderAnswerForm = (
    reply: FastifyReply,
    found: Answering,
    form: { values: Body; errors?: FieldErrors } = { values: {} },
  ) =>
    reply.page('meetings/views/proposal-answer.njk', {
      pageTitle: `Proposed item: ${found.item.title}`,
      caption: `${found.body.name}, ${ukDate(found.meeting.startsAt)}`,
      found,
      line: itemLine(found.item),
      action: `${meetingPath(found.meeting.id)}/agenda/${found.item.id}/answer`,
      back: `${meetingPath(found.meeting.id)}#proposals`,
      values: form.values,
      errors: form.errors,
      answerItems: [
        {
          value: 'accept',
          text: 'Accept: add it to the agenda',
          checked: form.values.answer === 'accept',
        },
        { value: 'decline', text: 'Decline', checked: form.values.answer === 'decline' },
      ],
    });

  app.get<WithItem>('/meetings/:id/agenda/:itemId/answer', takePart, async (request, reply) => {
    const allowed = await checkAnswering(request);
    if (!allowed.ok) return refusal(reply, allowed.errors, meetingPath(request.params.id));
    return renderAnswerForm(reply, allowed.value);
  });

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/agenda/:itemId/answer',
    takePart,
    async (request, reply) => {
      const allowed = await checkAnswering(request);
      if (!allowed.ok) return refusal(reply, allowed.errors, meetingPath(request.params.id));
      const { meeting, item } = allowed.value;
      const form = parseForm(proposalAnswerForm, request.body);
      const result = form.ok
        ? await proposals.answer(
            tenantContext(request),
            meetingViewer(request),
            meeting.id,
            item.id,
            form.value,
          )
        : form;
      if (!result.ok) {
        if (isRefusal(result.errors)) return refusal(reply, result.errors, meetingPath(meeting.id));
        return renderAnswerForm(reply.code(400), allowed.value, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      }
      const accepted = form.ok && form.value.answer === 'accept';
      return reply
        .flash(
          accepted
            ? `Accepted and added to the agenda: ${item.title}`
            : `Declined: ${item.title}. The member who proposed it has been told why.`,
        )
        .redirect(`${meetingPath(meeting.id)}${accepted ? `#item-${item.id}` : '#proposals'}`, 303);
    },
  );
}
