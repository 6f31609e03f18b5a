import type { TenantContext } from '../../db/client.js';
import { Agent } from '../../testing/agent.js';
import { createTestApp } from '../../testing/app.js';
import { createPartnership, createUser } from '../../testing/fixtures.js';
import type { Services } from '../../composition.js';
import type { Clock } from '../../platform/clock.js';
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

/**
 * What most registry tests start from: the app on its own database, one partnership, an
 * administrator signed in (once per file: a TOTP code is accepted once) and the fixtures.
 */
export async function registryTestBed(options: { clock?: Clock } = {}) {
  const { app, services, database } = await createTestApp(options);
  const partnership = await createPartnership(services);
  const admin = await createUser(database.app.db, services, partnership.id, {
    roles: ['administrator'],
    mfa: true,
    displayName: 'Alex Morgan',
  });
  const context = { partnershipId: partnership.id, userId: admin.userId };
  const agent = new Agent(app);
  await agent.signIn(admin, options.clock?.now());
  return {
    app,
    services,
    database,
    partnership,
    admin,
    context,
    agent,
    fixtures: registryFixtures(services, context),
  };
}
