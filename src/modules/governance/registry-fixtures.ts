import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import type { AgencyInput, BodyInput, MembershipInput, PersonInput } from './governance.forms.js';

let counter = 0;
const next = () => (counter += 1);

function unwrap<T>(outcome: { ok: true; value: T } | { ok: false; errors: object }): T {
  if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

/** Registry records for tests, with sensible defaults that each test overrides as it needs. */
export function registryFixtures(services: Services, context: TenantContext) {
  const { agencies, people, bodies, memberships } = services.governance;
  return {
    agency: async (values: Partial<AgencyInput> = {}) =>
      unwrap(
        await agencies.create(context, {
          name: `Agency ${next()}`,
          agencyType: 'other',
          isSafeguardingPartner: false,
          isRelevantAgency: false,
          ...values,
        }),
      ).id,
    person: async (agencyId: string, values: Partial<PersonInput> = {}) => {
      const n = next();
      return unwrap(
        await people.create(context, {
          fullName: `Person ${n}`,
          jobTitle: 'Safeguarding lead',
          agencyId,
          email: `person${n}@agency.example`,
          phone: null,
          userId: null,
          ...values,
        }),
      ).id;
    },
    body: async (values: Partial<BodyInput> = {}) =>
      unwrap(
        await bodies.create(context, {
          name: `Body ${next()}`,
          bodyType: 'sub_group',
          reportsToId: null,
          purpose: '',
          cadence: 'bi_monthly',
          cadenceNote: null,
          chairPersonId: null,
          chairAppointedOn: null,
          chairReviewDueOn: null,
          viceChairPersonId: null,
          viceChairAppointedOn: null,
          viceChairReviewDueOn: null,
          businessOfficerPersonId: null,
          termsOfReferenceReviewDueOn: null,
          ...values,
        }),
      ).id,
    membership: async (
      bodyId: string,
      personId: string,
      representsAgencyId: string,
      values: Partial<MembershipInput> = {},
    ) =>
      unwrap(
        await memberships.create(context, {
          bodyId,
          personId,
          representsAgencyId,
          status: 'relevant_partner',
          decisionMaking: true,
          startsOn: '2024-04-01',
          endsOn: null,
          inductionBooklet: false,
          inductionTemplates: false,
          inductionStandards: false,
          inductionReporting: false,
          inductionCompletedOn: null,
          ...values,
        }),
      ).id,
  };
}
