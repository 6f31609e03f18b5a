/**
 * The bodies of a synthetic partnership: the partnership body at the root of a reporting
 * tree, its chairs' forum, the boards it reports to, sub-groups, priority and reference
 * groups, and time-limited task and finish groups; their standing items and officers.
 */
import { auditKind } from './audit-log.js';
import type { BodyPlan, MembershipPlan, PartnershipPlan } from './plan.js';
import type { Random } from './random.js';
import { isoOf, type Day } from './timeline.js';
import { BODY_TOPICS, LOCATIONS, placeName, STANDING_ITEMS } from './words.js';

type Plan = PartnershipPlan;
const DAY_MS = 86_400_000;
const isoDay = (day: Day | null) => (day === null ? null : isoOf(day));

// --- audit events, as the governance services write them

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

export function planBodies(plan: Plan, random: Random, area: string) {
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
      seats: spec.seats,
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

/** Chairs and vice-chairs from the members who hold a deciding seat at the end. */
export function planOfficers(plan: Plan, random: Random) {
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

/** The bodies' audit events: created, quorum rule set, standing items added, closed. */
export function auditBodies(plan: Plan) {
  const admin = 0;
  plan.bodies.forEach((body, index) => {
    plan.audit.add(body.createdMs, admin, BODY_CREATED, index);
    if (!body.quorumUsesPartners)
      plan.audit.add(body.createdMs + 30_000, admin, BODY_QUORUM, index);
    body.standingItems.forEach((_, item) =>
      plan.audit.add(
        body.createdMs + 60_000 + item * 1000,
        admin,
        STANDING_ITEM_ADDED,
        index,
        item,
      ),
    );
    if (body.closedMs !== null) plan.audit.add(body.closedMs, admin, BODY_CLOSED, index);
  });
}
