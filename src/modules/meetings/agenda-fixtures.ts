import type { TenantContext } from '../../db/client.js';
import type { Services } from '../../composition.js';
import type { ItemPurpose } from './meetings.vocabulary.js';

/** Standing items and agenda items for tests, made through the agenda services. */
export function agendaFixtures(services: Services, context: TenantContext) {
  const { standingItems, items } = services.meetings.agenda;
  return {
    /** A standing item at the end of the body's list; gives its id. */
    standingItem: async (bodyId: string, title: string, purpose: ItemPurpose = 'discussion') =>
      (
        await standingItems.add(context, bodyId, {
          title,
          purpose,
          presenter: '',
          durationMinutes: null,
        })
      ).id,
    /** An item added at the end of a meeting's agenda; gives its id. */
    agendaItem: async (meetingId: string, title: string, purpose: ItemPurpose = 'discussion') => {
      const outcome = await items.add(context, meetingId, {
        title,
        purpose,
        presenter: '',
        durationMinutes: null,
      });
      if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
      return outcome.value.id;
    },
  };
}
