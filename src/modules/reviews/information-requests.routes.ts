import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { DOCUMENT_HINT } from '../../platform/files/documents.js';
import { parseForm, type FieldErrors } from '../../platform/forms.js';
import { sendDocument } from '../../platform/http/downloads.js';
import { notFound } from '../../platform/http/not-found.js';
import { recordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { versionToShow } from '../../platform/records.js';
import { casePath } from './case-routing.js';
import {
  ASKED_FOR,
  RETURN_KINDS,
  askedForChoice,
  parseRequestForm,
  parseReturnForm,
  requestForm,
} from './information-requests.forms.js';
import { reviewsPolicies } from './reviews.policy.js';

type Body = Record<string, unknown>;
type Sent = { values?: Body; errors?: FieldErrors };
type WithRequest = { Params: { id: string; requestId: string } };
type WithReturn = { Params: { id: string; returnId: string } };

const SECTION = '#rapid-review';

/** Both ids from the URL, or null so the route answers 404 without asking the database. */
function ids(params: Record<string, string>, key: 'requestId' | 'returnId') {
  const caseId = recordId(params.id);
  const other = recordId(params[key]);
  return caseId && other ? { caseId, other } : null;
}

/** What the rapid review asks agencies for, and the documents they return: team only. */
export function informationRequestRoutes(app: FastifyInstance, services: Services) {
  const open = { config: { policy: reviewsPolicies.open } };
  const { requests } = services.reviews.rapidReviews;

  const renderRequest = async (
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    form: Sent & { requestId?: string; version?: unknown; agencyId?: string },
  ) => {
    const choices = await requests.formChoices(tenantContext(request), caseId, form.agencyId);
    if (!choices) return notFound(reply);
    return reply.page('reviews/views/rapid-review-request.njk', {
      pageTitle: form.requestId ? 'Change an information request' : 'Ask an agency for information',
      ...choices,
      requestId: form.requestId,
      version: form.version,
      values: form.values,
      errors: form.errors,
      askedForNames: ASKED_FOR.names,
    });
  };

  app.get<{ Params: { id: string } }>(
    '/reviews/:id/rapid-review/requests/new',
    open,
    async (request, reply) => {
      const caseId = recordId(request.params.id);
      if (!caseId) return notFound(reply);
      return renderRequest(request, reply, caseId, {
        values: dateInputValues('requestedOn', services.calendar.today()),
      });
    },
  );

  app.post<{ Params: { id: string }; Body: Body }>(
    '/reviews/:id/rapid-review/requests/new',
    open,
    async (request, reply) => {
      const caseId = recordId(request.params.id);
      if (!caseId) return notFound(reply);
      const form = parseForm(requestForm, parseRequestForm(request.body));
      const result = form.ok
        ? await requests.add(tenantContext(request), caseId, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderRequest(request, reply.code(400), caseId, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply
        .flash(`Information requested from ${result.value.agencyName}`)
        .redirect(casePath(caseId, SECTION), 303);
    },
  );

  app.get<WithRequest>(
    '/reviews/:id/rapid-review/requests/:requestId',
    open,
    async (request, reply) => {
      const found = ids(request.params, 'requestId');
      const current =
        found && (await requests.find(tenantContext(request), found.caseId, found.other));
      if (!found || !current) return notFound(reply);
      const row = current.request;
      return renderRequest(request, reply, found.caseId, {
        requestId: row.id,
        version: row.version,
        agencyId: row.agencyId,
        values: {
          agencyId: row.agencyId,
          ...askedForChoice(row.askedFor),
          ...dateInputValues('requestedOn', row.requestedOn),
          ...dateInputValues('dueOn', row.dueOn),
          ...dateInputValues('returnedOn', row.returnedOn),
        },
      });
    },
  );

  app.post<WithRequest & { Body: Body }>(
    '/reviews/:id/rapid-review/requests/:requestId',
    open,
    async (request, reply) => {
      const found = ids(request.params, 'requestId');
      if (!found) return notFound(reply);
      const context = tenantContext(request);
      const form = parseForm(requestForm, parseRequestForm(request.body));
      const result = form.ok
        ? await requests.change(context, found.caseId, found.other, form.value)
        : form;
      const current = await requests.find(context, found.caseId, found.other);
      if (!result || !current) return notFound(reply);
      if (!result.ok) {
        const sent = { values: typedValues(request.body), errors: result.errors };
        return renderRequest(request, reply.code(400), found.caseId, {
          ...sent,
          requestId: found.other,
          agencyId: current.request.agencyId,
          version: versionToShow(sent, current.request.version),
        });
      }
      return reply
        .flash(`Information request to ${result.value.agencyName} saved`)
        .redirect(casePath(found.caseId, SECTION), 303);
    },
  );

  const renderReturn = (
    reply: FastifyReply,
    current: NonNullable<Awaited<ReturnType<typeof requests.find>>>,
    sent: Sent,
  ) =>
    reply.page('reviews/views/rapid-review-return.njk', {
      pageTitle: `Add a document returned by ${current.agencyName}`,
      reviewCase: { id: current.reviewCase.id, reference: current.reviewCase.reference },
      request: current.request,
      agencyName: current.agencyName,
      documentHint: DOCUMENT_HINT,
      kindNames: RETURN_KINDS.names,
      values: sent.values,
      errors: sent.errors,
    });

  app.get<WithRequest>(
    '/reviews/:id/rapid-review/requests/:requestId/documents/new',
    open,
    async (request, reply) => {
      const found = ids(request.params, 'requestId');
      const current =
        found && (await requests.find(tenantContext(request), found.caseId, found.other));
      if (!current) return notFound(reply);
      return renderReturn(reply, current, {
        values: dateInputValues('returnedOn', services.calendar.today()),
      });
    },
  );

  app.post<WithRequest & { Body: Body }>(
    '/reviews/:id/rapid-review/requests/:requestId/documents/new',
    open,
    async (request, reply) => {
      const found = ids(request.params, 'requestId');
      const context = tenantContext(request);
      const current = found && (await requests.find(context, found.caseId, found.other));
      if (!found || !current) return notFound(reply);
      const form = await parseReturnForm(request.body);
      const result = form.ok
        ? await requests.addReturn(context, found.caseId, found.other, form.value)
        : form;
      if (!result) return notFound(reply);
      if (!result.ok)
        return renderReturn(reply.code(400), current, {
          values: typedValues(request.body),
          errors: result.errors,
        });
      return reply
        .flash(`Document from ${result.value.agencyName} added`)
        .redirect(casePath(found.caseId, SECTION), 303);
    },
  );

  app.get<WithReturn>(
    '/reviews/:id/rapid-review/documents/:returnId',
    open,
    async (request, reply) => {
      const found = ids(request.params, 'returnId');
      const document =
        found && (await requests.download(tenantContext(request), found.caseId, found.other));
      return document ? sendDocument(reply, document) : notFound(reply);
    },
  );
}
