import PgBoss from 'pg-boss';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { deliverQueuedMail } from './mail/delivery.js';

export const QUEUES = {
  mailDelivery: 'mail-delivery',
  housekeeping: 'housekeeping',
  actionReminders: 'action-reminders',
} as const;

export interface JobsSettings {
  ownerUrl: string;
  ownerDb: Database;
  smtpUrl: string | undefined;
  mailFrom: string;
  purgeExpired: () => Promise<void>;
  /**
   * Reminds action owners in every partnership; safe to run on several instances at once.
   * Left out where only the queue itself is under test.
   */
  sendActionReminders?: () => Promise<unknown>;
  logger: Logger;
}

/**
 * What the log keeps of a queue error: its code and message, not the driver's detail, which
 * can quote the values of a row.
 */
function queueError(error: Error) {
  return { code: (error as { code?: unknown }).code, reason: error.message };
}

/** Jobs live in PostgreSQL (pg-boss), so they survive restarts and are shared by every instance. */
export async function startJobs(settings: JobsSettings) {
  const boss = new PgBoss({ connectionString: settings.ownerUrl, schema: 'pgboss', max: 3 });
  // The queue polls on: while PostgreSQL is away each poll fails here, and none stops MASA.
  boss.on('error', (error) => settings.logger.error(queueError(error), 'job queue error'));
  await boss.start();
  for (const name of Object.values(QUEUES)) await boss.createQueue(name);

  if (settings.smtpUrl) {
    const transport = nodemailer.createTransport(settings.smtpUrl);
    await boss.work(QUEUES.mailDelivery, async () => {
      const result = await deliverQueuedMail(settings.ownerDb, transport, settings.mailFrom);
      if (result.sent || result.failed) settings.logger.info(result, 'mail delivery');
    });
    await boss.schedule(QUEUES.mailDelivery, '* * * * *');
  }
  await boss.work(QUEUES.housekeeping, () => settings.purgeExpired());
  await boss.schedule(QUEUES.housekeeping, '17 * * * *');
  if (settings.sendActionReminders) {
    const send = settings.sendActionReminders;
    await boss.work(QUEUES.actionReminders, () => send());
    await boss.schedule(QUEUES.actionReminders, '7 * * * *');
    // Also once at start: reminders that fell due while no instance ran go out now, not at
    // the next hour. Claims in the database keep a reminder from going out twice.
    await boss.send(QUEUES.actionReminders, {}, { singletonKey: 'start', singletonSeconds: 60 });
  }

  return {
    boss,
    nudgeMail: () => {
      if (!settings.smtpUrl) return;
      boss
        .send(QUEUES.mailDelivery, {}, { singletonKey: 'nudge', singletonSeconds: 2 })
        .catch((error: unknown) =>
          settings.logger.warn({ err: error }, 'could not nudge mail delivery'),
        );
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
