/** Rows of meetings and the action log: meetings, agendas, attendance, decisions, actions. */
import type { PartnershipPlan } from './plan.js';
import { Random } from './random.js';
import { table, when } from './table.js';
import { iso, isoOf } from './timeline.js';
import { UPDATE_NOTES } from './words.js';

type Plan = PartnershipPlan;

const meetings = table(
  'meeting',
  'id, partnership_id, body_id, starts_at, ends_at, location, status, cancel_reason, agenda_published_at, minutes_status, minutes_circulated_at, minutes_approved_at, minutes_approved_at_meeting_id, version, created_at',
  function* (plan) {
    for (const meeting of plan.meetings)
      yield [
        meeting.id,
        plan.id,
        plan.bodies[meeting.body]!.id,
        iso(meeting.startsMs),
        iso(meeting.endsMs),
        meeting.location,
        meeting.cancelReason === null ? 'scheduled' : 'cancelled',
        meeting.cancelReason,
        when(meeting.agendaPublishedMs),
        meeting.minutesStatus,
        when(meeting.minutesCirculatedMs),
        when(meeting.minutesApprovedMs),
        meeting.minutesApprovedAtMeeting === null
          ? null
          : plan.meetings[meeting.minutesApprovedAtMeeting]!.id,
        meeting.version,
        iso(meeting.createdMs),
      ];
  },
);

/** Ratification items name their decision, which names its item: that link is set after. */
const agendaItems = table(
  'agenda_item',
  'id, partnership_id, meeting_id, position, title, presenter, duration_minutes, purpose, origin, proposal_status, proposed_by, approves_minutes_of_meeting_id, minutes, version, created_at',
  function* (plan) {
    for (const item of plan.agendaItems)
      yield [
        item.id,
        plan.id,
        plan.meetings[item.meeting]!.id,
        item.position,
        item.title,
        item.presenter,
        item.durationMinutes,
        item.purpose,
        item.origin,
        item.origin === 'proposed' ? 'accepted' : null,
        item.proposedBy === null ? null : plan.accounts[item.proposedBy]!.id,
        item.approvesMinutesOf === null ? null : plan.meetings[item.approvesMinutesOf]!.id,
        item.minutes,
        item.minutedMs === null ? 1 : 2,
        iso(item.createdMs),
      ];
  },
);

const attendance = table(
  'attendance',
  'id, partnership_id, meeting_id, membership_id, status, deputy_id, guest_name, guest_role, version, created_at',
  function* (plan) {
    for (const row of plan.attendance) {
      const meeting = plan.meetings[row.meeting]!;
      yield [
        row.id,
        plan.id,
        meeting.id,
        row.membership === null ? null : plan.memberships[row.membership]!.id,
        row.status,
        row.deputy === null ? null : plan.deputies[row.deputy]!.id,
        row.guestName,
        row.guestRole,
        1,
        iso(meeting.endsMs + 15 * 60_000),
      ];
    }
  },
);

const decisions = table(
  'decision',
  'id, partnership_id, meeting_id, agenda_item_id, text, kind, needs_ratification, ratifying_body_id, ratifies_decision_id, ratification_outcome, quorate, recorded_by, version, created_at',
  function* (plan) {
    for (const decision of plan.decisions)
      yield [
        decision.id,
        plan.id,
        plan.meetings[decision.meeting]!.id,
        plan.agendaItems[decision.item]!.id,
        decision.text,
        decision.kind,
        decision.needsRatification,
        decision.ratifyingBody === null ? null : plan.bodies[decision.ratifyingBody]!.id,
        decision.ratifiesDecision === null ? null : plan.decisions[decision.ratifiesDecision]!.id,
        decision.ratificationOutcome,
        decision.quorate,
        plan.accounts[decision.recordedBy]!.id,
        1,
        iso(decision.createdMs),
      ];
  },
);

/** Which agenda items ratify which decision: set once both tables are loaded. */
export function* ratificationLinks(plan: Plan): Iterable<[string, string]> {
  for (const item of plan.agendaItems)
    if (item.ratifiesDecision !== null) yield [item.id, plan.decisions[item.ratifiesDecision]!.id];
}

const actions = table(
  'action',
  'id, partnership_id, title, source_type, source_kind, agenda_item_id, recommendation_id, owner_person_id, due_on, status, closing_evidence, cancel_reason, reminder_sent_at, overdue_reminder_sent_at, created_by, version, created_at',
  function* (plan) {
    for (const action of plan.actions)
      yield [
        action.id,
        plan.id,
        action.title,
        action.item === null ? 'review_recommendation' : 'meeting_item',
        action.item === null ? 'review' : 'meeting',
        action.item === null ? null : plan.agendaItems[action.item]!.id,
        action.recommendation === null ? null : plan.recommendations[action.recommendation]!.id,
        plan.people[action.owner]!.id,
        isoOf(action.dueOn),
        action.status,
        action.closingEvidence,
        action.cancelReason,
        when(action.reminderMs),
        when(action.overdueReminderMs),
        plan.accounts[action.createdBy]!.id,
        1 + action.updates,
        iso(action.createdMs),
      ];
  },
);

const actionUpdates = table(
  'action_update',
  'id, partnership_id, action_id, note, status_before, status_after, written_by, created_at',
  function* (plan, context) {
    const ids = Random.of(context.seed, plan.shape.name, plan.index, 'action-update-ids');
    const updates = plan.actionUpdates;
    for (let index = 0; index < updates.count; index += 1)
      yield [
        ids.uuid(),
        plan.id,
        plan.actions[updates.action[index]!]!.id,
        UPDATE_NOTES[updates.note[index]!]!,
        updates.statusBefore(index),
        updates.statusAfter(index),
        plan.accounts[updates.writer[index]!]!.id,
        iso(updates.ms[index]!),
      ];
  },
);

export const MEETING_TABLES = [meetings, agendaItems, attendance, decisions];
export const ACTION_TABLES = [actions, actionUpdates];
