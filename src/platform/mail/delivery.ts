import { sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../../db/client.js';

export const MAX_ATTEMPTS = 5;

type QueuedMail = {
  id: string;
  recipient: string;
  subject: string;
  body_text: string;
  attempts: number;
};

/**
 * Sends queued mail through SMTP. Rows are locked with SKIP LOCKED, so several instances
 * can run this at once without sending a message twice. Runs as the owner, across partnerships.
 */
export async function deliverQueuedMail(
  ownerDb: Database,
  transport: Transporter,
  from: string,
  batch = 20,
) {
  let sent = 0;
  let failed = 0;
  await ownerDb.transaction(async (tx) => {
    const queued = await tx.execute<QueuedMail>(sql`
      select id, recipient, subject, body_text, attempts from mail_outbox
      where status = 'queued' order by created_at limit ${batch} for update skip locked`);
    for (const mail of queued.rows) {
      try {
        await transport.sendMail({
          from,
          to: mail.recipient,
          subject: mail.subject,
          text: mail.body_text,
        });
        await tx.execute(
          sql`update mail_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = ${mail.id}`,
        );
        sent++;
      } catch (error) {
        const status = mail.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'queued';
        const message = error instanceof Error ? error.message.slice(0, 500) : 'unknown error';
        await tx.execute(
          sql`update mail_outbox set status = ${status}, attempts = attempts + 1, last_error = ${message} where id = ${mail.id}`,
        );
        failed++;
      }
    }
  });
  return { sent, failed };
}
