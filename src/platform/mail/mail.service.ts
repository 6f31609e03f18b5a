import { and, desc, eq, lt } from 'drizzle-orm';
import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';

export type MailNudge = () => void;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export const OUTBOX_PAGE_SIZE = 50;

/** Mail is written in the same transaction as the change that causes it, then delivered by a job. */
export function buildMailService(db: Database, nudge: MailNudge = () => undefined) {
  async function queue(tx: Executor, context: TenantContext, mail: OutgoingMail) {
    const [row] = await tx
      .insert(mailOutbox)
      .values({
        partnershipId: context.partnershipId,
        recipient: mail.to,
        subject: mail.subject,
        bodyText: mail.text,
      })
      .returning({ id: mailOutbox.id });
    return row!.id;
  }

  function page(context: TenantContext, olderThan?: Date) {
    return inTenant(db, context, (tx) =>
      tx
        .select()
        .from(mailOutbox)
        .where(olderThan ? lt(mailOutbox.createdAt, olderThan) : undefined)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(OUTBOX_PAGE_SIZE),
    );
  }

  function find(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const [row] = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.id, id)));
      return row ?? null;
    });
  }

  return { queue, page, find, nudge };
}

export type MailService = ReturnType<typeof buildMailService>;
