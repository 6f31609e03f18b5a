import { inTenant, type TenantContext } from '../../db/client.js';
import { ukToday } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import type { ActionsDependencies } from './action-context.js';
import { latestDueDateToRemind } from './action-status.js';
import { actionsToRemind, claimReminder, type ReminderWindow } from './actions.repository.js';

type Reminded = Awaited<ReturnType<typeof actionsToRemind>>[number];

function reminderMail(row: Reminded, kind: 'overdue' | 'due_soon', link: string) {
  const due = ukDate(row.dueOn);
  return {
    to: row.ownerEmail,
    subject:
      kind === 'overdue' ? `Overdue action: ${row.title}` : `Action due on ${due}: ${row.title}`,
    text: [
      `Dear ${row.ownerName},`,
      '',
      kind === 'overdue'
        ? `The action "${row.title}" was due on ${due} and is now overdue.`
        : `The action "${row.title}" is due on ${due}.`,
      'Record an update, or close the action with its evidence, at:',
      link,
    ].join('\n'),
  };
}

/**
 * Reminders to action owners: a set number of working days before the due date, and once
 * the action is overdue. A scheduled job calls this hourly on every app instance; each
 * reminder is claimed by a conditional UPDATE in the transaction that queues its mail, so
 * it is sent once however many runs overlap.
 */
export function buildActionReminders(dependencies: ActionsDependencies) {
  const { db, audit, clock, mail, calendar, publicUrl } = dependencies;

  async function windowOf(context: TenantContext): Promise<ReminderWindow> {
    const working = await calendar.workingCalendar(context);
    const { actionReminderWorkingDays } = await calendar.settings(context);
    const today = ukToday(clock.now());
    return { today, dueBy: latestDueDateToRemind(working, today, actionReminderWorkingDays) };
  }

  async function remindOne(context: TenantContext, row: Reminded, window: ReminderWindow) {
    return inTenant(db, context, async (tx) => {
      const kind = await claimReminder(tx, row.id, window, clock.now());
      if (!kind) return false;
      await mail.queue(tx, context, reminderMail(row, kind, `${publicUrl}/actions/${row.id}`));
      await audit.record(tx, context, {
        action: kind === 'overdue' ? 'action.overdue_reminder_sent' : 'action.reminder_sent',
        entityType: 'action',
        entityId: row.id,
        after: { to: row.ownerEmail, dueOn: row.dueOn },
      });
      return true;
    });
  }

  /** Sends the reminders due in each partnership, each in its own transactions. */
  async function sendReminders(partnershipIds: readonly string[]) {
    let sent = 0;
    for (const partnershipId of partnershipIds) {
      const context: TenantContext = { partnershipId, userId: null };
      const window = await windowOf(context);
      const due = await inTenant(db, context, (tx) => actionsToRemind(tx, window));
      for (const row of due) if (await remindOne(context, row, window)) sent += 1;
    }
    if (sent > 0) mail.nudge();
    return { sent };
  }

  return { sendReminders };
}
