import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition.js';
import { parseForm } from '../../platform/forms.js';
import { personForm } from './governance.forms.js';
import { MEMBERSHIP_STATUSES, selectItems } from './governance.vocabulary.js';
import { registerRecordPages } from './record-pages.js';

type Found = NonNullable<Awaited<ReturnType<Services['governance']['people']['find']>>>;

export function peopleRoutes(app: FastifyInstance, services: Services) {
  const { people, agencies } = services.governance;
  const agencyItems = async (context: Parameters<typeof agencies.all>[0], selected: unknown) =>
    selectItems(
      (await agencies.all(context)).map((agency) => ({ id: agency.id, text: agency.name })),
      selected,
      'Select an agency',
    );

  registerRecordPages<ReturnType<typeof personForm.parse>, Found>(app, {
    path: '/people',
    noun: 'person',
    plural: 'people',
    views: {
      list: 'governance/views/people.njk',
      show: 'governance/views/person.njk',
      form: 'governance/views/person-form.njk',
    },
    parse: (body) => parseForm(personForm, body),
    list: people.list,
    find: people.find,
    create: people.create,
    update: people.update,
    close: people.close,
    closeBlockers: async () => [],
    closingEffects: async (context, id) => {
      const { memberships } = await people.closingEffects(context, id);
      return memberships.map(
        (row) =>
          `end their membership of ${row.bodyName} (${MEMBERSHIP_STATUSES.names[row.membership.status as keyof typeof MEMBERSHIP_STATUSES.names]}) today`,
      );
    },
    formOptions: async (context, values) => ({
      agencyItems: await agencyItems(context, values.agencyId),
      accountItems: selectItems(
        (await people.accountsToLink(context)).map((account) => ({
          id: account.userId,
          text: `${account.displayName} (${account.email})`,
        })),
        values.userId,
        'Not linked',
      ),
    }),
    listData: async (context) => ({ agencyItems: await agencyItems(context, undefined) }),
    showData: async () => ({ statusNames: MEMBERSHIP_STATUSES.names }),
    valuesOf: ({ person }) => ({
      fullName: person.fullName,
      jobTitle: person.jobTitle,
      agencyId: person.agencyId,
      email: person.email,
      phone: person.phone ?? '',
      userId: person.userId ?? '',
      version: String(person.version),
    }),
    nameOf: ({ person }) => person.fullName,
    versionOf: ({ person }) => person.version,
    isClosed: ({ person }) => person.closedAt !== null,
  });
}
