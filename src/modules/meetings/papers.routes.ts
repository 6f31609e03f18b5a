import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { DOCUMENT_HINT } from '../../platform/files/documents.js';
import type { FieldErrors } from '../../platform/forms.js';
import { sendDocument } from '../../platform/http/downloads.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { parsePaper } from './agenda.forms.js';
import { isRefusal, meetingPath, meetingViewer, refusal } from './agenda-routing.js';
import { meetingsPolicies } from './meetings.policy.js';

type Body = Record<string, unknown>;
type WithItem = { Params: { id: string; itemId: string } };
type WithPaper = { Params: { id: string; paperId: string } };

/** Papers for agenda items: uploading, downloading (restricted ones to members) and withdrawing. */
export function papersRoutes(app: FastifyInstance, services: Services) {
  const { items, papers } = services.meetings.agenda;
  const read = { config: { policy: meetingsPolicies.read } };
  const run = { config: { policy: meetingsPolicies.run } };

  const loadItem = (request: FastifyRequest<WithItem>) => {
    const meetingId = recordId(request.params.id);
    const itemId = recordId(request.params.itemId);
    return meetingId && itemId ? items.find(tenantContext(request), meetingId, itemId) : null;
  };

  const loadPaper = (request: FastifyRequest<WithPaper>) => {
    const meetingId = recordId(request.params.id);
    const paperId = recordId(request.params.paperId);
    return meetingId && paperId ? papers.find(tenantContext(request), meetingId, paperId) : null;
  };

  const renderForm = (
    reply: FastifyReply,
    found: { meeting: { id: string }; item: { id: string; title: string } },
    form: { values: Body; errors?: FieldErrors } = { values: {} },
  ) =>
    reply.page('meetings/views/paper-form.njk', {
      pageTitle: 'Add a paper',
      item: found.item,
      action: `${meetingPath(found.meeting.id)}/agenda/${found.item.id}/papers/new`,
      back: `${meetingPath(found.meeting.id)}#item-${found.item.id}`,
      documentHint: DOCUMENT_HINT,
      values: form.values,
      errors: form.errors,
    });

  app.get<WithItem>('/meetings/:id/agenda/:itemId/papers/new', run, async (request, reply) => {
    const found = await loadItem(request);
    if (!found) return notFound(reply);
    return renderForm(reply, found);
  });

  app.post<WithItem & { Body: Body }>(
    '/meetings/:id/agenda/:itemId/papers/new',
    run,
    async (request, reply) => {
      const found = await loadItem(request);
      if (!found) return notFound(reply);
      const form = await parsePaper(request.body);
      const result = form.ok
        ? await papers.add(tenantContext(request), found.meeting.id, found.item.id, form.value)
        : form;
      if (!result.ok) {
        if (isRefusal(result.errors))
          return refusal(reply, result.errors, meetingPath(found.meeting.id));
        return renderForm(reply.code(400), found, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      }
      return reply
        .flash(`Paper added to ${found.item.title}`)
        .redirect(`${meetingPath(found.meeting.id)}#item-${found.item.id}`, 303);
    },
  );

  app.get<WithPaper>('/meetings/:id/papers/:paperId', read, async (request, reply) => {
    const meetingId = recordId(request.params.id);
    const paperId = recordId(request.params.paperId);
    const file =
      meetingId && paperId
        ? await papers.download(tenantContext(request), meetingViewer(request), meetingId, paperId)
        : null;
    return file ? sendDocument(reply, file) : notFound(reply);
  });

  app.get<WithPaper>('/meetings/:id/papers/:paperId/withdraw', run, async (request, reply) => {
    const paper = await loadPaper(request);
    if (!paper) return notFound(reply);
    return reply.page('meetings/views/agenda-confirm.njk', {
      pageTitle: `Are you sure you want to withdraw the paper “${paper.title}”?`,
      caption: 'Withdraw a paper',
      paragraphs: [
        'It will no longer be listed or downloadable from the meeting. The document and the record of it are kept.',
      ],
      action: `${meetingPath(request.params.id)}/papers/${paper.id}/withdraw`,
      back: `${meetingPath(request.params.id)}#item-${paper.agendaItemId}`,
      confirmText: 'Yes, withdraw it',
      cancelText: 'No, keep it',
    });
  });

  app.post<WithPaper>('/meetings/:id/papers/:paperId/withdraw', run, async (request, reply) => {
    const paper = await loadPaper(request);
    if (!paper) return notFound(reply);
    await papers.withdraw(tenantContext(request), request.params.id, paper.id);
    return reply
      .flash(`Paper withdrawn: ${paper.title}`)
      .redirect(`${meetingPath(request.params.id)}#item-${paper.agendaItemId}`, 303);
  });
}
