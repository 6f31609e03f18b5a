/**
 * The action log: actions recorded on meeting items after each meeting, and on reviews'
 * recommendations after the final report. By the as-of date most are closed with evidence;
 * a few hundred (0.4%) are still open past their due date, mostly from the last year; those
 * due later are open or in progress. Updates walk each action through its statuses, with
 * notes in between, to the exact number the shape asks for.
 */
import { recommendationSource } from '../../src/modules/actions/action-records.service.js';
import { ActionUpdates, type UpdateStatus } from './action-updates.js';
import { auditKind } from './audit-log.js';
import type { ActionPlan, PartnershipPlan } from './plan.js';
import { apportion, Random } from './random.js';
import { isoOf } from './timeline.js';
import {
  ACTION_AUDIENCES,
  ACTION_OBJECTS,
  ACTION_VERBS,
  CANCEL_REASONS,
  CLOSING_EVIDENCE,
  UPDATE_NOTES,
} from './words.js';

type Plan = PartnershipPlan;
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY_MS = 86_400_000;
const OVERDUE_SHARE = 0.004;

const RECORDED = auditKind((plan, a) => {
  const action = plan.actions[a]!;
  const recommendation =
    action.recommendation === null ? null : plan.recommendations[action.recommendation]!;
  return {
    action: 'action.recorded',
    entityType: 'action',
    entityId: action.id,
    after: {
      title: action.title,
      ownerPersonId: plan.people[action.owner]!.id,
      dueOn: isoOf(action.dueOn),
      ...(recommendation
        ? {
            source: recommendationSource({
              caseReference: plan.cases[recommendation.case]!.reference,
              number: recommendation.number,
            }),
          }
        : {}),
    },
  };
});
const UPDATED = auditKind((plan, a) => {
  const updates = plan.actionUpdates;
  const action = plan.actions[updates.action[a]!]!;
  const after = updates.statusAfter(a);
  const last = after !== updates.statusBefore(a) && after === action.status;
  return {
    action: 'action.updated',
    entityType: 'action',
    entityId: action.id,
    before: { status: updates.statusBefore(a) },
    after: {
      status: after,
      note: UPDATE_NOTES[updates.note[a]!],
      ...(last && after === 'closed' ? { closingEvidence: action.closingEvidence } : {}),
      ...(last && after === 'cancelled' ? { cancelReason: action.cancelReason } : {}),
    },
  };
});

/** The status changes an action went through to reach its status, shortest or fuller. */
function pathTo(status: string, full: boolean): UpdateStatus[] {
  switch (status) {
    case 'in_progress':
      return ['in_progress'];
    case 'done':
      return full ? ['in_progress', 'done'] : ['done'];
    case 'closed':
      return full ? ['in_progress', 'done', 'closed'] : ['closed'];
    case 'cancelled':
      return full ? ['in_progress', 'cancelled'] : ['cancelled'];
    default:
      return [];
  }
}

interface Draft {
  action: ActionPlan;
  path: UpdateStatus[];
  notes: number;
  /** When its last status change happened (or the as-of date for one still outstanding). */
  endMs: number;
  /** The latest its updates may be: a closed case's actions were done before it closed. */
  latestMs: number;
}

class ActionPlanner {
  private readonly random: Random;
  private readonly now: number;
  private readonly drafts: Draft[] = [];

  constructor(
    private readonly plan: Plan,
    seed: number,
    private readonly busyMeeting: number,
  ) {
    this.random = Random.of(seed, plan.shape.name, plan.index, 'actions');
    this.now = plan.timeline.at(plan.timeline.asOf, 0);
  }

  /** Plans the actions and their updates; gives back the people who still owe an action. */
  run(): Set<number> {
    const { plan } = this;
    plan.actions = [];
    const fromReviews = this.recommendationActions();
    this.meetingActions(plan.shape.actions - fromReviews);
    this.chooseStatuses();
    this.fitUpdates();
    this.writeUpdates();
    const owing = new Set<number>();
    for (const action of plan.actions)
      if (action.status === 'open' || action.status === 'in_progress') owing.add(action.owner);
    return owing;
  }

  private title() {
    const { random } = this;
    return `${random.pick(ACTION_VERBS)} ${random.pick(ACTION_OBJECTS)} ${random.pick(ACTION_AUDIENCES)}`;
  }

  private add(
    values: Omit<
      ActionPlan,
      | 'id'
      | 'title'
      | 'status'
      | 'closingEvidence'
      | 'cancelReason'
      | 'reminderMs'
      | 'overdueReminderMs'
      | 'updates'
    >,
    latestMs: number,
  ) {
    const action: ActionPlan = {
      id: this.random.uuid(),
      title: this.title(),
      status: 'open',
      closingEvidence: null,
      cancelReason: null,
      reminderMs: null,
      overdueReminderMs: null,
      updates: 0,
      ...values,
    };
    this.plan.actions.push(action);
    this.drafts.push({ action, path: [], notes: 0, endMs: this.now - MINUTE, latestMs });
  }

  /** One to three actions per recommendation, at most half of the log. */
  private recommendationActions() {
    const { plan, random } = this;
    const wanted = plan.recommendations.map(() => random.int(1, 3));
    const counts = apportion(
      Math.min(
        Math.floor(plan.shape.actions / 2),
        wanted.reduce((sum, n) => sum + n, 0),
      ),
      wanted,
    );
    plan.recommendations.forEach((recommendation, index) => {
      const review = plan.cases[recommendation.case]!;
      const owners = plan.people.flatMap((person, at) =>
        recommendation.agencies.includes(person.agency) ? [at] : [],
      );
      for (let n = 0; n < counts[index]!; n += 1) {
        const createdMs = Math.min(
          recommendation.createdMs + random.int(1, 10) * DAY_MS,
          this.now - HOUR,
        );
        const createdDay = Math.floor(createdMs / DAY_MS);
        const closedDay =
          review.closedMs === null ? Infinity : Math.floor(review.closedMs / DAY_MS) - 5;
        const dueOn = plan.timeline.workingOnOrAfter(
          Math.max(createdDay, Math.min(createdDay + random.int(30, 365), closedDay)),
        );
        this.add(
          {
            item: null,
            recommendation: index,
            owner: owners.length > 0 ? random.pick(owners) : random.int(0, plan.people.length - 1),
            dueOn,
            createdBy: review.createdBy,
            createdMs,
          },
          review.closedMs ?? this.now,
        );
      }
    });
    return plan.actions.length;
  }

  /** Actions on the items of past meetings, in proportion to their agendas. */
  private meetingActions(count: number) {
    const { plan, random } = this;
    const held = plan.meetings.flatMap((meeting, index) => (meeting.held ? [index] : []));
    if (held.length === 0 && count > 0)
      throw new Error('The shape has no past meetings to record its actions on');
    const eligible = (meeting: number) => {
      const [first, end] = plan.meetings[meeting]!.items;
      const items: number[] = [];
      for (let item = first; item < end; item += 1) {
        const origin = plan.agendaItems[item]!.origin;
        if (origin !== 'minutes_approval' && origin !== 'ratification') items.push(item);
      }
      return items;
    };
    const counts = apportion(
      count,
      held.map((meeting) => eligible(meeting).length),
    );
    const busy = held.indexOf(this.busyMeeting);
    const largest = counts.indexOf(Math.max(...counts));
    if (busy >= 0 && largest !== busy && counts[busy]! < 3) {
      const moved = Math.min(3 - counts[busy]!, counts[largest]!);
      counts[largest]! -= moved;
      counts[busy]! += moved;
    }
    held.forEach((meetingIndex, at) => {
      const meeting = plan.meetings[meetingIndex]!;
      const items = eligible(meetingIndex);
      const owners = this.ownersAt(meetingIndex);
      for (let n = 0; n < counts[at]!; n += 1) {
        const createdMs = Math.min(
          meeting.endsMs + random.int(30, 3 * 24 * 60) * MINUTE,
          this.now - HOUR,
        );
        this.add(
          {
            item: random.pick(items),
            recommendation: null,
            owner: random.pick(owners),
            dueOn: plan.timeline.workingOnOrAfter(meeting.day + random.int(14, 180)),
            createdBy: random.int(0, 1),
            createdMs,
          },
          this.now,
        );
      }
    });
  }

  /** The members at the meeting, or anyone seated on its body. */
  private ownersAt(meeting: number) {
    const { plan } = this;
    const [first, end] = plan.meetings[meeting]!.attendance;
    const present: number[] = [];
    for (let row = first; row < end; row += 1) {
      const membership = plan.attendance[row]!.membership;
      if (membership !== null) present.push(plan.memberships[membership]!.person);
    }
    if (present.length > 0) return present;
    const body = plan.meetings[meeting]!.body;
    const seated = plan.memberships.filter((seat) => seat.body === body).map((seat) => seat.person);
    return seated.length > 0 ? seated : [0];
  }

  private chooseStatuses() {
    const { plan, random } = this;
    const asOf = plan.timeline.asOf;
    const pastDue = this.drafts.filter(
      (draft) => draft.action.dueOn < asOf && draft.latestMs === this.now,
    );
    const overdueCount = Math.min(
      pastDue.length,
      Math.max(pastDue.length > 0 ? 1 : 0, Math.round(plan.shape.actions * OVERDUE_SHARE)),
    );
    const recent = pastDue.filter((draft) => draft.action.dueOn >= asOf - 365);
    const older = pastDue.filter((draft) => draft.action.dueOn < asOf - 365);
    const overdue = new Set<Draft>();
    for (const pool of [recent, older])
      while (overdue.size < overdueCount && pool.length > 0)
        overdue.add(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
    for (const draft of this.drafts) {
      const { action } = draft;
      if (draft.latestMs < this.now) action.status = 'closed';
      else if (overdue.has(draft)) action.status = random.chance(0.4) ? 'open' : 'in_progress';
      else if (action.dueOn >= asOf)
        action.status = random.weighted([
          ['open', 45],
          ['in_progress', 40],
          ['done', 10],
          ['closed', 5],
        ]);
      else
        action.status = random.weighted([
          ['closed', 78],
          ['done', 12],
          ['cancelled', 10],
        ]);
      draft.path = pathTo(action.status, random.chance(0.7));
    }
  }

  /**
   * Makes the updates add up to the shape's count: shorter paths, then fewer finished
   * actions, when there are too many; notes in between, when there are too few.
   */
  private fitUpdates() {
    const { plan, random } = this;
    const wanted = plan.shape.actionUpdates;
    let total = this.drafts.reduce((sum, draft) => sum + draft.path.length, 0);
    for (const draft of this.drafts) {
      if (total <= wanted) break;
      const shorter = pathTo(draft.action.status, false);
      total -= draft.path.length - shorter.length;
      draft.path = shorter;
    }
    for (let index = this.drafts.length - 1; index >= 0 && total > wanted; index -= 1) {
      const draft = this.drafts[index]!;
      if (draft.path.length === 0 || draft.latestMs < this.now) continue;
      total -= draft.path.length;
      draft.path = [];
      draft.action.status = 'open';
    }
    if (total > wanted)
      throw new Error(
        `The shape's ${wanted} action updates are too few for its closed cases' actions`,
      );
    for (let left = wanted - total; left > 0 && this.drafts.length > 0; left -= 1)
      this.drafts[random.int(0, this.drafts.length - 1)]!.notes += 1;
  }

  private writeUpdates() {
    const { plan, random } = this;
    const updates = new ActionUpdates(plan.shape.actionUpdates);
    plan.actionUpdates = updates;
    this.drafts.forEach((draft, index) => {
      const { action } = draft;
      const finished = ['done', 'closed', 'cancelled'].includes(action.status);
      const dueMs = plan.timeline.at(action.dueOn, 12 * 60);
      const count = draft.path.length + draft.notes;
      const startMs = action.createdMs + HOUR;
      if (finished)
        draft.endMs = Math.max(
          startMs + count * MINUTE,
          Math.min(dueMs + random.int(-60, 30) * DAY_MS, draft.latestMs - HOUR, this.now - MINUTE),
        );
      const times = Array.from({ length: count }, () =>
        this.workingMoment(startMs, draft.endMs),
      ).sort((x, y) => x - y);
      if (finished && count > 0) times[count - 1] = draft.endMs;
      const owner = plan.people[action.owner]!;
      let status: UpdateStatus = 'open';
      let n = 0;
      const write = (next: UpdateStatus) => {
        const writer = owner.account ?? random.int(0, 1);
        const note = random.int(0, UPDATE_NOTES.length - 1);
        const at = updates.add(index, times[n]!, status, next, note, writer);
        plan.audit.add(times[n]!, writer, UPDATED, at);
        status = next;
        n += 1;
      };
      for (const next of this.withNotes(draft, finished)) write(next === 'note' ? status : next);
      action.updates = count;
      if (action.status === 'closed') action.closingEvidence = random.pick(CLOSING_EVIDENCE);
      if (action.status === 'cancelled') action.cancelReason = random.pick(CANCEL_REASONS);
      this.reminders(draft, finished);
      plan.audit.add(action.createdMs, action.createdBy, RECORDED, index);
    });
  }

  /** A moment in working hours between two moments (or the earlier one, when none fits). */
  private workingMoment(fromMs: number, toMs: number) {
    const { timeline } = this.plan;
    const day = timeline.workingOnOrAfter(
      Math.floor((fromMs + this.random.float() * (toMs - fromMs)) / DAY_MS),
    );
    const ms = timeline.at(day, 9 * 60 + this.random.int(0, 480)) + this.random.int(0, 59_999);
    return ms >= fromMs && ms <= toMs ? ms : fromMs + this.random.float() * (toMs - fromMs);
  }

  /**
   * The status changes with the notes in between: notes sit where work is under way (after
   * the first change when there are several), and never after an action was finished.
   */
  private withNotes(draft: Draft, finished: boolean): (UpdateStatus | 'note')[] {
    const changes = draft.path;
    const low = changes.length >= 2 || (!finished && changes.length === 1) ? 1 : 0;
    const high = finished ? Math.max(low, changes.length - 1) : changes.length;
    const slots = Array.from({ length: draft.notes }, () => this.random.int(low, high)).sort(
      (x, y) => x - y,
    );
    const sequence: (UpdateStatus | 'note')[] = [];
    for (let step = 0; step <= changes.length; step += 1) {
      while (slots.length > 0 && slots[0] === step) {
        slots.shift();
        sequence.push('note');
      }
      if (step < changes.length) sequence.push(changes[step]!);
    }
    return sequence;
  }

  /** The reminder job's marks: "due soon" five working days before, "overdue" the day after. */
  private reminders(draft: Draft, finished: boolean) {
    const { plan } = this;
    const { action } = draft;
    const stillOpenAt = (ms: number) => !finished || draft.endMs > ms;
    const soonMs = plan.timeline.at(plan.timeline.addWorkingDays(action.dueOn, -5), 7 * 60);
    if (soonMs > action.createdMs && soonMs < this.now && stillOpenAt(soonMs))
      action.reminderMs = soonMs;
    const lateMs = plan.timeline.at(action.dueOn + 1, 7 * 60);
    if (lateMs > action.createdMs && lateMs < this.now && stillOpenAt(lateMs)) {
      action.overdueReminderMs = lateMs;
      action.reminderMs ??= lateMs;
    }
  }
}

/**
 * Actions and their updates. `busyMeeting` gets at least three, for the bench's meeting
 * page. Gives back the people who still owe an action (they have not left).
 */
export function planActions(plan: Plan, seed: number, busyMeeting: number) {
  return new ActionPlanner(plan, seed, busyMeeting).run();
}
