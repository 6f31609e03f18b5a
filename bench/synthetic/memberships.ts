/**
 * Seats on the bodies over the years: every body has a fixed number of seats (10-40 in the
 * large shape) each held by a chain of members, one after another, so that on any day a
 * body has that many current members. The safeguarding partners hold a seat on every body
 * whose quorum needs them; most partners on the top bodies name a deputy (section 11).
 */
import { auditKind } from './audit-log.js';
import type { DeputyPlan, Induction, PartnershipPlan } from './plan.js';
import { apportion, type Random } from './random.js';
import { isoOf, type Day } from './timeline.js';

type Plan = PartnershipPlan;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const isoDay = (day: Day | null) => (day === null ? null : isoOf(day));

// --- audit events, as the governance services write them

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

export const peopleOf = (plan: Plan, agency: number) =>
  plan.people.flatMap((person, index) => (person.agency === agency ? [index] : []));

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
function seatCounts(plan: Plan) {
  const natural = plan.bodies.map((body) => body.seats);
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

export function planMemberships(plan: Plan, random: Random, closedAgencies: Set<number>) {
  const { timeline } = plan;
  const counts = seatCounts(plan);
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
export function planDeputies(plan: Plan, random: Random) {
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

/** The memberships' audit events: created, ended (with their body, when it closed), deputies. */
export function auditMemberships(plan: Plan) {
  const admin = 0;
  plan.memberships.forEach((seat, index) => {
    plan.audit.add(seat.createdMs, admin, MEMBERSHIP_CREATED, index);
    const body = plan.bodies[seat.body]!;
    if (seat.endsOn !== null && seat.endsOn !== body.closesOn)
      plan.audit.add(
        plan.timeline.at(seat.endsOn, 16 * 60) + index,
        admin,
        MEMBERSHIP_ENDED,
        index,
      );
    else if (seat.endsOn !== null)
      plan.audit.add(body.closedMs!, admin, MEMBERSHIP_ENDED, index, 0, true);
  });
  plan.deputies.forEach((deputy, index) => {
    plan.audit.add(deputy.createdMs, admin, DEPUTY_CREATED, index);
    plan.audit.add(deputy.createdMs, admin, DEPUTY_ADDED, index, 0, true);
  });
}
