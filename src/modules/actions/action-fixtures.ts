import { inTenant } from '../../db/client.js';
import { Agent } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { insertAgendaItems } from '../meetings/agenda.repository.js';
import { meetingTestBed } from '../meetings/meeting-fixtures.js';
import type { ActionInput } from './actions.forms.js';

let counter = 0;

/**
 * The meeting test bed (clock at 09:00 on Friday 27 November 2026) plus agenda items to
 * attach actions to, actions, and people who sign in as members linked to a person.
 */
export async function actionTestBed() {
  const bed = await meetingTestBed();
  const { app, services, context, database, partnership, fixtures, clock } = bed;

  /** An agenda item added straight to a meeting, as the agenda part of the module would. */
  async function item(meetingId: string, title = 'Quality of practice and assurance') {
    counter += 1;
    const [row] = await inTenant(database.app.db, context, (tx) =>
      insertAgendaItems(tx, [
        {
          partnershipId: context.partnershipId,
          meetingId,
          position: 100 + counter,
          title,
          purpose: 'discussion',
          origin: 'added',
        },
      ]),
    );
    return row!.id;
  }

  /** A body's meeting on `day` with one item: what most tests record actions on. */
  async function meetingItem(day = '2026-11-27', bodyValues = {}) {
    const bodyId = await fixtures.body(bodyValues);
    const meetingId = await bed.meeting(bodyId, day);
    return { bodyId, meetingId, itemId: await item(meetingId) };
  }

  async function action(
    source: { meetingId: string; itemId: string },
    values: Partial<ActionInput> & { ownerPersonId: string },
  ) {
    const outcome = await services.actions.create(context, source, {
      title: `Action ${(counter += 1)}`,
      dueOn: '2026-12-18',
      ...values,
    });
    if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
    return outcome.value.id;
  }

  /** A member without a business-unit role, signed in, optionally linked to a new person. */
  async function member(options: { agencyId?: string; linked?: boolean } = {}) {
    const user = await createUser(database.app.db, services, partnership.id, {
      roles: ['member'],
      mfa: false,
    });
    const personId =
      options.linked === false || !options.agencyId
        ? null
        : await fixtures.person(options.agencyId, { userId: user.userId });
    const agent = new Agent(app);
    await agent.signIn(user, clock.now());
    return { user, personId, agent };
  }

  return { ...bed, item, meetingItem, action, member };
}
