import { Agent } from '../../testing/agent.js';
import { createUser } from '../../testing/fixtures.js';
import { meetingTestBed } from '../meetings/meeting-fixtures.js';
import type { NotificationInput } from './reviews.forms.js';

let counter = 0;

/** A fictional child: names no real person could be confused with. */
export const FICTIONAL_CHILD = {
  childName: 'Zebedee Quillfeather',
  dateOfBirth: '2015-07-04',
  nhsNumber: '9990000018',
  address: '12 Larkspur Row, Northshire',
};

/**
 * The meetings test bed (clock at 09:00 on Friday 27 November 2026, an administrator signed
 * in) plus a second administrator who is on no case team, signed in on their own agent.
 */
export async function reviewTestBed(start?: string) {
  const bed = await meetingTestBed(start);
  const outsider = await createUser(bed.database.app.db, bed.services, bed.partnership.id, {
    roles: ['administrator'],
    mfa: true,
    displayName: 'Olu Outsider',
  });
  const outsiderAgent = new Agent(bed.app);
  await outsiderAgent.signIn(outsider, bed.clock.now());

  /** A serious incident notified through the service by the signed-in administrator. */
  async function notifiedCase(values: Partial<NotificationInput> = {}) {
    counter += 1;
    const outcome = await bed.services.reviews.cases.notify(bed.context, {
      reference: `SI-2026-${String(counter).padStart(3, '0')}`,
      kind: 'serious_incident',
      awareOn: '2026-11-23',
      criteria: ['abuse_or_neglect', 'serious_harm'],
      agencyIds: [],
      panelNotifiedOn: null,
      ofstedNotifiedOn: null,
      partnersNotifiedOn: null,
      ...FICTIONAL_CHILD,
      ...values,
    });
    if (!outcome.ok) throw new Error(`Fixture refused: ${JSON.stringify(outcome.errors)}`);
    return outcome.value;
  }

  return { ...bed, outsider, outsiderAgent, notifiedCase };
}
