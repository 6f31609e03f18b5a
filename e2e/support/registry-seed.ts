import type { Services } from '../../src/composition.js';
import type { TenantContext } from '../../src/db/client.js';
import { registryFixtures } from '../../src/modules/governance/registry-fixtures.js';
import { registry } from './fixtures.js';

/**
 * The governance registry the browser tests start from, made through the registry's own
 * services: four safeguarding partners, an academy trust with one person, a closed youth
 * club, enough schools for a second page of agencies, and bodies with reporting lines and
 * members. All names are fictional; emails end in .example.
 */
export async function seedRegistry(services: Services, context: TenantContext) {
  const add = registryFixtures(services, context);
  const { agencies, bodies } = registry;
  const email = (fullName: string, domain: string) =>
    `${fullName.toLowerCase().replace(/\W+/g, '.')}@${domain}.example`;

  const partner = { isSafeguardingPartner: true, isRelevantAgency: false };
  const council = await add.agency({
    name: agencies.council,
    agencyType: 'local_authority',
    ...partner,
  });
  const police = await add.agency({ name: agencies.police, agencyType: 'police', ...partner });
  const health = await add.agency({
    name: agencies.health,
    agencyType: 'health_commissioner',
    ...partner,
  });
  await add.agency({ name: agencies.trust, agencyType: 'childrens_trust', ...partner });
  const academyTrust = await add.agency({
    name: agencies.academyTrust,
    agencyType: 'education',
    isRelevantAgency: true,
  });
  const closed = await add.agency({ name: agencies.closed, agencyType: 'voluntary_community' });
  const closing = await services.governance.agencies.close(context, closed);
  if (!closing.ok) throw new Error(`Seed refused: ${JSON.stringify(closing.errors)}`);
  for (const school of registry.schools)
    await add.agency({ name: school, agencyType: 'education', isRelevantAgency: true });

  const person = (agencyId: string, fullName: string, jobTitle: string, domain: string) =>
    add.person(agencyId, { fullName, jobTitle, email: email(fullName, domain) });
  const director = await person(
    council,
    'Helen Ward',
    "Director of Children's Services",
    'council',
  );
  const superintendent = await person(police, 'Marcus Bell', 'Chief Superintendent', 'police');
  const nurse = await person(health, 'Grace Okoye', 'Designated Nurse', 'icb');
  const member = await person(
    police,
    registry.people.member.fullName,
    registry.people.member.jobTitle,
    'police',
  );
  for (const colleague of [registry.people.deputy, registry.people.movingColleague])
    await person(police, colleague.fullName, colleague.jobTitle, 'police');
  const leaving = await person(
    academyTrust,
    registry.people.leaving.fullName,
    registry.people.leaving.jobTitle,
    'eastfield',
  );

  const body = (name: string, values: Parameters<typeof add.body>[0]) =>
    add.body({ name, ...values });
  const board = await body(bodies.board, { bodyType: 'partnership', cadence: 'quarterly' });
  const forum = await body(bodies.forum, {
    bodyType: 'executive',
    cadence: 'monthly',
    reportsToId: board,
    chairPersonId: director,
    chairAppointedOn: '2025-04-01',
    chairReviewDueOn: '2026-04-01',
  });
  const learning = await body(bodies.learning, { reportsToId: forum });
  await body(bodies.quality, { reportsToId: forum });
  const practice = await body(bodies.practice, { reportsToId: forum });
  const education = await body(bodies.education, {
    bodyType: 'reference_group',
    reportsToId: board,
  });
  const exploitation = await body(bodies.exploitation, {
    bodyType: 'priority_group',
    reportsToId: forum,
  });
  await body(bodies.missing, {
    bodyType: 'task_and_finish',
    cadence: 'monthly',
    reportsToId: exploitation,
  });

  const partnerSeat = { status: 'safeguarding_partner' } as const;
  for (const bodyId of [board, forum]) {
    await add.membership(bodyId, director, council, partnerSeat);
    await add.membership(bodyId, superintendent, police, partnerSeat);
    await add.membership(bodyId, nurse, health, partnerSeat);
  }
  await add.membership(practice, member, police, partnerSeat);
  await add.membership(education, leaving, academyTrust);
  // A seat that ended before today: the body's past members.
  await add.membership(learning, nurse, health, { startsOn: '2023-04-01', endsOn: '2025-03-31' });
}
