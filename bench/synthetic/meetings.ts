/**
 * Meetings of the bodies over the years, as the meetings services would have recorded them,
 * taken in date order: each agenda starts with the approval of the last minutes and the
 * body's standing items, carries the decisions waiting for this body to ratify them, then
 * the items added; past meetings have every member's attendance on the day, decisions
 * (recommendations when not quorate), minutes circulated and approved at the next meeting.
 */
import { quorum } from '../../src/modules/governance/quorum.js';
import { ukDate } from '../../src/platform/dates.js';
import { auditKind } from './audit-log.js';
import type {
  AgendaItemPlan,
  AttendancePlan,
  DecisionPlan,
  MeetingPlan,
  PartnershipPlan,
} from './plan.js';
import { apportion, Random } from './random.js';
import { iso, isoOf, type Day } from './timeline.js';
import {
  AGENDA_ITEMS,
  DECISIONS,
  FIRST_NAMES,
  GUEST_ROLES,
  MEETING_CANCEL_REASONS,
  MINUTE_SENTENCES,
  PRESENTERS,
  SURNAMES,
} from './words.js';

type Plan = PartnershipPlan;
const MINUTE = 60_000;
const DAY_MS = 86_400_000;
const PER_YEAR: Record<string, number> = { monthly: 12, bi_monthly: 6, quarterly: 4, custom: 2 };
/** Meetings are scheduled this far ahead of the as-of date. */
const HORIZON_DAYS = 90;

// --- audit events, as the meetings services write them

const meetingOf = (plan: Plan, index: number) => plan.meetings[index]!;

const SCHEDULED = auditKind((plan, a) => {
  const meeting = meetingOf(plan, a);
  return {
    action: 'meeting.scheduled',
    entityType: 'meeting',
    entityId: meeting.id,
    after: {
      bodyId: plan.bodies[meeting.body]!.id,
      startsAt: iso(meeting.startsMs),
      endsAt: iso(meeting.endsMs),
      location: meeting.location,
      carriedItems: plan.agendaItems
        .slice(...meeting.items)
        .filter((item) => item.origin === 'minutes_approval' || item.origin === 'ratification')
        .length,
    },
  };
});
const ITEM_ADDED = auditKind((plan, a) => {
  const item = plan.agendaItems[a]!;
  return {
    action: item.origin === 'proposed' ? 'agenda_item.proposed' : 'agenda_item.added',
    entityType: 'agenda_item',
    entityId: item.id,
    after: {
      meetingId: meetingOf(plan, item.meeting).id,
      title: item.title,
      purpose: item.purpose,
    },
  };
});
const PUBLISHED = auditKind((plan, a) => {
  const meeting = meetingOf(plan, a);
  return {
    action: 'meeting.agenda_published',
    entityType: 'meeting',
    entityId: meeting.id,
    before: { agendaPublishedAt: null },
    after: {
      agendaPublishedAt: iso(meeting.agendaPublishedMs!),
      items: meeting.items[1] - meeting.items[0],
      recipients: meeting.attendance[1] - meeting.attendance[0],
    },
  };
});
const CANCELLED = auditKind((plan, a) => ({
  action: 'meeting.cancelled',
  entityType: 'meeting',
  entityId: meetingOf(plan, a).id,
  before: { status: 'scheduled' },
  after: { status: 'cancelled', reason: meetingOf(plan, a).cancelReason },
}));
const ATTENDANCE = auditKind((plan, a) => {
  const meeting = meetingOf(plan, a);
  const after: Record<string, string> = {};
  for (const row of plan.attendance.slice(...meeting.attendance)) {
    if (row.membership === null) continue;
    const person = plan.people[plan.memberships[row.membership]!.person]!;
    after[person.fullName] =
      row.status === 'deputy'
        ? `represented by ${plan.people[plan.deputies[row.deputy!]!.person]!.fullName}`
        : row.status;
  }
  return {
    action: 'meeting.attendance_recorded',
    entityType: 'meeting',
    entityId: meeting.id,
    after,
  };
});
const GUEST = auditKind((plan, a) => {
  const row = plan.attendance[a]!;
  return {
    action: 'meeting.guest_added',
    entityType: 'meeting',
    entityId: meetingOf(plan, row.meeting).id,
    after: { guestName: row.guestName, guestRole: row.guestRole },
  };
});
const DECIDED = auditKind((plan, a) => {
  const decision = plan.decisions[a]!;
  if (decision.ratifiesDecision !== null) {
    const waiting = plan.decisions[decision.ratifiesDecision]!;
    return {
      action: `meeting.ratification_${decision.ratificationOutcome}`,
      entityType: 'meeting',
      entityId: meetingOf(plan, decision.meeting).id,
      after: {
        decision: waiting.text,
        decidedBy: plan.bodies[meetingOf(plan, waiting.meeting).body]!.name,
        note: decision.ratificationOutcome === 'ratified' ? null : decision.text,
        ratifyingBody: null,
      },
    };
  }
  return {
    action: `meeting.${decision.kind}_recorded`,
    entityType: 'meeting',
    entityId: meetingOf(plan, decision.meeting).id,
    after: {
      item: plan.agendaItems[decision.item]!.title,
      text: decision.text,
      quorate: decision.quorate,
      ratifyingBody:
        decision.ratifyingBody === null ? null : plan.bodies[decision.ratifyingBody]!.name,
    },
  };
});
const MINUTED = auditKind((plan, a) => ({
  action: 'agenda_item.minuted',
  entityType: 'agenda_item',
  entityId: plan.agendaItems[a]!.id,
  before: { minutes: '' },
  after: { minutes: plan.agendaItems[a]!.minutes },
}));
const CIRCULATED = auditKind((plan, a) => ({
  action: 'meeting.minutes_circulated',
  entityType: 'meeting',
  entityId: meetingOf(plan, a).id,
  after: {
    recipients: meetingOf(plan, a).attendance[1] - meetingOf(plan, a).attendance[0],
    corrected: false,
  },
}));
const APPROVED = auditKind((plan, a) => {
  const meeting = meetingOf(plan, a);
  return {
    action: 'meeting.minutes_approved',
    entityType: 'meeting',
    entityId: meeting.id,
    before: { minutesStatus: 'circulated' },
    after: {
      minutesStatus: 'approved',
      approvedAt: iso(meeting.minutesApprovedMs!),
      approvedAtMeetingId: meetingOf(plan, meeting.minutesApprovedAtMeeting!).id,
    },
  };
});

// --- dates

/** Each body's meetings spread evenly over its life, on working days, up to the horizon. */
function meetingDays(plan: Plan, random: Random): { body: number; day: Day }[] {
  const { timeline } = plan;
  const lastDay = (body: Plan['bodies'][number]) => body.closesOn ?? timeline.asOf + HORIZON_DAYS;
  const weights = plan.bodies.map(
    (body) => (PER_YEAR[body.cadence] ?? 4) * (lastDay(body) - body.opensOn),
  );
  // The partnership body meets at least twice, whatever the shape: its page is measured.
  const least = Math.min(2, plan.shape.meetings);
  const counts = apportion(plan.shape.meetings - least, weights);
  counts[0]! += least;
  const days: { body: number; day: Day }[] = [];
  plan.bodies.forEach((body, index) => {
    const count = counts[index]!;
    const first = Math.max(body.opensOn, Math.floor(body.createdMs / DAY_MS) + 1);
    const spacing = (lastDay(body) - first) / Math.max(1, count);
    let previous = -Infinity;
    for (let n = 0; n < count; n += 1) {
      const planned = first + spacing * (n + 0.5) + random.float() * (spacing / 4) - spacing / 8;
      let day = timeline.workingOnOrAfter(Math.max(Math.round(planned), first));
      if (day <= previous) day = timeline.addWorkingDays(previous, 1);
      previous = day;
      days.push({ body: index, day });
    }
  });
  return days;
}

// --- one meeting at a time, in date order

interface BodyState {
  /** The last held meeting whose minutes are not yet on an agenda for approval. */
  toApprove: number | null;
  /** Decisions waiting for this body to ratify them. */
  waiting: number[];
  /** Indexes of the body's memberships. */
  members: number[];
}

class MeetingPlanner {
  private readonly random: Random;
  private readonly state: BodyState[];
  private readonly now: number;

  constructor(
    private readonly plan: Plan,
    seed: number,
  ) {
    this.random = Random.of(seed, plan.shape.name, plan.index, 'meetings');
    this.now = plan.timeline.at(plan.timeline.asOf, 0);
    this.state = plan.bodies.map(() => ({
      toApprove: null,
      waiting: [],
      members: [],
    }));
    plan.memberships.forEach((seat, index) => this.state[seat.body]!.members.push(index));
  }

  run() {
    const { plan, random } = this;
    const slots = meetingDays(plan, random);
    const timed = slots.map(({ body, day }) => ({
      body,
      day,
      startsMs: plan.timeline.at(day, plan.bodies[body]!.startMinutes),
    }));
    timed.sort((x, y) => x.startsMs - y.startsMs || x.body - y.body);
    plan.meetings = [];
    plan.agendaItems = [];
    plan.attendance = [];
    plan.decisions = [];
    timed.forEach((slot) => this.meeting(slot.body, slot.day, slot.startsMs));
  }

  private meeting(body: number, day: Day, startsMs: number) {
    const { plan, random } = this;
    const spec = plan.bodies[body]!;
    const index = plan.meetings.length;
    const past = day < plan.timeline.asOf;
    const scheduledDay = Math.max(
      Math.floor(spec.createdMs / DAY_MS) + 1,
      Math.min(day - random.int(20, 60), plan.timeline.asOf - random.int(1, 10)),
    );
    const createdMs = plan.timeline.at(scheduledDay, 9 * 60 + random.int(0, 420));
    // The partnership body's meetings go ahead: the bench needs its latest to have happened.
    const cancelled = body !== 0 && random.chance(past ? 0.03 : 0.02);
    const meeting: MeetingPlan = {
      id: random.uuid(),
      body,
      day,
      startsMs,
      endsMs: startsMs + (body === 0 ? 150 : 120) * MINUTE,
      location: spec.location,
      createdMs,
      cancelReason: cancelled ? random.pick(MEETING_CANCEL_REASONS) : null,
      cancelledMs: null,
      agendaPublishedMs: null,
      minutesStatus: 'draft',
      minutesCirculatedMs: null,
      minutesApprovedMs: null,
      minutesApprovedAtMeeting: null,
      items: [0, 0],
      attendance: [0, 0],
      quorate: false,
      held: past && !cancelled,
      version: 1,
    };
    plan.meetings.push(meeting);
    plan.audit.add(createdMs, this.businessUnit(), SCHEDULED, index);
    this.agenda(meeting, index);
    if (cancelled) {
      const latest = Math.min(startsMs - DAY_MS, this.now - DAY_MS);
      meeting.cancelledMs = Math.max(createdMs + MINUTE, latest - random.int(0, 9) * DAY_MS);
      meeting.version += 1;
      plan.audit.add(meeting.cancelledMs, this.businessUnit(), CANCELLED, index);
      return;
    }
    const publishMs = plan.timeline.at(plan.timeline.addWorkingDays(day, -5), 16 * 60);
    if (publishMs < this.now && publishMs > createdMs) {
      meeting.agendaPublishedMs = publishMs;
      meeting.version += 1;
    }
    if (meeting.held) this.attend(meeting, index);
    else meeting.attendance = [plan.attendance.length, plan.attendance.length];
    if (meeting.agendaPublishedMs !== null)
      plan.audit.add(meeting.agendaPublishedMs, this.businessUnit(), PUBLISHED, index);
    if (!meeting.held) return;
    this.approveEarlierMinutes(meeting, index);
    this.decide(meeting, index);
    this.minute(meeting, index);
  }

  private businessUnit() {
    return this.random.int(0, 1);
  }

  private agenda(meeting: MeetingPlan, index: number) {
    const { plan, random } = this;
    const spec = plan.bodies[meeting.body]!;
    const state = this.state[meeting.body]!;
    const first = plan.agendaItems.length;
    const item = (values: Partial<AgendaItemPlan> & Pick<AgendaItemPlan, 'title' | 'origin'>) =>
      plan.agendaItems.push({
        id: random.uuid(),
        meeting: index,
        position: 0,
        presenter: '',
        durationMinutes: null,
        purpose: 'discussion',
        proposedBy: null,
        ratifiesDecision: null,
        approvesMinutesOf: null,
        minutes: '',
        createdMs: meeting.createdMs,
        minutedMs: null,
        ...values,
      }) - 1;
    if (meeting.cancelReason === null && state.toApprove !== null) {
      item({
        title: `Minutes of the meeting of ${ukDate(new Date(plan.meetings[state.toApprove]!.startsMs))}`,
        origin: 'minutes_approval',
        purpose: 'decision',
        approvesMinutesOf: state.toApprove,
      });
      state.toApprove = null;
    }
    spec.standingItems.forEach((standing, position) =>
      item({
        position: position + 1,
        title: standing.title,
        presenter: standing.presenter,
        durationMinutes: standing.durationMinutes,
        origin: 'standing',
      }),
    );
    let position = spec.standingItems.length;
    for (const waiting of state.waiting)
      item({
        position: (position += 1),
        title: `For ratification: ${plan.decisions[waiting]!.text}`,
        origin: 'ratification',
        purpose: 'ratification',
        ratifiesDecision: waiting,
      });
    const extra = random.int(1, 4);
    for (let n = 0; n < extra; n += 1) {
      const proposed = random.chance(0.1);
      const addedMs = meeting.createdMs + random.int(1, 14 * 24 * 60) * MINUTE;
      const added = item({
        position: (position += 1),
        title: random.pick(AGENDA_ITEMS),
        presenter: random.pick(PRESENTERS),
        durationMinutes: random.chance(0.8) ? random.pick([10, 15, 20, 30, 40]) : null,
        // The Partnership decides something at every meeting: its meeting page shows one.
        purpose:
          meeting.body === 0 && n === 0
            ? 'decision'
            : random.weighted([
                ['decision', 35],
                ['discussion', 35],
                ['information', 30],
              ]),
        origin: proposed ? 'proposed' : 'added',
        proposedBy: proposed ? random.int(0, plan.accounts.length - 1) : null,
        createdMs: Math.min(addedMs, meeting.startsMs - DAY_MS, this.now - MINUTE),
      });
      const { createdMs, proposedBy } = plan.agendaItems[added]!;
      plan.audit.add(createdMs, proposedBy ?? this.businessUnit(), ITEM_ADDED, added);
    }
    meeting.items = [first, plan.agendaItems.length];
  }

  private attend(meeting: MeetingPlan, index: number) {
    const { plan, random } = this;
    const first = plan.attendance.length;
    const present: Parameters<typeof quorum>[1]['present'] = [];
    for (const membership of this.state[meeting.body]!.members) {
      const seat = plan.memberships[membership]!;
      if (seat.startsOn > meeting.day || (seat.endsOn !== null && seat.endsOn < meeting.day))
        continue;
      const deputy = seat.deputies.find((at) => {
        const delegation = plan.deputies[at]!;
        return delegation.startsOn <= meeting.day && (delegation.endsOn ?? Infinity) >= meeting.day;
      });
      const presentWeight = seat.status === 'safeguarding_partner' ? 90 : 78;
      const status = random.weighted([
        ['present', presentWeight],
        ['apologies', 12],
        ['absent', 4],
        ['deputy', deputy === undefined ? 0 : 8],
      ]);
      const agencyId = plan.agencies[seat.agency]!.id;
      if (status === 'present')
        present.push({ kind: 'member', agencyId, decisionMaking: seat.decisionMaking });
      if (status === 'deputy') {
        const delegation = plan.deputies[deputy!]!;
        present.push({
          kind: 'deputy',
          agencyId,
          delegation: {
            startsOn: isoOf(delegation.startsOn),
            endsOn: delegation.endsOn === null ? null : isoOf(delegation.endsOn),
          },
        });
      }
      plan.attendance.push(this.attendance(index, membership, status, deputy));
    }
    meeting.attendance = [first, plan.attendance.length];
    const spec = plan.bodies[meeting.body]!;
    meeting.quorate = quorum(
      {
        requiredAgencies: spec.quorumUsesPartners
          ? plan.partners.map((partner) => ({
              id: plan.agencies[partner]!.id,
              name: plan.agencies[partner]!.name,
            }))
          : [],
        minimumHeadCount: spec.minimumHeadCount,
      },
      { date: isoOf(meeting.day), present },
    ).quorate;
    const recordedMs = meeting.endsMs + random.int(10, 120) * MINUTE;
    plan.audit.add(recordedMs, this.businessUnit(), ATTENDANCE, index);
    if (random.chance(0.08)) {
      const guest = this.attendance(index, null, 'present', undefined);
      guest.guestName = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
      guest.guestRole = random.pick(GUEST_ROLES);
      plan.attendance.push(guest);
      meeting.attendance[1] += 1;
      plan.audit.add(recordedMs + 1000, this.businessUnit(), GUEST, plan.attendance.length - 1);
    }
  }

  private attendance(
    meeting: number,
    membership: number | null,
    status: string,
    deputy: number | undefined,
  ): AttendancePlan {
    return {
      id: this.random.uuid(),
      meeting,
      membership,
      status,
      deputy: status === 'deputy' ? deputy! : null,
      guestName: null,
      guestRole: null,
    };
  }

  private decide(meeting: MeetingPlan, index: number) {
    const { plan, random } = this;
    const spec = plan.bodies[meeting.body]!;
    const parent = spec.reportsTo === null ? null : plan.bodies[spec.reportsTo]!;
    const parentOpen = parent !== null && (parent.closesOn ?? Infinity) > meeting.day;
    const state = this.state[meeting.body]!;
    let at = meeting.endsMs + random.int(5, 60) * MINUTE;
    const record = (
      decision: Omit<DecisionPlan, 'id' | 'meeting' | 'recordedBy' | 'createdMs'>,
    ) => {
      at += random.int(1, 10) * MINUTE;
      const recordedBy = this.businessUnit();
      plan.decisions.push({
        id: random.uuid(),
        meeting: index,
        recordedBy,
        createdMs: at,
        ...decision,
      });
      plan.audit.add(at, recordedBy, DECIDED, plan.decisions.length - 1);
      return plan.decisions.length - 1;
    };
    for (let item = meeting.items[0]; item < meeting.items[1]; item += 1) {
      const agendaItem = plan.agendaItems[item]!;
      if (agendaItem.origin === 'ratification' && meeting.quorate) {
        const ratified = random.chance(0.9);
        const waiting = agendaItem.ratifiesDecision!;
        record({
          item,
          text: ratified
            ? plan.decisions[waiting]!.text
            : 'Not ratified: the wording needs the partners’ legal advice first.',
          kind: 'decision',
          needsRatification: false,
          ratifyingBody: null,
          ratifiesDecision: waiting,
          ratificationOutcome: ratified ? 'ratified' : 'not_ratified',
          quorate: true,
        });
        state.waiting = state.waiting.filter((decision) => decision !== waiting);
      }
      if (agendaItem.purpose !== 'decision' || agendaItem.origin === 'minutes_approval') continue;
      if (!random.chance(0.7) && meeting.body !== 0) continue;
      const upwards = parentOpen && random.chance(0.15);
      const decision = record({
        item,
        text: random.pick(DECISIONS),
        kind: meeting.quorate ? 'decision' : 'recommendation',
        needsRatification: upwards,
        ratifyingBody: upwards ? spec.reportsTo : null,
        ratifiesDecision: null,
        ratificationOutcome: null,
        quorate: meeting.quorate,
      });
      if (upwards) this.state[spec.reportsTo!]!.waiting.push(decision);
    }
  }

  /** Minutes a few days later, circulated, then approved at the body's next held meeting. */
  private minute(meeting: MeetingPlan, index: number) {
    const { plan, random } = this;
    const writtenMs = meeting.endsMs + random.int(1, 5) * DAY_MS;
    if (writtenMs >= this.now) {
      this.state[meeting.body]!.toApprove = index;
      return;
    }
    const writer = this.businessUnit();
    for (let item = meeting.items[0]; item < meeting.items[1]; item += 1) {
      const agendaItem = plan.agendaItems[item]!;
      agendaItem.minutes = random.chance(0.3)
        ? `${random.pick(MINUTE_SENTENCES)} ${random.pick(MINUTE_SENTENCES)}`
        : random.pick(MINUTE_SENTENCES);
      agendaItem.minutedMs = writtenMs + (item - meeting.items[0]) * 1000;
      plan.audit.add(agendaItem.minutedMs, writer, MINUTED, item, 0, item > meeting.items[0]);
    }
    const circulatedMs = writtenMs + random.int(1, 3) * DAY_MS;
    if (circulatedMs < this.now) {
      meeting.minutesStatus = 'circulated';
      meeting.minutesCirculatedMs = circulatedMs;
      meeting.version += 1;
      plan.audit.add(circulatedMs, writer, CIRCULATED, index);
    }
    this.state[meeting.body]!.toApprove = index;
  }

  /** A quorate meeting approves the circulated minutes its agenda lists (section 21). */
  private approveEarlierMinutes(meeting: MeetingPlan, index: number) {
    if (!meeting.quorate) return;
    for (let item = meeting.items[0]; item < meeting.items[1]; item += 1) {
      const earlier = this.plan.agendaItems[item]!.approvesMinutesOf;
      if (earlier === null) continue;
      const approved = this.plan.meetings[earlier]!;
      if (
        approved.minutesStatus !== 'circulated' ||
        approved.minutesCirculatedMs! > meeting.startsMs
      )
        continue;
      approved.minutesStatus = 'approved';
      approved.minutesApprovedMs = meeting.endsMs - 10 * MINUTE;
      approved.minutesApprovedAtMeeting = index;
      approved.version += 1;
      this.plan.audit.add(approved.minutesApprovedMs, this.businessUnit(), APPROVED, earlier);
    }
  }
}

/** Meetings, agendas, attendance, decisions and minutes of one partnership. */
export function planMeetings(plan: Plan, seed: number) {
  new MeetingPlanner(plan, seed).run();
}
