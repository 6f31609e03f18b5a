import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukToday } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import type { ActionsDependencies } from './action-context.js';
import { referenceSource, sourceKindName } from './action-sources.js';
import { isOverdue } from './action-status.js';
import type {
  ActionChangeInput,
  ActionInput,
  ActionUpdateInput,
  SourcedActionInput,
} from './actions.forms.js';
import {
  findAction,
  insertAction,
  insertActionUpdate,
  updateAction,
  updatesOfAction,
  type DescribedAction,
} from './actions.repository.js';

/** Who is acting: the route knows their roles; the service checks whether they own the action. */
export interface Actor {
  runsMeetings: boolean;
}

/** Error keys the routes answer with 404 and 403 rather than a form. */
export const NOT_FOUND = 'action';
export const FORBIDDEN = 'permission';

/** The earliest an action may fall due, and what to say when it is earlier. */
type DueRule = { from: string; message: string } | null;

/** An action cannot fall due before the meeting that set it; recording it late is fine. */
function dueFromMeeting(startsAt: Date | null): DueRule {
  if (!startsAt) return null;
  const meetingDay = ukToday(startsAt);
  return {
    from: meetingDay,
    message: `The due date cannot be before the meeting on ${ukDate(meetingDay)}`,
  };
}

/** A review's action plan looks forward: no meeting dates it, so today is the earliest. */
const dueFromToday = (today: string): DueRule => ({
  from: today,
  message: 'The due date must be today or in the future',
});

/** How the action log names a review recommendation: the case's reference, nothing more. */
export const recommendationSource = (source: { caseReference: string; number: number }) =>
  `Review ${source.caseReference}, recommendation ${source.number}`;

/** Recording actions on meeting items, showing one, and its updates and changes. */
export function buildActionRecords(dependencies: ActionsDependencies) {
  const { db, audit, clock, governance, meetings } = dependencies;
  const today = () => ukToday(clock.now());

  /** The agenda item an action is recorded on, with its meeting; null unless it is live on that meeting. */
  async function meetingItem(context: TenantContext, meetingId: string, itemId: string) {
    const found = await meetings.find(context, meetingId);
    const item = found?.items.find((one) => one.id === itemId);
    if (!found || !item || item.withdrawnAt || item.proposalStatus === 'declined') return null;
    return { ...found, item };
  }

  /** Whether someone may update an action: the business unit, or the action's owner. */
  async function mayUpdate(context: TenantContext, ownerPersonId: string, actor: Actor) {
    if (actor.runsMeetings) return true;
    if (!context.userId) return false;
    const linked = await governance.people.ofAccount(context, context.userId);
    return linked?.person.id === ownerPersonId;
  }

  async function ownerAndDateProblems(
    context: TenantContext,
    input: { ownerPersonId: string; dueOn: string },
    due: DueRule,
  ) {
    const errors: FieldErrors = {};
    const people = await governance.people.all(context);
    if (!people.some((row) => row.person.id === input.ownerPersonId))
      errors.ownerPersonId = 'Select who owns the action';
    if (due && input.dueOn < due.from) errors.dueOn = due.message;
    return errors;
  }

  async function create(
    context: TenantContext,
    source: { meetingId: string; itemId: string },
    input: ActionInput,
  ): Promise<Outcome<{ id: string }>> {
    const item = await meetingItem(context, source.meetingId, source.itemId);
    if (!item) return failure({ [NOT_FOUND]: 'not found' });
    const errors = await ownerAndDateProblems(
      context,
      input,
      dueFromMeeting(item.meeting.startsAt),
    );
    if (Object.keys(errors).length > 0) return failure(errors);
    const row = await inTenant(db, context, async (tx) => {
      const created = await insertAction(tx, {
        partnershipId: context.partnershipId,
        title: input.title,
        sourceType: 'meeting_item',
        sourceKind: 'meeting',
        agendaItemId: source.itemId,
        ownerPersonId: input.ownerPersonId,
        dueOn: input.dueOn,
        createdBy: context.userId,
      });
      await audit.record(tx, context, {
        action: 'action.recorded',
        entityType: 'action',
        entityId: created.id,
        after: { title: created.title, ownerPersonId: created.ownerPersonId, dueOn: created.dueOn },
      });
      return created;
    });
    return success({ id: row.id });
  }

  /**
   * An action in a review's action plan. The reviews module has checked the case team; the
   * log shows everyone only the review's reference and the recommendation's number.
   */
  async function createForRecommendation(
    context: TenantContext,
    source: { recommendationId: string; caseReference: string; number: number },
    input: ActionInput,
  ): Promise<Outcome<{ id: string }>> {
    const errors = await ownerAndDateProblems(context, input, dueFromToday(today()));
    if (Object.keys(errors).length > 0) return failure(errors);
    const row = await inTenant(db, context, async (tx) => {
      const created = await insertAction(tx, {
        partnershipId: context.partnershipId,
        title: input.title,
        sourceType: 'review_recommendation',
        sourceKind: 'review',
        recommendationId: source.recommendationId,
        ownerPersonId: input.ownerPersonId,
        dueOn: input.dueOn,
        createdBy: context.userId,
      });
      await audit.record(tx, context, {
        action: 'action.recorded',
        entityType: 'action',
        entityId: created.id,
        after: {
          title: created.title,
          ownerPersonId: created.ownerPersonId,
          dueOn: created.dueOn,
          source: recommendationSource(source),
        },
      });
      return created;
    });
    return success({ id: row.id });
  }

  /**
   * An action added to the log directly, its source a kind and a written reference. Nothing
   * dates it, so like a review's plan it may not fall due before today.
   */
  async function createWithReference(
    context: TenantContext,
    input: SourcedActionInput,
  ): Promise<Outcome<{ id: string }>> {
    const errors = await ownerAndDateProblems(context, input, dueFromToday(today()));
    if (Object.keys(errors).length > 0) return failure(errors);
    const row = await inTenant(db, context, async (tx) => {
      const created = await insertAction(tx, {
        partnershipId: context.partnershipId,
        title: input.title,
        sourceType: 'reference',
        sourceKind: input.sourceKind,
        sourceReference: input.sourceReference,
        ownerPersonId: input.ownerPersonId,
        dueOn: input.dueOn,
        createdBy: context.userId,
      });
      await audit.record(tx, context, {
        action: 'action.recorded',
        entityType: 'action',
        entityId: created.id,
        after: {
          title: created.title,
          ownerPersonId: created.ownerPersonId,
          dueOn: created.dueOn,
          source: referenceSource(input.sourceKind, input.sourceReference),
        },
      });
      return created;
    });
    return success({ id: row.id });
  }

  async function find(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findAction(tx, id);
      if (!found) return null;
      return {
        ...found,
        overdue: isOverdue(found.action, today()),
        sourceKindName: sourceKindName(found.action.sourceKind),
        updates: await updatesOfAction(tx, id),
      };
    });
  }

  const stale = (tx: Executor, id: string) =>
    staleEditMessage(audit, tx, { entityType: 'action', entityId: id, noun: 'action' });

  async function recordUpdate(
    context: TenantContext,
    id: string,
    input: ActionUpdateInput,
    actor: Actor,
  ): Promise<Outcome<true>> {
    const current = await find(context, id);
    if (!current) return failure({ [NOT_FOUND]: 'not found' });
    if (!(await mayUpdate(context, current.action.ownerPersonId, actor)))
      return failure({ [FORBIDDEN]: 'forbidden' });
    return inTenant(db, context, async (tx) => {
      const before = (await findAction(tx, id))!.action;
      const after = await updateAction(tx, id, input.version, {
        status: input.status,
        ...(input.status === 'closed' ? { closingEvidence: input.closingEvidence } : {}),
        ...(input.status === 'cancelled' ? { cancelReason: input.cancelReason } : {}),
      });
      if (!after) return failure({ form: await stale(tx, id) });
      await insertActionUpdate(tx, {
        partnershipId: context.partnershipId,
        actionId: id,
        note: input.note,
        statusBefore: before.status,
        statusAfter: after.status,
        writtenBy: context.userId,
        createdAt: clock.now(),
      });
      await audit.record(tx, context, {
        action: 'action.updated',
        entityType: 'action',
        entityId: id,
        before: { status: before.status },
        after: {
          status: after.status,
          note: input.note,
          closingEvidence: input.status === 'closed' ? input.closingEvidence : undefined,
          cancelReason: input.status === 'cancelled' ? input.cancelReason : undefined,
        },
      });
      return success(true);
    });
  }

  /** A due date kept as it was is not judged again, so an overdue action can change owner. */
  function dueRuleForChange(current: DescribedAction, dueOn: string): DueRule {
    if (dueOn === current.action.dueOn) return null;
    return current.action.sourceType === 'meeting_item'
      ? dueFromMeeting(current.meetingStartsAt)
      : dueFromToday(today());
  }

  /** A new owner or due date; the reason is kept as an update, and reminders start again. */
  async function change(
    context: TenantContext,
    id: string,
    input: ActionChangeInput,
  ): Promise<Outcome<true>> {
    const current = await find(context, id);
    if (!current) return failure({ [NOT_FOUND]: 'not found' });
    const unchanged =
      input.ownerPersonId === current.action.ownerPersonId && input.dueOn === current.action.dueOn;
    const errors = unchanged
      ? { ownerPersonId: 'Choose a new owner or a new due date' }
      : await ownerAndDateProblems(context, input, dueRuleForChange(current, input.dueOn));
    if (Object.keys(errors).length > 0) return failure(errors);
    const people = await governance.people.all(context, { activeOnly: false });
    const nameOf = (personId: string) =>
      people.find((row) => row.person.id === personId)?.person.fullName ?? 'someone';
    return inTenant(db, context, async (tx) => {
      const before = (await findAction(tx, id))!.action;
      const after = await updateAction(tx, id, input.version, {
        ownerPersonId: input.ownerPersonId,
        dueOn: input.dueOn,
        reminderSentAt: null,
        overdueReminderSentAt: null,
      });
      if (!after) return failure({ form: await stale(tx, id) });
      const changes = [
        before.ownerPersonId !== after.ownerPersonId
          ? `Owner changed from ${nameOf(before.ownerPersonId)} to ${nameOf(after.ownerPersonId)}.`
          : '',
        before.dueOn !== after.dueOn
          ? `Due date changed from ${ukDate(before.dueOn)} to ${ukDate(after.dueOn)}.`
          : '',
      ].filter(Boolean);
      await insertActionUpdate(tx, {
        partnershipId: context.partnershipId,
        actionId: id,
        note: `${changes.join(' ')} Reason: ${input.reason}`,
        statusBefore: before.status,
        statusAfter: after.status,
        writtenBy: context.userId,
        createdAt: clock.now(),
      });
      await audit.record(tx, context, {
        action: 'action.changed',
        entityType: 'action',
        entityId: id,
        before: { ownerPersonId: before.ownerPersonId, dueOn: before.dueOn },
        after: { ownerPersonId: after.ownerPersonId, dueOn: after.dueOn, reason: input.reason },
      });
      return success(true);
    });
  }

  return {
    meetingItem,
    mayUpdate,
    create,
    createForRecommendation,
    createWithReference,
    find,
    recordUpdate,
    change,
  };
}
