import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { dateInputValues } from '../../platform/date-input.js';
import { DOCUMENT_HINT } from '../../platform/files/documents.js';
import type { FieldErrors } from '../../platform/forms.js';
import { fileSizeText, sendDocument } from '../../platform/http/downloads.js';
import { versionToShow } from '../../platform/records.js';
import { notFound } from '../../platform/http/not-found.js';
import { withRecordId } from '../../platform/http/params.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { typedValues } from '../../platform/http/typed-values.js';
import { governancePolicies } from './governance.policy.js';
import { parseTermsOfReference } from './terms-of-reference.forms.js';

type WithId = { Params: { id: string } };
type Body = Record<string, unknown>;

export const termsOfReferencePath = (bodyId: string) => `/bodies/${bodyId}/terms-of-reference`;

/** Uploading a body's terms of reference with their review date, and downloading them. */
export function termsOfReferenceRoutes(app: FastifyInstance, services: Services) {
  const { termsOfReference } = services.governance;
  const read = { config: { policy: governancePolicies.read } };
  const manage = { config: { policy: governancePolicies.manage } };

  const load = (request: FastifyRequest<WithId>) =>
    withRecordId(request.params.id, (id) => termsOfReference.current(tenantContext(request), id));

  const renderForm = async (
    request: FastifyRequest<WithId>,
    reply: FastifyReply,
    form: { values?: Body; errors?: FieldErrors } = {},
  ) => {
    const found = await load(request);
    if (!found) return notFound(reply);
    const { body, file } = found;
    return reply.page('governance/views/terms-of-reference.njk', {
      pageTitle: `Terms of reference: ${body.name}`,
      body,
      file,
      fileSize: file ? fileSizeText(file.byteSize) : null,
      action: termsOfReferencePath(body.id),
      documentHint: DOCUMENT_HINT,
      values: form.values ?? dateInputValues('reviewDueOn', body.termsOfReferenceReviewDueOn),
      version: versionToShow(form, body.version),
      errors: form.errors,
    });
  };

  app.get<WithId>('/bodies/:id/terms-of-reference', manage, (request, reply) =>
    renderForm(request, reply),
  );

  app.post<WithId & { Body: Body }>(
    '/bodies/:id/terms-of-reference',
    manage,
    async (request, reply) => {
      const form = await parseTermsOfReference(request.body);
      const result = form.ok
        ? await withRecordId(request.params.id, (id) =>
            termsOfReference.upload(tenantContext(request), id, form.value),
          )
        : form;
      if (!result || (!result.ok && result.errors.body)) return notFound(reply);
      if (!result.ok) {
        const stale = 'form' in result.errors;
        return renderForm(request, reply.code(stale ? 409 : 400), {
          values: typedValues(request.body),
          errors: result.errors,
        });
      }
      return reply
        .flash('Terms of reference uploaded')
        .redirect(`/bodies/${request.params.id}`, 303);
    },
  );

  app.get<WithId>('/bodies/:id/terms-of-reference/file', read, async (request, reply) => {
    const file = await withRecordId(request.params.id, (id) =>
      termsOfReference.file(tenantContext(request), id),
    );
    return file ? sendDocument(reply, file) : notFound(reply);
  });
}
