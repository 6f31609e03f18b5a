import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { itemText, type AgendaItemInput, type MoveDirection } from './agenda.forms.js';
import { moved, renumbered } from './agenda-order.js';
import {
  findAgendaItem,
  insertAgendaItems,
  itemsOfMeeting,
  positionsOf,
  type AgendaItemRow,
} from './agenda.repository.js';
import { placeAgendaItem, updateAgendaItem } from './agenda-items.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';

/** On the agenda: every item except proposals not (yet) accepted. */
export const onAgenda = (item: Pick<AgendaItemRow, 'proposalStatus'>) =>
  item.proposalStatus === null || item.proposalStatus === 'accepted';

/** Why the meeting's agenda cannot change now, or null when it can. */
export function agendaClosedReason(meeting: MeetingRow) {
  if (meeting.status === 'cancelled')
    return 'This meeting was cancelled, so its agenda cannot change';
  if (meeting.minutesStatus === 'approved')
    return 'The minutes of this meeting are approved, so its agenda cannot change';
  return null;
}

/** The meeting and one item of its agenda, or null when the item is not on that meeting. */
export async function meetingItem(tx: Executor, meetingId: string, itemId: string) {
  const item = await findAgendaItem(tx, itemId);
  if (!item || item.meetingId !== meetingId) return null;
  const meeting = await findMeeting(tx, meetingId);
  return meeting ? { meeting, item } : null;
}

/** Why an item cannot be changed, moved or withdrawn, or null when it can. */
function itemClosedReason(found: { meeting: MeetingRow; item: AgendaItemRow }) {
  if (found.item.withdrawnAt) return 'This item was withdrawn, so it cannot change';
  return agendaClosedReason(found.meeting);
}

/** Items of a meeting's agenda: adding, changing, reordering and withdrawing them. */
export function buildAgendaItemsService({ db, audit, clock }: MeetingsDependencies) {
  const find = (context: TenantContext, meetingId: string, itemId: string) =>
    inTenant(db, context, (tx) => meetingItem(tx, meetingId, itemId));

  function add(
    context: TenantContext,
    meetingId: string,
    input: AgendaItemInput,
  ): Promise<Outcome<{ id: string }>> {
    return inTenant(db, context, async (tx) => {
      const meeting = await findMeeting(tx, meetingId);
      if (!meeting) return failure({ meeting: 'not found' });
      const refused = agendaClosedReason(meeting);
      if (refused) return failure({ refused });
      const { last } = await positionsOf(tx, meetingId);
      const [row] = await insertAgendaItems(tx, [
        {
          partnershipId: context.partnershipId,
          meetingId,
          position: last + 1,
          origin: 'added',
          ...itemText(input),
        },
      ]);
      await audit.record(tx, context, {
        action: 'agenda_item.added',
        entityType: 'agenda_item',
        entityId: row!.id,
        after: { meetingId, ...itemText(input) },
      });
      return success({ id: row!.id });
    });
  }

  /** Changes an item unless someone changed it since the form was shown. */
  function change(
    context: TenantContext,
    meetingId: string,
    itemId: string,
    input: AgendaItemInput,
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const found = await meetingItem(tx, meetingId, itemId);
      if (!found) return failure({ item: 'not found' });
      const refused = itemClosedReason(found);
      if (refused) return failure({ refused });
      const after = await updateAgendaItem(tx, itemId, input.version, itemText(input));
      if (!after)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'agenda_item',
            entityId: itemId,
            noun: 'agenda item',
          }),
        });
      await audit.record(tx, context, {
        action: 'agenda_item.changed',
        entityType: 'agenda_item',
        entityId: itemId,
        before: itemText(found.item),
        after: itemText(input),
      });
      return success(true);
    });
  }

  /** Moves an item one place on the agenda; false when it cannot move that way. */
  function move(
    context: TenantContext,
    meetingId: string,
    itemId: string,
    direction: MoveDirection,
  ) {
    return inTenant(db, context, async (tx) => {
      const found = await meetingItem(tx, meetingId, itemId);
      if (!found || itemClosedReason(found) || !onAgenda(found.item)) return false;
      const agenda = (await itemsOfMeeting(tx, meetingId)).filter(onAgenda);
      const order = moved(agenda, itemId, direction);
      if (!order) return false;
      for (const { id, position } of renumbered(order)) await placeAgendaItem(tx, id, position);
      await audit.record(tx, context, {
        action: 'agenda_item.moved',
        entityType: 'agenda_item',
        entityId: itemId,
        after: { direction, position: order.findIndex((item) => item.id === itemId) + 1 },
      });
      return true;
    });
  }

  /** Withdraws an item: it stays on the agenda, struck out, and is never deleted. */
  function withdraw(
    context: TenantContext,
    meetingId: string,
    itemId: string,
  ): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const found = await meetingItem(tx, meetingId, itemId);
      if (!found) return failure({ item: 'not found' });
      const refused = itemClosedReason(found);
      if (refused) return failure({ refused });
      const withdrawnAt = clock.now();
      await updateAgendaItem(tx, itemId, undefined, { withdrawnAt });
      await audit.record(tx, context, {
        action: 'agenda_item.withdrawn',
        entityType: 'agenda_item',
        entityId: itemId,
        before: { withdrawnAt: null },
        after: { withdrawnAt, title: found.item.title },
      });
      return success(true);
    });
  }

  return { find, add, change, move, withdraw };
}

export type AgendaItemsService = ReturnType<typeof buildAgendaItemsService>;
