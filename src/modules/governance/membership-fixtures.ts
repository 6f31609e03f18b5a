import type { Services } from '../../composition.js';
import type { TenantContext } from '../../db/client.js';
import type { AgencyInput, BodyInput, MembershipInput, PersonInput } from './governance.forms.js';

function created<T>(outcome: { ok: true; value: T } | { ok: false; errors: object }): T {
  if (!outcome.ok) throw new Error(`Test set-up refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

/** Agencies, bodies, people and memberships for the matrix and import tests, through the services. */
export function membershipFixtures(services: Services, context: TenantContext) {
  const { agencies, bodies, people, memberships } = services.governance;
  return {
    agency: async (name: string, values: Partial<AgencyInput> = {}) =>
      created(
        await agencies.create(context, {
          name,
          agencyType: 'other',
          isSafeguardingPartner: false,
          isRelevantAgency: true,
          ...values,
        }),
      ).id,
    body: async (name: string, values: Partial<BodyInput> = {}) =>
      created(
        await bodies.create(context, {
          name,
          bodyType: 'sub_group',
          reportsToId: null,
          purpose: '',
          cadence: 'quarterly',
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
    person: async (
      values: Pick<PersonInput, 'fullName' | 'email' | 'agencyId'> & Partial<PersonInput>,
    ) =>
      created(
        await people.create(context, {
          jobTitle: 'Safeguarding lead',
          phone: null,
          userId: null,
          ...values,
        }),
      ).id,
    membership: async (
      values: Pick<MembershipInput, 'bodyId' | 'personId' | 'representsAgencyId'> &
        Partial<MembershipInput>,
    ) =>
      created(
        await memberships.create(context, {
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
