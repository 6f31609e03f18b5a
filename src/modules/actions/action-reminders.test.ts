import { describe, expect, it } from 'vitest';
import { inTenant } from '../../db/client.js';
import { allPartnershipIds } from '../partnerships/partnership-ids.js';
import { actionTestBed } from './action-fixtures.js';
import { claimReminder } from './actions.repository.js';

const { services, context, database, fixtures, clock, meetingItem, action } = await actionTestBed();

const police = await fixtures.agency({ name: 'Northshire Police' });
const priya = await fixtures.person(police, {
  fullName: 'Priya Shah',
  email: 'priya.shah@police.example',
});
const source = await meetingItem();

const send = async () => services.actions.sendReminders(await allPartnershipIds(database.owner.db));

/** The reminders in the outbox about the action with this title. */
async function remindersAbout(title: string) {
  const outbox = (await services.mail.page(context)).messages;
  return outbox.filter((mail) => mail.subject.endsWith(`: ${title}`));
}

/** The clock at 08:00 UK time on a day (GMT in winter). */
const morningOf = (day: string) => clock.set(`${day}T08:00:00Z`);

describe('action reminders', () => {
  it('reminds the owner once, five working days before the due date', async () => {
    morningOf('2026-11-27');
    await action(source, { ownerPersonId: priya, title: 'Due next Friday', dueOn: '2026-12-04' });
    await action(source, {
      ownerPersonId: priya,
      title: 'Due the Monday after',
      dueOn: '2026-12-07',
    });
    await send();
    const reminders = await remindersAbout('Due next Friday');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.recipient).toBe('priya.shah@police.example');
    expect(reminders[0]!.subject).toBe('Action due on 4 December 2026: Due next Friday');
    expect(reminders[0]!.bodyText).toContain('Dear Priya Shah');
    expect(reminders[0]!.bodyText).toMatch(/http:\/\/masa\.test\/actions\/[0-9a-f-]{36}/);
    expect(await remindersAbout('Due the Monday after')).toHaveLength(0);
    await send();
    expect(await remindersAbout('Due next Friday')).toHaveLength(1);
  });

  it('sends one reminder when two runs race, as on two app instances', async () => {
    morningOf('2026-11-27');
    await action(source, { ownerPersonId: priya, title: 'Raced for', dueOn: '2026-12-03' });
    const runs = await Promise.all([send(), send(), send()]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(1);
    expect(await remindersAbout('Raced for')).toHaveLength(1);
  });

  it('lets only one of two transactions racing for the same reminder claim it', async () => {
    morningOf('2026-11-27');
    const id = await action(source, {
      ownerPersonId: priya,
      title: 'Claimed',
      dueOn: '2026-12-02',
    });
    const window = { today: '2026-11-27', dueBy: '2026-12-04' };
    const db = database.app.db;
    let release!: () => void;
    let claimed!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const firstClaimed = new Promise<void>((resolve) => (claimed = resolve));
    const first = inTenant(db, context, async (tx) => {
      const kind = await claimReminder(tx, id, window, clock.now());
      claimed();
      await held;
      return kind;
    });
    await firstClaimed;
    // The second waits for the first's row lock, then finds the reminder already claimed.
    const second = inTenant(db, context, (tx) => claimReminder(tx, id, window, clock.now()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    expect(await first).toBe('due_soon');
    expect(await second).toBeNull();
  });

  it('sends one more reminder once the action is overdue, and only one', async () => {
    morningOf('2026-11-27');
    const id = await action(source, {
      ownerPersonId: priya,
      title: 'Late one',
      dueOn: '2026-11-30',
    });
    await send();
    morningOf('2026-11-30');
    await send();
    expect(await remindersAbout('Late one')).toHaveLength(1);
    morningOf('2026-12-01');
    await Promise.all([send(), send()]);
    await send();
    const reminders = await remindersAbout('Late one');
    expect(reminders.map((mail) => mail.subject).sort()).toEqual([
      'Action due on 30 November 2026: Late one',
      'Overdue action: Late one',
    ]);
    const found = await services.actions.find(context, id);
    expect(found?.action.version).toBe(1);
  });

  it('does not remind about done or cancelled actions', async () => {
    morningOf('2026-11-27');
    const done = await action(source, {
      ownerPersonId: priya,
      title: 'Finished early',
      dueOn: '2026-11-30',
    });
    const cancelled = await action(source, {
      ownerPersonId: priya,
      title: 'Dropped',
      dueOn: '2026-11-30',
    });
    const update = { closingEvidence: null, version: 1 };
    await services.actions.recordUpdate(
      context,
      done,
      { ...update, note: 'Done', status: 'done', cancelReason: null },
      { runsMeetings: true },
    );
    await services.actions.recordUpdate(
      context,
      cancelled,
      { ...update, note: 'Stop', status: 'cancelled', cancelReason: 'Superseded' },
      { runsMeetings: true },
    );
    await send();
    morningOf('2026-12-02');
    await send();
    expect(await remindersAbout('Finished early')).toHaveLength(0);
    expect(await remindersAbout('Dropped')).toHaveLength(0);
  });

  it('counts working days over Christmas and the Boxing Day substitute holiday', async () => {
    morningOf('2026-12-18');
    await action(source, {
      ownerPersonId: priya,
      title: 'New Year’s Eve deadline',
      dueOn: '2026-12-31',
    });
    // Five working days before Thursday 31 December are the 30th, 29th, 24th, 23rd and 22nd:
    // the 28th (Boxing Day substitute), the weekend and Christmas Day do not count.
    morningOf('2026-12-21');
    await send();
    expect(await remindersAbout('New Year’s Eve deadline')).toHaveLength(0);
    morningOf('2026-12-22');
    await send();
    expect(await remindersAbout('New Year’s Eve deadline')).toHaveLength(1);
  });

  it('reminds again after the due date or owner is changed', async () => {
    morningOf('2026-11-27');
    const id = await action(source, {
      ownerPersonId: priya,
      title: 'Moved on',
      dueOn: '2026-12-01',
    });
    await send();
    const changed = await services.actions.change(context, id, {
      ownerPersonId: priya,
      dueOn: '2026-12-02',
      reason: 'Waiting for data',
      version: 1,
    });
    expect(changed.ok).toBe(true);
    await send();
    expect((await remindersAbout('Moved on')).map((mail) => mail.subject)).toEqual([
      'Action due on 2 December 2026: Moved on',
      'Action due on 1 December 2026: Moved on',
    ]);
  });
});
