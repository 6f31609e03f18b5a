import type { Services } from '../../src/composition.js';
import type { TenantContext } from '../../src/db/client.js';
import { PARTNERSHIP_STANDING_ITEMS } from '../../src/demo/demo-standing-items.js';
import { registryFixtures } from '../../src/modules/governance/registry-fixtures.js';
import { meetingsRegistry, registry } from './fixtures.js';

type Outcome<T> = { ok: true; value: T } | { ok: false; errors: object };

function required<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok) throw new Error(`Seed refused ${what}: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

/**
 * The bodies the meetings journeys start from, made through the services after the
 * registry seed: a Partnership whose quorum is the four safeguarding partners, with
 * section 15's standing items, a sub-group reporting to it, an executive group
 * and a performance group, each with a decision-making member from every partner. The
 * police member has a deputy on the Partnership and the executive group. The performance
 * group met a month ago and gave an action that is now overdue, so its reminder is in the
 * outbox once `services.actions.sendReminders` has run. Its owner, the trust's member, is
 * linked to the actions journey's account.
 */
export async function seedMeetings(
  services: Services,
  context: TenantContext,
  accounts: { actionOwnerAccountId: string },
) {
  const add = registryFixtures(services, context);
  const { governance } = services;
  const agencies = await governance.agencies.all(context);
  const agencyId = (name: string) => {
    const found = agencies.find((agency) => agency.name === name);
    if (!found) throw new Error(`The meetings seed needs the agency ${name}`);
    return found.id;
  };
  const people = await governance.people.all(context);
  const personId = (fullName: string) => {
    const found = people.find((row) => row.person.fullName === fullName);
    if (!found) throw new Error(`The meetings seed needs the person ${fullName}`);
    return found.person.id;
  };

  const { members, policeDeputy, bodies } = meetingsRegistry;
  const email = (fullName: string, domain: string) =>
    `${fullName.toLowerCase().replace(/\W+/g, '.')}@${domain}.example`;
  const newMember = (
    agency: string,
    who: { fullName: string; jobTitle: string },
    domain: string,
    userId: string | null = null,
  ) => add.person(agencyId(agency), { ...who, email: email(who.fullName, domain), userId });
  const seats = [
    {
      agency: agencyId(registry.agencies.council),
      person: await newMember(registry.agencies.council, members.council, 'council'),
    },
    { agency: agencyId(registry.agencies.police), person: personId(members.police.fullName) },
    {
      agency: agencyId(registry.agencies.health),
      person: await newMember(registry.agencies.health, members.health, 'icb'),
    },
    {
      agency: agencyId(registry.agencies.trust),
      // Signed in as this member, the actions journey finds the overdue action among its own.
      person: await newMember(
        registry.agencies.trust,
        members.trust,
        'trust',
        accounts.actionOwnerAccountId,
      ),
    },
  ];

  const partnership = await add.body({
    name: bodies.partnership,
    bodyType: 'partnership',
    cadence: 'quarterly',
  });
  const reportingToIt = { reportsToId: partnership };
  const subGroup = await add.body({ name: bodies.subGroup, ...reportingToIt });
  const executive = await add.body({
    name: bodies.executive,
    bodyType: 'executive',
    cadence: 'monthly',
    ...reportingToIt,
  });
  const performance = await add.body({ name: bodies.performance, ...reportingToIt });

  for (const bodyId of [partnership, subGroup, executive, performance]) {
    // The four partners by name: a default rule of "every safeguarding partner" would change
    // when the registry journey adds a fifth partner while these journeys run.
    required(
      await governance.bodies.updateQuorumRule(context, bodyId, {
        quorumUsesPartners: 'no',
        requiredAgencyIds: seats.map((seat) => seat.agency),
        minimumHeadCount: null,
        version: 1,
      }),
      'the quorum rule',
    );
    for (const seat of seats) {
      const membership = await add.membership(bodyId, seat.person, seat.agency, {
        status: 'safeguarding_partner',
      });
      const deputised = bodyId === partnership || bodyId === executive;
      if (deputised && seat.person === personId(members.police.fullName))
        required(
          await governance.memberships.addDeputy(context, membership, {
            personId: personId(policeDeputy.fullName),
            startsOn: '2024-04-01',
            endsOn: null,
          }),
          'the police deputy',
        );
    }
  }

  for (const title of PARTNERSHIP_STANDING_ITEMS)
    await services.meetings.agenda.standingItems.add(context, partnership, {
      title,
      purpose: 'discussion',
      presenter: '',
      durationMinutes: 15,
    });

  await seedOverdueAction(services, context, performance, seats[3]!.person);
}

/** A meeting a month ago whose action fell due a week ago, recorded afterwards. */
async function seedOverdueAction(
  services: Services,
  context: TenantContext,
  bodyId: string,
  ownerPersonId: string,
) {
  const calendar = await services.calendar.workingCalendar(context);
  const today = services.governance.today();
  const meeting = required(
    await services.meetings.create(context, {
      bodyId,
      day: calendar.addWorkingDays(today, -20),
      startTime: '10:00',
      endTime: '12:00',
      location: 'Meadowbank Family Centre',
    }),
    'the past meeting',
  );
  const item = required(
    await services.meetings.agenda.items.add(context, meeting.id, {
      title: 'Strategy discussion audit',
      purpose: 'discussion',
      presenter: 'Audit lead',
      durationMinutes: 30,
    }),
    'the audit item',
  );
  required(
    await services.actions.create(
      context,
      { meetingId: meeting.id, itemId: item.id },
      {
        title: meetingsRegistry.overdueAction,
        ownerPersonId,
        dueOn: calendar.addWorkingDays(today, -5),
      },
    ),
    'the overdue action',
  );
}
