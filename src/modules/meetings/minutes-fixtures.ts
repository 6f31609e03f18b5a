import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import { agendaItem } from '../../db/schema/index.js';
import { insertAgendaItems } from './agenda.repository.js';

type ItemValues = Partial<typeof agendaItem.$inferInsert> & { title: string };

/**
 * Agenda items added straight to a meeting, after whatever it carries: the minutes tests
 * need items to minute, whatever the agenda pages allow.
 */
export function minutesFixtures(db: Database, context: TenantContext) {
  return {
    items: (meetingId: string, items: ItemValues[]) =>
      inTenant(db, context, (tx) =>
        insertAgendaItems(
          tx,
          items.map((item, index) => ({
            partnershipId: context.partnershipId,
            meetingId,
            position: 100 + index,
            purpose: 'discussion',
            origin: 'added',
            ...item,
          })),
        ),
      ),
  };
}
