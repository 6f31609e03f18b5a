import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm } from '../../platform/forms.js';
import { agencyForm } from './governance.forms.js';
import { AGENCY_TYPES, MEMBERSHIP_STATUSES, choiceItems } from './governance.vocabulary.js';
import { registerRecordPages } from './record-pages.js';

type Found = NonNullable<Awaited<ReturnType<Services['governance']['agencies']['find']>>>;

export function agencyRoutes(app: FastifyInstance, services: Services) {
  const { agencies } = services.governance;
  registerRecordPages<ReturnType<typeof agencyForm.parse>, Found>(app, {
    path: '/agencies',
    noun: 'agency',
    plural: 'agencies',
    views: {
      list: 'governance/views/agencies.njk',
      show: 'governance/views/agency.njk',
      form: 'governance/views/agency-form.njk',
    },
    parse: (body) => parseForm(agencyForm, body),
    list: agencies.list,
    find: agencies.find,
    create: agencies.create,
    update: agencies.update,
    closeBlockers: agencies.closeBlockers,
    close: agencies.close,
    formOptions: async (_context, values) => ({
      typeItems: choiceItems(AGENCY_TYPES, values.agencyType),
    }),
    listData: async () => ({ typeItems: choiceItems(AGENCY_TYPES), typeNames: AGENCY_TYPES.names }),
    showData: async () => ({
      typeNames: AGENCY_TYPES.names,
      statusNames: MEMBERSHIP_STATUSES.names,
    }),
    valuesOf: ({ agency }) => ({
      name: agency.name,
      agencyType: agency.agencyType,
      isSafeguardingPartner: agency.isSafeguardingPartner ? 'yes' : undefined,
      isRelevantAgency: agency.isRelevantAgency ? 'yes' : undefined,
      version: String(agency.version),
    }),
    nameOf: ({ agency }) => agency.name,
    versionOf: ({ agency }) => agency.version,
    isClosed: ({ agency }) => agency.closedAt !== null,
  });
}
