import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../composition.js';
import { toCsv } from '../../platform/csv.js';
import { safeFileName } from '../../platform/files/documents.js';
import type { FieldErrors } from '../../platform/forms.js';
import { uploadIn } from '../../platform/http/uploads.js';
import { tenantContext } from '../../platform/http/tenant-context.js';
import { governancePolicies } from './governance.policy.js';
import { MEMBERSHIP_STATUSES } from './governance.vocabulary.js';
import { IMPORT_COLUMNS, TEMPLATE_EXAMPLE } from './membership-csv.js';
import type { RowProblem } from './membership-import.rows.js';
import { MAX_IMPORT_ROWS } from './membership-import.table.js';

/** Past this many, the page lists the first ones and says how many more there are. */
const PROBLEMS_SHOWN = 200;

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

function renderImport(
  request: FastifyRequest,
  reply: FastifyReply,
  outcome: { errors?: FieldErrors; problems?: RowProblem[]; fileName?: string } = {},
) {
  const problems = outcome.problems ?? [];
  return reply.page('governance/views/import.njk', {
    pageTitle: 'Import people and memberships',
    errors: outcome.errors,
    columns: IMPORT_COLUMNS,
    statuses: MEMBERSHIP_STATUSES.values.map((value) => MEMBERSHIP_STATUSES.names[value]),
    maxRows: MAX_IMPORT_ROWS.toLocaleString('en-GB'),
    problems: problems.slice(0, PROBLEMS_SHOWN),
    moreProblems: Math.max(0, problems.length - PROBLEMS_SHOWN),
    fileName: outcome.fileName,
  });
}

/** Administrators add people and their memberships from a spreadsheet, all or nothing. */
export function membershipImportRoutes(app: FastifyInstance, services: Services) {
  const { membershipImport } = services.governance;
  const policy = { config: { policy: governancePolicies.manage } };

  app.get('/governance/import', policy, (request, reply) => renderImport(request, reply));

  app.get('/governance/import/template.csv', policy, (_request, reply) =>
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="membership-import-template.csv"')
      .send(
        toCsv([
          IMPORT_COLUMNS.map((column) => column.name),
          IMPORT_COLUMNS.map((column) => TEMPLATE_EXAMPLE[column.name]),
        ]),
      ),
  );

  app.post('/governance/import', policy, async (request, reply) => {
    const upload = uploadIn(request.body, 'file');
    const outcome = await membershipImport.importCsv(tenantContext(request), upload);
    if (outcome.ok)
      return reply
        .flash(
          `Imported ${plural(outcome.people, 'person', 'people')} and ${plural(outcome.memberships, 'membership', 'memberships')}`,
        )
        .redirect('/governance/matrix', 303);
    if ('fileProblem' in outcome)
      return renderImport(request, reply.code(400), { errors: { file: outcome.fileProblem } });
    const count = outcome.rowProblems.length;
    return renderImport(request, reply.code(400), {
      errors: {
        problems: `${plural(count, 'row has a problem', 'rows have problems')}, so nothing was imported: correct ${count === 1 ? 'it' : 'them'} and import the file again`,
      },
      problems: outcome.rowProblems,
      fileName: upload ? safeFileName(upload.fileName) : undefined,
    });
  });
}
