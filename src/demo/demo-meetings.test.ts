import { describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/app.js';
import { createDemoPartnership } from './demo-partnership.js';
import { PARTNERSHIP_STANDING_ITEMS } from './demo-standing-items.js';

const { services, database } = await createTestApp();
const { context } = await createDemoPartnership(database.app.db, services);
const { meetings } = services;
const bodyId = async (name: string) =>
  (await services.governance.bodies.all(context)).find((body) => body.name === name)!.id;
const meetingsOf = async (name: string, when: 'upcoming' | 'past') =>
  (await meetings.list(context, { body: await bodyId(name), when })).rows;

describe('the demo partnership’s meetings', () => {
  it('starts the next Partnership agenda with the last minutes and section 15’s standing items', async () => {
    const [next] = await meetingsOf('Northshire Safeguarding Children Partnership', 'upcoming');
    const items = (await meetings.find(context, next!.id))!.items.map((item) => item.title);
    expect(items[0]).toMatch(/^Minutes of the meeting of /);
    expect(items.slice(1, 9)).toEqual([...PARTNERSHIP_STANDING_ITEMS]);
  });

  it('held the last Partnership meeting quorate with the police deputy, minutes circulated', async () => {
    const [last] = await meetingsOf('Northshire Safeguarding Children Partnership', 'past');
    expect((await meetings.attendance.quoracy(context, last!.id))?.quorate).toBe(true);
    expect(last!.minutesStatus).toBe('circulated');
  });

  it('shows the next Partnership meeting at risk: the police lead sent apologies, a deputy can cover', async () => {
    const [next] = await meetingsOf('Northshire Safeguarding Children Partnership', 'upcoming');
    const risks = await meetings.attendance.quoracyRisks(context, [next!.id]);
    expect(risks[next!.id]?.partners).toEqual([
      expect.objectContaining({ apologies: [expect.any(String)], deputies: [expect.any(String)] }),
    ]);
  });

  it('puts the sub-group’s recommendation on the forum’s next, published agenda for ratification', async () => {
    const [next] = await meetingsOf('Chairs Consultation Forum', 'upcoming');
    const found = (await meetings.find(context, next!.id))!;
    expect(found.meeting.agendaPublishedAt).not.toBeNull();
    expect(found.items.some((item) => item.origin === 'ratification')).toBe(true);
  });

  it('has an overdue action and one due within the reminder window', async () => {
    const overdue = await services.actions.list(context, { overdue: 'yes' });
    expect(overdue.total).toBe(1);
    const sent = await services.actions.sendReminders([context.partnershipId]);
    expect(sent.sent).toBe(2);
  });

  it('has an action from the section 11 audit, its source given in words', async () => {
    const audits = await services.actions.list(context, { source: 'audit' });
    expect(audits.rows.map((row) => row.action.sourceReference)).toEqual(['Section 11 audit 2026']);
  });
});
