/**
 * One synthetic partnership planned whole: its registry, meetings, case reviews, actions,
 * the people who left, and an audit trail of exactly the shape's size: its records' own
 * events, then sign-ins and case views by its accounts up to the count.
 */
import { planActions } from './actions.js';
import { AuditLog, auditKind } from './audit-log.js';
import { ActionUpdates } from './action-updates.js';
import { planMeetings } from './meetings.js';
import type { PartnershipPlan } from './plan.js';
import { Random } from './random.js';
import { planDepartures, planRegistry } from './registry.js';
import { planReviews } from './reviews.js';
import type { PartnershipShape } from './shapes.js';
import { Timeline } from './timeline.js';
import { placeName } from './words.js';

type Plan = PartnershipPlan;
const DAY_MS = 86_400_000;

const CREATED = auditKind((plan) => ({
  action: 'partnership.created',
  entityType: 'partnership',
  entityId: plan.id,
  after: { name: plan.name, slug: plan.slug },
}));
const SIGNED_IN = auditKind((plan, a) => ({
  action: 'account.signed_in',
  entityType: 'account',
  entityId: plan.accounts[a]!.id,
}));
const VIEWED = auditKind((plan, a) => ({
  action: 'viewed',
  entityType: 'review_case',
  entityId: plan.cases[a]!.id,
}));

export const slugOf = (shape: PartnershipShape, seed: number, index: number) =>
  `synthetic-${shape.name}-${seed}-${String(index + 1).padStart(4, '0')}`;

/** What the bench's pages need from a partnership. */
export interface Showcase {
  partnershipId: string;
  partnershipBodyId: string;
  busyMeetingId: string;
  caseId: string;
}

/** A moment in working hours on a working day between two moments. */
function workingMoment(plan: Plan, random: Random, fromMs: number, toMs: number) {
  const { timeline } = plan;
  const first = Math.floor(fromMs / DAY_MS) + 1;
  const last = Math.floor(toMs / DAY_MS) - 1;
  if (last < first) return null;
  const day = timeline.workingOnOrAfter(random.int(first, last));
  return day > last ? null : timeline.at(day, 8 * 60 + random.int(0, 600));
}

/** Sign-ins (four in five) and case views by their teams, up to the shape's count. */
function fillAuditTrail(plan: Plan, random: Random) {
  const wanted = plan.shape.auditEvents;
  if (plan.audit.count > wanted)
    throw new Error(
      `The shape "${plan.shape.name}" asks for ${wanted} audit events, fewer than the ${plan.audit.count} its records need`,
    );
  const now = plan.timeline.at(plan.timeline.asOf, 0);
  const viewable = plan.cases.flatMap((review, index) => (review.team.length > 0 ? [index] : []));
  while (plan.audit.count < wanted) {
    if (viewable.length > 0 && random.chance(0.2)) {
      const index = random.pick(viewable);
      const member = random.pick(plan.cases[index]!.team);
      const ms = workingMoment(plan, random, member.ms, member.removedMs ?? now);
      if (ms !== null) plan.audit.add(ms, member.account, VIEWED, index);
      continue;
    }
    const account = random.int(0, plan.accounts.length - 1);
    const ms = workingMoment(plan, random, plan.accounts[account]!.createdMs, now);
    if (ms !== null) plan.audit.add(ms, account, SIGNED_IN, account);
  }
}

/** The latest held meeting of the partnership body: the bench's meeting page. */
function busyMeetingOf(plan: Plan) {
  const found = plan.meetings.findLastIndex((meeting) => meeting.body === 0 && meeting.held);
  if (found < 0) throw new Error('The partnership body has no past meeting');
  return found;
}

export function planPartnership(
  shape: PartnershipShape,
  seed: number,
  asOf: string,
  index: number,
): { plan: Plan; showcase: Showcase } {
  const timeline = new Timeline(asOf, shape.years);
  const random = Random.of(seed, shape.name, index, 'partnership');
  // 37 is coprime with the 200 place names: the first 200 partnerships have 200 areas.
  const area = placeName((seed + index * 37) % 200);
  const slug = slugOf(shape, seed, index);
  const plan = {
    index,
    id: random.uuid(),
    name: `${area} Safeguarding Children Partnership`,
    slug,
    domain: `${slug}.example`,
    shape,
    timeline,
    createdMs: timeline.at(timeline.start, 8 * 60),
    audit: new AuditLog(),
    actionUpdates: new ActionUpdates(0),
  } as Plan;
  plan.audit.add(plan.createdMs, null, CREATED);
  planRegistry(plan, seed, area);
  planMeetings(plan, seed);
  const showcaseCase = planReviews(plan, seed);
  const busyMeeting = busyMeetingOf(plan);
  const owing = planActions(plan, seed, busyMeeting);
  planDepartures(plan, seed, owing);
  fillAuditTrail(plan, Random.of(seed, shape.name, index, 'audit-filler'));
  return {
    plan,
    showcase: {
      partnershipId: plan.id,
      partnershipBodyId: plan.bodies[0]!.id,
      busyMeetingId: plan.meetings[busyMeeting]!.id,
      caseId: plan.cases[showcaseCase]?.id ?? '',
    },
  };
}
