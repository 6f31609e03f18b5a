import { inTenant, type TenantContext } from '../../db/client.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage } from '../../platform/records.js';
import { itemText, type AgendaItemInput, type MoveDirection } from './agenda.forms.js';
import { moved, renumbered } from './agenda-order.js';
import { standingItemsOf } from './agenda.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import {
  findStandingItem,
  insertStandingItem,
  placeStandingItem,
  updateStandingItem,
} from './standing-items.repository.js';

/** The items each new agenda of a body starts with, in their order. */
export function buildStandingItemsService({ db, audit, clock, governance }: MeetingsDependencies) {
  async function ofBody(context: TenantContext, bodyId: string) {
    const body = await governance.bodies.get(context, bodyId);
    if (!body) return null;
    const items = await inTenant(db, context, (tx) => standingItemsOf(tx, bodyId));
    return { body, items };
  }

  /** An open standing item of the body, with the body. */
  async function find(context: TenantContext, bodyId: string, id: string) {
    const item = await inTenant(db, context, (tx) => findStandingItem(tx, id));
    if (!item || item.bodyId !== bodyId || item.closedAt) return null;
    const body = await governance.bodies.get(context, bodyId);
    return body ? { body, item } : null;
  }

  function add(context: TenantContext, bodyId: string, input: AgendaItemInput) {
    return inTenant(db, context, async (tx) => {
      const row = await insertStandingItem(tx, {
        partnershipId: context.partnershipId,
        bodyId,
        ...itemText(input),
      });
      await audit.record(tx, context, {
        action: 'standing_item.added',
        entityType: 'standing_item',
        entityId: row.id,
        after: { bodyId, ...itemText(input), position: row.position },
      });
      return { id: row.id };
    });
  }

  /** Changes an item unless someone changed it since the form was shown. */
  function change(context: TenantContext, id: string, input: AgendaItemInput) {
    return inTenant(db, context, async (tx): Promise<Outcome<true>> => {
      const before = await findStandingItem(tx, id);
      if (!before || before.closedAt) return failure({ item: 'not found' });
      const after = await updateStandingItem(tx, id, input.version, itemText(input));
      if (!after)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'standing_item',
            entityId: id,
            noun: 'standing item',
          }),
        });
      await audit.record(tx, context, {
        action: 'standing_item.changed',
        entityType: 'standing_item',
        entityId: id,
        before: itemText(before),
        after: itemText(input),
      });
      return success(true);
    });
  }

  /** Moves an item one place; false when it is already at that end of the list. */
  function move(context: TenantContext, bodyId: string, id: string, direction: MoveDirection) {
    return inTenant(db, context, async (tx) => {
      const order = moved(await standingItemsOf(tx, bodyId), id, direction);
      if (!order) return false;
      for (const { id: itemId, position } of renumbered(order))
        await placeStandingItem(tx, itemId, position);
      await audit.record(tx, context, {
        action: 'standing_item.moved',
        entityType: 'standing_item',
        entityId: id,
        after: { direction, position: order.findIndex((item) => item.id === id) + 1 },
      });
      return true;
    });
  }

  /** Closes the item: later agendas no longer start with it; earlier ones keep their copy. */
  function remove(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const closedAt = clock.now();
      const after = await updateStandingItem(tx, id, undefined, { closedAt });
      await audit.record(tx, context, {
        action: 'standing_item.removed',
        entityType: 'standing_item',
        entityId: id,
        before: { closedAt: null },
        after: { closedAt },
      });
      return after !== null;
    });
  }

  return { ofBody, find, add, change, move, remove };
}

export type StandingItemsService = ReturnType<typeof buildStandingItemsService>;
