/**
 * The registry of a synthetic partnership: agencies (the four safeguarding partners, the
 * independent members, and relevant agencies of every kind), people, and sign-in accounts;
 * then its bodies (bodies.ts) and memberships (memberships.ts), and who left over the years.
 */
import type { Role } from '../../src/platform/policy.js';
import { auditKind } from './audit-log.js';
import { auditBodies, planBodies, planOfficers } from './bodies.js';
import { auditMemberships, peopleOf, planDeputies, planMemberships } from './memberships.js';
import type { AccountPlan, AgencyPlan, PartnershipPlan, PersonPlan } from './plan.js';
import { apportion, Random } from './random.js';
import { isoOf, type Day } from './timeline.js';
import { AGENCY_KINDS, FIRST_NAMES, JOB_TITLES, placeName, SURNAMES } from './words.js';

type Plan = PartnershipPlan;
const DAY_MS = 86_400_000;

// --- audit events of the registry, as the governance services write them

const AGENCY_CREATED = auditKind((plan, a) => {
  const agency = plan.agencies[a]!;
  return {
    action: 'agency.created',
    entityType: 'agency',
    entityId: agency.id,
    after: {
      name: agency.name,
      agencyType: agency.agencyType,
      isSafeguardingPartner: agency.isSafeguardingPartner,
      isRelevantAgency: agency.isRelevantAgency,
    },
  };
});
const AGENCY_CLOSED = auditKind((plan, a) => ({
  action: 'agency.closed',
  entityType: 'agency',
  entityId: plan.agencies[a]!.id,
  before: { closedAt: null },
  after: { closedAt: isoOf(Math.floor(plan.agencies[a]!.closedMs! / DAY_MS)) },
}));
const PERSON_CREATED = auditKind((plan, a) => {
  const person = plan.people[a]!;
  return {
    action: 'person.created',
    entityType: 'person',
    entityId: person.id,
    after: {
      fullName: person.fullName,
      jobTitle: person.jobTitle,
      agencyId: plan.agencies[person.agency]!.id,
      email: person.email,
      phone: person.phone,
      userId: person.account === null ? null : plan.accounts[person.account]!.id,
    },
  };
});
const PERSON_CLOSED = auditKind((plan, a) => ({
  action: 'person.closed',
  entityType: 'person',
  entityId: plan.people[a]!.id,
  before: { closedAt: null },
  after: { closedAt: isoOf(Math.floor(plan.people[a]!.closedMs! / DAY_MS)) },
}));
const ACCOUNT_CREATED = auditKind((plan, a) => {
  const account = plan.accounts[a]!;
  return {
    action: 'account.created',
    entityType: 'account',
    entityId: account.id,
    after: { email: plan.people[account.person]!.email, roles: account.roles, source: 'synthetic' },
  };
});
// --- agencies

const PARTNERS = [
  { suffix: 'Council', agencyType: 'local_authority' },
  { suffix: "Children's Trust", agencyType: 'childrens_trust' },
  { suffix: 'Police', agencyType: 'police' },
  { suffix: 'Integrated Care Board', agencyType: 'health_commissioner' },
] as const;

function planAgencies(plan: Plan, random: Random, area: string) {
  const { timeline } = plan;
  const firstDay = (index: number) => timeline.at(timeline.start, 8 * 60 + 15) + index * 1000;
  const agencies: AgencyPlan[] = PARTNERS.map((partner) => ({
    id: random.uuid(),
    name: `${area} ${partner.suffix}`,
    agencyType: partner.agencyType,
    isSafeguardingPartner: true,
    isRelevantAgency: false,
    createdMs: 0,
    closedMs: null,
  }));
  agencies.push({
    id: random.uuid(),
    name: 'Independent and lay members',
    agencyType: 'other',
    isSafeguardingPartner: false,
    isRelevantAgency: false,
    createdMs: 0,
    closedMs: null,
  });
  const names = new Set(agencies.map((agency) => agency.name.toLowerCase()));
  const kinds = AGENCY_KINDS.map((kind) => [kind, kind.weight] as const);
  while (agencies.length < plan.shape.agencies) {
    const kind = random.weighted(kinds);
    const name = random.pick(kind.names).replace('{town}', placeName(random.int(0, 199)));
    if (names.has(name.toLowerCase())) continue;
    names.add(name.toLowerCase());
    agencies.push({
      id: random.uuid(),
      name,
      agencyType: kind.agencyType,
      isSafeguardingPartner: false,
      isRelevantAgency: true,
      createdMs: 0,
      closedMs: null,
    });
  }
  agencies.forEach((agency, index) => (agency.createdMs = firstDay(index)));
  plan.agencies = agencies;
  plan.partners = [0, 1, 2, 3];
  plan.independent = 4;
  plan.businessUnit = 1;
}

/** A few relevant agencies closed over the years: they never had anyone on the registry. */
function closedAgencies(plan: Plan, random: Random) {
  const closable = Math.floor((plan.agencies.length - 5) * 0.02);
  const closed = new Set<number>();
  while (closed.size < closable) closed.add(random.int(5, plan.agencies.length - 1));
  for (const index of closed) {
    const { timeline } = plan;
    const day = timeline.workingOnOrAfter(random.int(timeline.start + 30, timeline.asOf - 1));
    plan.agencies[index]!.closedMs = timeline.at(day, 11 * 60 + random.int(0, 300));
  }
  return closed;
}

// --- people and accounts

function planPeople(plan: Plan, random: Random, closed: Set<number>) {
  const agencyCount = plan.agencies.length;
  const weights = plan.agencies.map((_, index) => {
    if (closed.has(index)) return 0;
    if (plan.partners.includes(index)) return 6;
    if (index === plan.independent) return 0.6;
    return 76 / Math.max(1, agencyCount - 5 - closed.size);
  });
  // The partners and the independent members need two people each for seats and deputies.
  const reserved = plan.agencies.map((_, index): number => (index <= plan.independent ? 2 : 0));
  const reservedTotal = reserved.reduce((sum, count) => sum + count, 0);
  const perAgency = apportion(plan.shape.people - reservedTotal, weights).map(
    (count, index) => count + reserved[index]!,
  );
  const emails = new Set<string>();
  const people: PersonPlan[] = [];
  perAgency.forEach((count, agency) => {
    const titles = JOB_TITLES[plan.agencies[agency]!.agencyType] ?? JOB_TITLES.other!;
    for (let n = 0; n < count; n += 1) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(SURNAMES);
      let local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
      for (let suffix = 2; emails.has(local); suffix += 1)
        local = `${first}.${last}${suffix}`.toLowerCase().replace(/[^a-z0-9.]/g, '');
      emails.add(local);
      people.push({
        id: random.uuid(),
        fullName: `${first} ${last}`,
        jobTitle: agency === plan.independent ? titles[n % titles.length]! : random.pick(titles),
        agency,
        email: `${local}@${plan.domain}`,
        phone: random.chance(0.3)
          ? `01632 960 ${String(random.int(0, 999)).padStart(3, '0')}`
          : null,
        account: null,
        createdMs: 0,
        closedMs: null,
      });
    }
  });
  plan.people = people;
}

/**
 * The business manager (administrator) and officer, the scrutineer, then members from the
 * partners and other agencies: the audit trail's actors and the case teams.
 */
function planAccounts(plan: Plan, random: Random) {
  const unit = peopleOf(plan, plan.businessUnit);
  const independent = peopleOf(plan, plan.independent);
  const taken = new Set<number>();
  const accounts: AccountPlan[] = [];
  const add = (person: number, roles: Role[], createdMs: number) => {
    taken.add(person);
    plan.people[person]!.account = accounts.length;
    accounts.push({ id: random.uuid(), person, roles, createdMs });
  };
  const { timeline } = plan;
  const opening = timeline.at(timeline.start, 8 * 60 + 5);
  add(unit[0]!, ['administrator'], opening);
  plan.people[unit[0]!]!.jobTitle = 'Partnership Business Manager';
  const officer = unit.find((person) => !taken.has(person)) ?? (unit[0]! + 1) % plan.people.length;
  add(officer, ['business_officer'], opening + 1000);
  plan.people[accounts[1]!.person]!.jobTitle = 'Partnership Business Officer';
  const scrutineer = independent.find((person) => !taken.has(person));
  if (accounts.length < plan.shape.accounts && scrutineer !== undefined)
    add(scrutineer, ['independent_scrutineer'], opening + 2000);
  while (accounts.length < plan.shape.accounts) {
    const person = random.int(0, plan.people.length - 1);
    if (taken.has(person)) continue;
    const day = timeline.workingOnOrAfter(random.int(timeline.start, timeline.asOf - 30));
    const roles: Role[] = [random.chance(0.05) ? 'observer' : 'member'];
    add(person, roles, timeline.at(day, 9 * 60 + random.int(0, 480)));
  }
  plan.accounts = accounts;
}

/** People are recorded the working day before their first seat (or on the first day). */
function planPeopleDates(plan: Plan, random: Random) {
  const { timeline } = plan;
  const firstSeat = new Map<number, number>();
  for (const seat of plan.memberships)
    firstSeat.set(seat.person, Math.min(firstSeat.get(seat.person) ?? Infinity, seat.createdMs));
  for (const deputy of plan.deputies)
    firstSeat.set(
      deputy.person,
      Math.min(firstSeat.get(deputy.person) ?? Infinity, deputy.createdMs),
    );
  plan.people.forEach((person, index) => {
    const first = firstSeat.get(index);
    const firstDay = first === undefined ? null : Math.floor(first / DAY_MS);
    const day =
      firstDay === null
        ? timeline.workingOnOrAfter(random.int(timeline.start + 1, timeline.asOf - 1))
        : Math.max(timeline.start, firstDay - 1);
    person.createdMs = timeline.at(day, 9 * 60 + random.int(0, 60)) + index;
  });
}

/** The agencies', people's and accounts' audit events, each when its record was created. */
function auditRegistry(plan: Plan) {
  const admin = 0;
  plan.accounts.forEach((account, index) =>
    plan.audit.add(account.createdMs, index, ACCOUNT_CREATED, index),
  );
  plan.agencies.forEach((agency, index) => {
    plan.audit.add(agency.createdMs, admin, AGENCY_CREATED, index);
    if (agency.closedMs !== null) plan.audit.add(agency.closedMs, admin, AGENCY_CLOSED, index);
  });
  plan.people.forEach((person, index) =>
    plan.audit.add(person.createdMs, admin, PERSON_CREATED, index),
  );
}

/** Agencies, people, accounts, bodies, memberships and deputies of one partnership. */
export function planRegistry(plan: Plan, seed: number, area: string) {
  const random = Random.of(seed, plan.shape.name, plan.index, 'registry');
  planAgencies(plan, random, area);
  const closed = closedAgencies(plan, random);
  planPeople(plan, random, closed);
  planAccounts(plan, random);
  planBodies(plan, random, area);
  planMemberships(plan, random, closed);
  planDeputies(plan, random);
  planOfficers(plan, random);
  planPeopleDates(plan, random);
  auditRegistry(plan);
  auditBodies(plan);
  auditMemberships(plan);
}

/**
 * Some people who have left: no seat or delegation after the last year, no account, no
 * outstanding action and no office. Decided last, once the actions are planned.
 */
export function planDepartures(plan: Plan, seed: number, busy: Set<number>) {
  const random = Random.of(seed, plan.shape.name, plan.index, 'departures');
  const { timeline } = plan;
  const lastDay = new Map<number, Day>();
  const note = (person: number, day: Day | null) =>
    lastDay.set(person, Math.max(lastDay.get(person) ?? 0, day ?? Infinity));
  for (const seat of plan.memberships) note(seat.person, seat.endsOn);
  for (const deputy of plan.deputies) note(deputy.person, deputy.endsOn);
  for (const body of plan.bodies)
    for (const officer of [body.chair?.person, body.viceChair?.person, body.businessOfficer])
      if (officer !== undefined && officer !== null) busy.add(officer);
  plan.people.forEach((person, index) => {
    const last = lastDay.get(index);
    if (last === undefined || last > timeline.asOf - 365) return;
    if (person.account !== null || busy.has(index) || !random.chance(0.4)) return;
    const day = timeline.workingOnOrAfter(Math.min(last + random.int(1, 60), timeline.asOf - 1));
    person.closedMs = timeline.at(day, 15 * 60 + random.int(0, 60));
    plan.audit.add(person.closedMs, 0, PERSON_CLOSED, index);
  });
}
