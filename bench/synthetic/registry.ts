/**
 * The registry of a synthetic partnership: agencies, people, sign-in accounts, bodies in a
 * reporting tree, and memberships over the years. Every body has a fixed number of seats
 * (10-40 in the large shape) held by a chain of members, one after another, so that on any
 * day a body has that many current members.
 */
import type { Role } from '../../src/platform/policy.js';
import { auditKind, type AuditLog } from './audit-log.js';
import type {
  AccountPlan,
  AgencyPlan,
  BodyPlan,
  DeputyPlan,
  Induction,
  MembershipPlan,
  PartnershipPlan,
  PersonPlan,
} from './plan.js';
import { apportion, Random } from './random.js';
import { isoOf, type Day } from './timeline.js';
import {
  AGENCY_KINDS,
  BODY_TOPICS,
  FIRST_NAMES,
  JOB_TITLES,
  LOCATIONS,
  placeName,
  STANDING_ITEMS,
  SURNAMES,
} from './words.js';

type Plan = PartnershipPlan;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;

// --- audit events of the registry, as the governance services write them

const isoDay = (day: Day | null) => (day === null ? null : isoOf(day));

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
const BODY_CREATED = auditKind((plan, a) => {
  const body = plan.bodies[a]!;
  const person = (index: number | undefined) =>
    index === undefined ? null : plan.people[index]!.id;
  return {
    action: 'body.created',
    entityType: 'body',
    entityId: body.id,
    after: {
      name: body.name,
      bodyType: body.bodyType,
      reportsToId: body.reportsTo === null ? null : plan.bodies[body.reportsTo]!.id,
      purpose: body.purpose,
      cadence: body.cadence,
      cadenceNote: body.cadenceNote,
      chairPersonId: person(body.chair?.person),
      viceChairPersonId: person(body.viceChair?.person),
      businessOfficerPersonId: person(body.businessOfficer ?? undefined),
      termsOfReferenceReviewDueOn: isoDay(body.termsOfReferenceReviewDueOn),
    },
  };
});
const BODY_QUORUM = auditKind((plan, a) => ({
  action: 'body.quorum_rule_changed',
  entityType: 'body',
  entityId: plan.bodies[a]!.id,
  before: { quorumUsesPartners: true, requiredAgencyIds: [], minimumHeadCount: null },
  after: {
    quorumUsesPartners: false,
    requiredAgencyIds: [],
    minimumHeadCount: plan.bodies[a]!.minimumHeadCount,
  },
}));
const BODY_CLOSED = auditKind((plan, a) => ({
  action: 'body.closed',
  entityType: 'body',
  entityId: plan.bodies[a]!.id,
  before: { closedAt: null },
  after: { closedAt: isoOf(Math.floor(plan.bodies[a]!.closedMs! / DAY_MS)) },
}));
const STANDING_ITEM_ADDED = auditKind((plan, a, b) => {
  const item = plan.bodies[a]!.standingItems[b]!;
  return {
    action: 'standing_item.added',
    entityType: 'standing_item',
    entityId: item.id,
    after: { bodyId: plan.bodies[a]!.id, title: item.title, purpose: 'discussion' },
  };
});
const MEMBERSHIP_CREATED = auditKind((plan, a) => {
  const seat = plan.memberships[a]!;
  return {
    action: 'membership.created',
    entityType: 'membership',
    entityId: seat.id,
    after: {
      bodyId: plan.bodies[seat.body]!.id,
      personId: plan.people[seat.person]!.id,
      status: seat.status,
      representsAgencyId: plan.agencies[seat.agency]!.id,
      decisionMaking: seat.decisionMaking,
      startsOn: isoOf(seat.startsOn),
      endsOn: null,
    },
  };
});
const MEMBERSHIP_ENDED = auditKind((plan, a) => ({
  action: 'membership.ended',
  entityType: 'membership',
  entityId: plan.memberships[a]!.id,
  before: { endsOn: null },
  after: { endsOn: isoDay(plan.memberships[a]!.endsOn) },
}));
const DEPUTY_CREATED = auditKind((plan, a) => {
  const deputy = plan.deputies[a]!;
  return {
    action: 'deputy.created',
    entityType: 'deputy',
    entityId: deputy.id,
    after: {
      membershipId: plan.memberships[deputy.membership]!.id,
      personId: plan.people[deputy.person]!.id,
      startsOn: isoOf(deputy.startsOn),
      endsOn: isoDay(deputy.endsOn),
    },
  };
});
const DEPUTY_ADDED = auditKind((plan, a) => {
  const deputy = plan.deputies[a]!;
  return {
    action: 'membership.deputy_added',
    entityType: 'membership',
    entityId: plan.memberships[deputy.membership]!.id,
    after: {
      deputy: plan.people[deputy.person]!.fullName,
      startsOn: isoOf(deputy.startsOn),
      endsOn: isoDay(deputy.endsOn),
    },
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

const peopleOf = (plan: Plan, agency: number) =>
  plan.people.flatMap((person, index) => (person.agency === agency ? [index] : []));

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

// --- bodies

interface BodySpec {
  name: string;
  bodyType: string;
  parent: 'root' | 'partnership' | 'executive' | 'sub_group';
  cadence: string;
  seats: number;
  timeLimited: boolean;
}

const BOARDS = [
  "Council Children's Services Scrutiny Committee",
  "Children's Trust Board",
  'Police and Crime Commissioner',
  'Integrated Care Board',
];

function bodySpecs(plan: Plan, random: Random, area: string): BodySpec[] {
  const total = plan.shape.bodies;
  const specs: BodySpec[] = [
    {
      name: plan.name,
      bodyType: 'partnership',
      parent: 'root',
      cadence: 'bi_monthly',
      seats: 32,
      timeLimited: false,
    },
    {
      name: 'Chairs Consultation Forum',
      bodyType: 'executive',
      parent: 'partnership',
      cadence: 'bi_monthly',
      seats: 15,
      timeLimited: false,
    },
  ];
  for (const board of BOARDS.slice(0, Math.min(4, Math.floor(total / 8))))
    specs.push({
      name: `${area} ${board}`,
      bodyType: 'other_board',
      parent: 'root',
      cadence: 'custom',
      seats: 10,
      timeLimited: false,
    });
  const queues = {
    sub_group: [...BODY_TOPICS.sub_group],
    priority_group: BODY_TOPICS.priority_group.map((topic) => `Priority Group: ${topic}`),
    reference_group: BODY_TOPICS.reference_group.map((topic) => `${topic} Reference Group`),
  };
  let taskNumber = 0;
  let localityNumber = 0;
  const rounds = [
    'sub_group',
    'priority_group',
    'sub_group',
    'reference_group',
    'task',
    'locality',
  ];
  for (let turn = 0; specs.length < total; turn += 1) {
    const kind = rounds[turn % rounds.length]!;
    if (kind in queues) {
      const name = queues[kind as keyof typeof queues].shift();
      if (!name) continue;
      const seats = kind === 'reference_group' ? random.int(15, 40) : random.int(12, 25);
      specs.push({
        name,
        bodyType: kind,
        parent: kind === 'reference_group' ? 'partnership' : 'executive',
        cadence:
          kind === 'reference_group' ? 'quarterly' : random.pick(['bi_monthly', 'quarterly']),
        seats,
        timeLimited: false,
      });
    } else if (kind === 'task') {
      const topic = BODY_TOPICS.task_and_finish[taskNumber % BODY_TOPICS.task_and_finish.length];
      const round = Math.floor(taskNumber / BODY_TOPICS.task_and_finish.length);
      taskNumber += 1;
      specs.push({
        name: `Task and Finish Group: ${topic}${round > 0 ? ` ${round + 1}` : ''}`,
        bodyType: 'task_and_finish',
        parent: 'sub_group',
        cadence: 'monthly',
        seats: random.int(10, 15),
        timeLimited: true,
      });
    } else {
      specs.push({
        name: `${placeName(localityNumber * 7 + 3)} Locality Safeguarding Forum`,
        bodyType: 'reference_group',
        parent: 'partnership',
        cadence: 'quarterly',
        seats: random.int(12, 30),
        timeLimited: false,
      });
      localityNumber += 1;
    }
  }
  return specs;
}

const PURPOSES: Record<string, string> = {
  partnership:
    'The decision-making body of the safeguarding partners: it oversees the multi-agency plan to protect children, reviews progress and ratifies the delivery plans of its sub-groups.',
  executive:
    'Sub-group chairs, priority leads, the independent scrutineer and the business unit co-ordinate the work and set the agenda of the Partnership.',
  other_board:
    "Receives the Partnership's reports on progress against its business plan and its yearly report.",
  sub_group: 'Leads the partnership’s work in its area and reports progress to the forum.',
  priority_group: 'Delivers one priority of the business plan and measures its impact.',
  reference_group:
    'Carries communication and advice to and from its network; its advice goes up for ratification.',
  task_and_finish: 'A time-limited group that delivers one piece of work and then closes.',
};

function planBodies(plan: Plan, random: Random, area: string) {
  const { timeline } = plan;
  const specs = bodySpecs(plan, random, area);
  const indexOfType = (type: string) => specs.findIndex((spec) => spec.bodyType === type);
  const subGroups = specs.flatMap((spec, index) => (spec.bodyType === 'sub_group' ? [index] : []));
  plan.bodies = specs.map((spec, index): BodyPlan => {
    const executive = indexOfType('executive');
    const reportsTo =
      spec.parent === 'root'
        ? null
        : spec.parent === 'partnership' || executive < 0
          ? 0
          : spec.parent === 'executive'
            ? executive
            : subGroups.length > 0
              ? random.pick(subGroups)
              : 0;
    const headCount = spec.bodyType === 'reference_group' || spec.bodyType === 'other_board';
    const opensOn = spec.timeLimited
      ? timeline.workingOnOrAfter(random.int(timeline.start + 30, timeline.asOf - 90))
      : timeline.start;
    const runs = random.int(180, 720);
    const closesOn =
      spec.timeLimited && opensOn + runs < timeline.asOf - 30
        ? timeline.workingOnOrAfter(opensOn + runs)
        : null;
    const createdDay = opensOn === timeline.start ? opensOn : opensOn - random.int(1, 20);
    return {
      id: random.uuid(),
      name: spec.name,
      bodyType: spec.bodyType,
      reportsTo,
      purpose: PURPOSES[spec.bodyType]!,
      cadence: spec.cadence,
      cadenceNote:
        spec.cadence === 'custom'
          ? "on its own timetable, receiving the Partnership's reports"
          : null,
      chair: null,
      viceChair: null,
      businessOfficer: null,
      termsOfReferenceReviewDueOn: random.chance(0.7) ? timeline.asOf + random.int(-60, 300) : null,
      quorumUsesPartners: !headCount,
      minimumHeadCount: headCount ? random.int(3, 5) : null,
      opensOn,
      closesOn,
      createdMs: timeline.at(createdDay, 8 * 60 + 30) + index * 1000,
      closedMs: closesOn === null ? null : timeline.at(closesOn + 1, 16 * 60),
      startMinutes:
        index === 0 ? 10 * 60 : random.pick([9 * 60 + 30, 10 * 60, 13 * 60 + 30, 14 * 60]),
      location: random.pick(LOCATIONS),
      standingItems: standingItems(spec.bodyType, random),
    };
  });
}

function standingItems(bodyType: string, random: Random) {
  const titles =
    bodyType === 'partnership'
      ? STANDING_ITEMS.slice(0, 8)
      : bodyType === 'executive'
        ? STANDING_ITEMS.slice(8, 10)
        : bodyType === 'sub_group' || bodyType === 'priority_group'
          ? STANDING_ITEMS.slice(9, 9 + random.int(0, 2))
          : [];
  return titles.map((title) => ({
    id: random.uuid(),
    title,
    presenter: '',
    durationMinutes: 15,
  }));
}

// --- memberships

interface Seat {
  body: number;
  kind: 'partner' | 'relevant' | 'scrutineer' | 'lay' | 'support' | 'observer' | 'co_opted';
  partner?: number;
}

function seatsOf(plan: Plan, body: number, count: number): Seat[] {
  const spec = plan.bodies[body]!;
  const seats: Seat[] = [];
  if (spec.quorumUsesPartners)
    plan.partners.forEach((partner) => seats.push({ body, kind: 'partner', partner }));
  if (spec.bodyType === 'partnership')
    seats.push(
      { body, kind: 'scrutineer' },
      { body, kind: 'lay' },
      { body, kind: 'support' },
      { body, kind: 'observer' },
    );
  else if (spec.bodyType !== 'other_board') seats.push({ body, kind: 'support' });
  while (seats.length < count)
    seats.push({ body, kind: seats.length % 9 === 8 ? 'co_opted' : 'relevant' });
  return seats.slice(0, Math.max(count, spec.quorumUsesPartners ? 4 : 1));
}

/** Seats per body, scaled down when the shape has fewer memberships than seats. */
function seatCounts(plan: Plan, random: Random) {
  const natural = plan.bodies.map((body, index) =>
    index === 0 ? 32 : body.bodyType === 'executive' ? 15 : random.int(10, 25),
  );
  const total = natural.reduce((sum, seats) => sum + seats, 0);
  const scale = Math.min(1, (plan.shape.memberships * 0.9) / total);
  const counts = natural.map((seats) => Math.max(5, Math.round(seats * scale)));
  while (counts.reduce((sum, seats) => sum + seats, 0) > plan.shape.memberships) {
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest]! -= 1;
  }
  return counts;
}

const STATUS_OF: Record<Seat['kind'], { status: string; decides: boolean }> = {
  partner: { status: 'safeguarding_partner', decides: true },
  relevant: { status: 'relevant_partner', decides: true },
  scrutineer: { status: 'independent_scrutineer', decides: false },
  lay: { status: 'lay_member', decides: false },
  support: { status: 'business_support', decides: false },
  observer: { status: 'participant_observer', decides: false },
  co_opted: { status: 'co_opted', decides: false },
};

function induction(random: Random): Induction {
  return random.weighted([
    ['complete', 80],
    ['partial', 12],
    ['not_started', 8],
  ]);
}

function planMemberships(plan: Plan, random: Random, closedAgencies: Set<number>) {
  const { timeline } = plan;
  const counts = seatCounts(plan, random);
  const seats = plan.bodies.flatMap((_, body) => seatsOf(plan, body, counts[body]!));
  const lifetime = (seat: Seat) => {
    const body = plan.bodies[seat.body]!;
    return (body.closesOn ?? timeline.asOf) - body.opensOn;
  };
  const extra = apportion(plan.shape.memberships - seats.length, seats.map(lifetime));
  const pools = new Map<number, number[]>();
  const pool = (agency: number) => {
    let found = pools.get(agency);
    if (!found) pools.set(agency, (found = peopleOf(plan, agency)));
    return found;
  };
  const relevant = plan.agencies.flatMap((agency, index) =>
    agency.isRelevantAgency && !closedAgencies.has(index) && pool(index).length > 0 ? [index] : [],
  );
  const agencyOf = (seat: Seat) =>
    seat.kind === 'partner'
      ? seat.partner!
      : seat.kind === 'support'
        ? plan.businessUnit
        : seat.kind === 'scrutineer' || seat.kind === 'lay'
          ? plan.independent
          : seat.kind === 'observer'
            ? plan.partners[0]!
            : relevant.length > 0
              ? random.pick(relevant)
              : plan.partners[random.int(0, 3)]!;
  plan.memberships = [];
  seats.forEach((seat, seatIndex) => {
    const body = plan.bodies[seat.body]!;
    const end = body.closesOn ?? timeline.asOf;
    const tenures = Math.min(1 + extra[seatIndex]!, Math.max(1, end - body.opensOn));
    const cuts = new Set<number>();
    while (cuts.size < tenures - 1) cuts.add(random.int(body.opensOn + 1, end));
    const starts = [body.opensOn, ...[...cuts].sort((x, y) => x - y)];
    let previous = -1;
    starts.forEach((startsOn, tenure) => {
      const agency = agencyOf(seat);
      const candidates = pool(agency);
      let person = random.pick(candidates);
      if (person === previous && candidates.length > 1) person = random.pick(candidates);
      previous = person;
      const endsOn = tenure + 1 < starts.length ? starts[tenure + 1]! - 1 : body.closesOn;
      const { status, decides } = STATUS_OF[seat.kind];
      const createdDay = Math.max(
        Math.floor(body.createdMs / DAY_MS) + 1,
        startsOn - random.int(0, 10),
      );
      plan.memberships.push({
        id: random.uuid(),
        body: seat.body,
        person,
        status,
        agency,
        decisionMaking: decides,
        startsOn,
        endsOn,
        induction: induction(random),
        createdMs: timeline.at(createdDay, 9 * 60 + random.int(0, 480)),
        deputies: [],
      });
    });
  });
}

/** Section 11's delegated authority: most partners' seats on the top bodies have a deputy. */
function planDeputies(plan: Plan, random: Random) {
  plan.deputies = [];
  plan.memberships.forEach((seat, index) => {
    const top = plan.bodies[seat.body]!.bodyType;
    const likely =
      seat.status === 'safeguarding_partner' && (top === 'partnership' || top === 'executive')
        ? 0.6
        : 0.03;
    if (!random.chance(likely)) return;
    const colleagues = peopleOf(plan, seat.agency).filter((person) => person !== seat.person);
    if (colleagues.length === 0) return;
    const deputy: DeputyPlan = {
      id: random.uuid(),
      membership: index,
      person: random.pick(colleagues),
      startsOn: seat.startsOn,
      endsOn: seat.endsOn,
      createdMs: seat.createdMs + random.int(5, 60) * MINUTE,
    };
    seat.deputies.push(plan.deputies.length);
    plan.deputies.push(deputy);
  });
}

/** Chairs and vice-chairs from the members who hold a deciding seat at the end. */
function planOfficers(plan: Plan, random: Random) {
  const { timeline } = plan;
  const unitPeople = plan.accounts.slice(0, 2).map((account) => account.person);
  plan.bodies.forEach((body, index) => {
    const last = body.closesOn ?? timeline.asOf;
    const current = plan.memberships.filter(
      (seat) =>
        seat.body === index &&
        seat.decisionMaking &&
        seat.startsOn <= last &&
        (seat.endsOn === null || seat.endsOn >= last),
    );
    const officer = (seat: MembershipPlan | undefined, reviewed: boolean) =>
      seat ? { person: seat.person, appointedOn: seat.startsOn, reviewed } : null;
    const chairSeat = random.pick(current.length > 0 ? current : [undefined]);
    body.chair = officer(chairSeat, index !== 0);
    const others = current.filter((seat) => seat !== chairSeat);
    body.viceChair =
      others.length > 0 && random.chance(0.5) ? officer(random.pick(others), true) : null;
    if (body.bodyType !== 'other_board' && body.bodyType !== 'reference_group')
      body.businessOfficer = random.pick(unitPeople);
  });
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

/** The registry's audit events, each when its record was created or changed. */
function auditRegistry(plan: Plan) {
  const audit: AuditLog = plan.audit;
  const admin = 0;
  plan.accounts.forEach((account, index) =>
    audit.add(account.createdMs, index, ACCOUNT_CREATED, index),
  );
  plan.agencies.forEach((agency, index) => {
    audit.add(agency.createdMs, admin, AGENCY_CREATED, index);
    if (agency.closedMs !== null) audit.add(agency.closedMs, admin, AGENCY_CLOSED, index);
  });
  plan.people.forEach((person, index) => audit.add(person.createdMs, admin, PERSON_CREATED, index));
  plan.bodies.forEach((body, index) => {
    audit.add(body.createdMs, admin, BODY_CREATED, index);
    if (!body.quorumUsesPartners) audit.add(body.createdMs + 30_000, admin, BODY_QUORUM, index);
    body.standingItems.forEach((_, item) =>
      audit.add(body.createdMs + 60_000 + item * 1000, admin, STANDING_ITEM_ADDED, index, item),
    );
    if (body.closedMs !== null) audit.add(body.closedMs, admin, BODY_CLOSED, index);
  });
  plan.memberships.forEach((seat, index) => {
    audit.add(seat.createdMs, admin, MEMBERSHIP_CREATED, index);
    const body = plan.bodies[seat.body]!;
    if (seat.endsOn !== null && seat.endsOn !== body.closesOn)
      audit.add(plan.timeline.at(seat.endsOn, 16 * 60) + index, admin, MEMBERSHIP_ENDED, index);
    else if (seat.endsOn !== null)
      audit.add(body.closedMs!, admin, MEMBERSHIP_ENDED, index, 0, true);
  });
  plan.deputies.forEach((deputy, index) => {
    audit.add(deputy.createdMs, admin, DEPUTY_CREATED, index);
    audit.add(deputy.createdMs, admin, DEPUTY_ADDED, index, 0, true);
  });
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
