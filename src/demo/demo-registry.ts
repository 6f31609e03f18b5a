import type { TenantContext } from '../db/client.js';
import type { Services } from '../composition.js';
import type { Outcome } from '../platform/forms.js';
import { dayOf, earlier, yearAfter, type DemoDate } from './demo-dates.js';
import {
  DEMO_AGENCIES,
  DEMO_BODIES,
  DEMO_DEPUTIES,
  DEMO_MEMBERSHIPS,
  DEMO_PEOPLE,
  type AgencyKey,
  type BodyKey,
  type DemoBody,
  type DemoChair,
  type DemoPerson,
  type DemoSeat,
  type PersonKey,
} from './demo-structure.js';

type Ids<K extends string> = Record<K, string>;

/** The demo must load whole: a refusal is a bug in the demo data, so it stops start-up. */
export function required<T>(outcome: Outcome<T>, what: string): T {
  if (!outcome.ok)
    throw new Error(`The demo could not create ${what}: ${JSON.stringify(outcome.errors)}`);
  return outcome.value;
}

const keysOf = <K extends string>(record: Record<K, unknown>) => Object.keys(record) as K[];

/**
 * Loads the demo structure through the registry services, as an administrator would, so
 * every record passes the same checks and appears in the audit trail.
 */
export async function loadDemoStructure(
  services: Services,
  context: TenantContext,
  accounts: Partial<Record<PersonKey, string>>,
) {
  const today = services.governance.today();
  const on = (date: DemoDate) => dayOf(date, today);
  const agencies = await createAgencies(services, context);
  const people = await createPeople(services, context, agencies, accounts);
  const bodies = await createBodies(services, context, people, on);
  await setQuorumRules(services, context, bodies);
  const seats = await createMemberships(services, context, { agencies, people, bodies }, on);
  await addDeputies(services, context, { people, seats });
  return { agencies, people, bodies, seats };
}

export type DemoRegistryIds = Awaited<ReturnType<typeof loadDemoStructure>>;

async function createAgencies(services: Services, context: TenantContext) {
  const ids = {} as Ids<AgencyKey>;
  for (const key of keysOf(DEMO_AGENCIES)) {
    const created = await services.governance.agencies.create(context, DEMO_AGENCIES[key]);
    ids[key] = required(created, `the agency ${DEMO_AGENCIES[key].name}`).id;
  }
  return ids;
}

async function createPeople(
  services: Services,
  context: TenantContext,
  agencies: Ids<AgencyKey>,
  accounts: Partial<Record<PersonKey, string>>,
) {
  const ids = {} as Ids<PersonKey>;
  for (const key of keysOf(DEMO_PEOPLE)) {
    const person: DemoPerson = DEMO_PEOPLE[key];
    const created = await services.governance.people.create(context, {
      fullName: person.fullName,
      jobTitle: person.jobTitle,
      agencyId: agencies[person.agency],
      email: person.email,
      phone: person.phone ?? null,
      userId: accounts[key] ?? null,
    });
    ids[key] = required(created, `${person.fullName}`).id;
  }
  return ids;
}

/** Chair, vice-chair and business officer fields of a body, with section 20's review dates. */
function officers(body: DemoBody, people: Ids<PersonKey>, on: (date: DemoDate) => string) {
  const chair = (role?: DemoChair) => {
    if (!role) return { personId: null, appointedOn: null, reviewDueOn: null };
    const appointedOn = on(role.appointedOn);
    const reviewed = role.reviewedYearly ?? true;
    return {
      personId: people[role.person],
      appointedOn,
      reviewDueOn: reviewed ? yearAfter(appointedOn) : null,
    };
  };
  const [head, vice] = [chair(body.chair), chair(body.viceChair)];
  return {
    chairPersonId: head.personId,
    chairAppointedOn: head.appointedOn,
    chairReviewDueOn: head.reviewDueOn,
    viceChairPersonId: vice.personId,
    viceChairAppointedOn: vice.appointedOn,
    viceChairReviewDueOn: vice.reviewDueOn,
    businessOfficerPersonId: body.businessOfficer ? people[body.businessOfficer] : null,
  };
}

async function createBodies(
  services: Services,
  context: TenantContext,
  people: Ids<PersonKey>,
  on: (date: DemoDate) => string,
) {
  const ids = {} as Ids<BodyKey>;
  for (const key of keysOf(DEMO_BODIES)) {
    const body = DEMO_BODIES[key];
    if (body.reportsTo && !ids[body.reportsTo])
      throw new Error(`The demo lists ${body.name} before the body it reports to`);
    const created = await services.governance.bodies.create(context, {
      name: body.name,
      bodyType: body.bodyType,
      reportsToId: body.reportsTo ? ids[body.reportsTo] : null,
      purpose: body.purpose,
      cadence: body.cadence,
      cadenceNote: body.cadenceNote ?? null,
      ...officers(body, people, on),
      termsOfReferenceReviewDueOn: body.termsOfReferenceReviewDueOn
        ? on(body.termsOfReferenceReviewDueOn)
        : null,
    });
    ids[key] = required(created, `the body ${body.name}`).id;
  }
  return ids;
}

/** New bodies already require the safeguarding partners; only head counts need setting. */
async function setQuorumRules(services: Services, context: TenantContext, bodies: Ids<BodyKey>) {
  for (const key of keysOf(DEMO_BODIES)) {
    const { quorum, name } = DEMO_BODIES[key];
    if (quorum === 'partners') continue;
    const changed = await services.governance.bodies.updateQuorumRule(context, bodies[key], {
      quorumUsesPartners: 'no',
      requiredAgencyIds: [],
      minimumHeadCount: quorum.minimumHeadCount,
    });
    required(changed, `the quorum rule of ${name}`);
  }
}

export const seatKey = (body: BodyKey, person: PersonKey) => `${body}/${person}`;

function induction(seat: DemoSeat, startsOn: string, today: string) {
  const done = seat.induction === 'complete';
  const started = seat.induction !== 'not_started';
  return {
    inductionBooklet: started,
    inductionTemplates: started,
    inductionStandards: done,
    inductionReporting: done,
    inductionCompletedOn: done ? earlier(dayOf({ months: 1 }, startsOn), today) : null,
  };
}

async function createMemberships(
  services: Services,
  context: TenantContext,
  ids: { agencies: Ids<AgencyKey>; people: Ids<PersonKey>; bodies: Ids<BodyKey> },
  on: (date: DemoDate) => string,
) {
  const seats = new Map<string, { id: string; startsOn: string }>();
  const today = on({ months: 0 }); // the load day
  for (const body of keysOf(DEMO_MEMBERSHIPS)) {
    for (const seat of DEMO_MEMBERSHIPS[body]) {
      const startsOn = on(seat.startsOn);
      const created = await services.governance.memberships.create(context, {
        bodyId: ids.bodies[body],
        personId: ids.people[seat.person],
        status: seat.status,
        representsAgencyId: ids.agencies[seat.represents],
        decisionMaking: seat.decisionMaking,
        startsOn,
        endsOn: null,
        ...induction(seat, startsOn, today),
      });
      const what = `${DEMO_PEOPLE[seat.person].fullName}'s seat on ${DEMO_BODIES[body].name}`;
      seats.set(seatKey(body, seat.person), { id: required(created, what).id, startsOn });
    }
  }
  return seats;
}

/** Section 11's delegated authority: from the lead's first day, open-ended. */
async function addDeputies(
  services: Services,
  context: TenantContext,
  ids: { people: Ids<PersonKey>; seats: Map<string, { id: string; startsOn: string }> },
) {
  for (const { lead, deputy } of DEMO_DEPUTIES) {
    const seat = ids.seats.get(seatKey('partnership', lead));
    if (!seat) throw new Error(`The demo names a deputy for ${lead}, who has no Partnership seat`);
    const added = await services.governance.memberships.addDeputy(context, seat.id, {
      personId: ids.people[deputy],
      startsOn: seat.startsOn,
      endsOn: null,
    });
    required(added, `${DEMO_PEOPLE[deputy].fullName}'s delegated authority`);
  }
}
