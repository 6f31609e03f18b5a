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
import { statusName, statusTag } from './amendment-status.js';
import { amendmentRoutes } from './amendments.routes.js';
import { parseReviewDate, parseVersion } from './arrangements.forms.js';
import { arrangementsPolicies } from './arrangements.policy.js';

type Body = Record<string, unknown>;

const isAdministrator = (request: FastifyRequest) =>
  request.principal?.roles.includes('administrator') ?? false;

/** The published arrangements: versions with their files, the yearly review, amendment requests. */
export function arrangementsRoutes(app: FastifyInstance, services: Services) {
  const { arrangements } = services;
  const read = { config: { policy: arrangementsPolicies.read } };
  const manage = { config: { policy: arrangementsPolicies.manage } };

  app.get('/arrangements', read, async (request, reply) => {
    const context = tenantContext(request);
    const canManage = isAdministrator(request);
    const { versions, review } = await arrangements.overview(context);
    const own = await arrangements.amendments.requestedBy(context);
    return reply.page('arrangements/views/overview.njk', {
      pageTitle: 'Safeguarding arrangements',
      versions: versions.map((row) => ({
        ...row.version,
        fileName: row.fileName,
        fileSize: row.byteSize === null ? null : fileSizeText(row.byteSize),
      })),
      review,
      ownRequests: own.map((row) => ({
        ...row,
        statusName: statusName(row.status),
        statusTag: statusTag(row.status),
      })),
      canManage,
      // The link follows the policy of the form it leads to: observers are not offered it.
      canRequest: arrangementsPolicies.request.decide(request.principal) === 'allow',
      waiting: canManage ? await arrangements.amendments.waiting(context) : 0,
    });
  });

  const renderVersionForm = (reply: FastifyReply, values: Body = {}, errors?: FieldErrors) =>
    reply.page('arrangements/views/version-form.njk', {
      pageTitle: 'Add a version of the arrangements',
      values,
      errors,
      documentHint: DOCUMENT_HINT,
    });

  app.get('/arrangements/versions/new', manage, (_request, reply) => renderVersionForm(reply));

  app.post<{ Body: Body }>('/arrangements/versions/new', manage, async (request, reply) => {
    const form = await parseVersion(request.body);
    if (!form.ok) return renderVersionForm(reply.code(400), typedValues(request.body), form.errors);
    const result = await arrangements.addVersion(tenantContext(request), form.value);
    if (!result.ok)
      return renderVersionForm(reply.code(400), typedValues(request.body), result.errors);
    return reply.flash(`Version ${form.value.versionNumber} added`).redirect('/arrangements', 303);
  });

  app.get<{ Params: { id: string } }>(
    '/arrangements/versions/:id/file',
    read,
    async (request, reply) => {
      const file = await withRecordId(request.params.id, (id) =>
        arrangements.versionFile(tenantContext(request), id),
      );
      return file ? sendDocument(reply, file) : notFound(reply);
    },
  );

  const renderReviewDate = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values?: Body; errors?: FieldErrors } = {},
  ) => {
    const current = await arrangements.reviewDate(tenantContext(request));
    return reply.page('arrangements/views/review-date.njk', {
      pageTitle: 'Change the review date',
      values: form.values ?? dateInputValues('nextReviewDueOn', current.nextReviewDueOn),
      version: versionToShow(form, current.version),
      errors: form.errors,
    });
  };

  app.get('/arrangements/review-date', manage, (request, reply) =>
    renderReviewDate(request, reply),
  );

  app.post<{ Body: Body }>('/arrangements/review-date', manage, async (request, reply) => {
    const form = parseReviewDate(request.body);
    const result = form.ok
      ? await arrangements.setReviewDate(tenantContext(request), form.value)
      : form;
    if (!result.ok)
      return renderReviewDate(request, reply.code('form' in result.errors ? 409 : 400), {
        values: typedValues(request.body),
        errors: result.errors,
      });
    return reply.flash('Review date changed').redirect('/arrangements', 303);
  });

  amendmentRoutes(app, services);
}
