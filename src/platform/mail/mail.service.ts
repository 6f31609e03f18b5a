import { and, desc, eq, ilike, or } from 'drizzle-orm';
import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import { mailOutbox } from '../../db/schema/index.js';
import { escapeLike } from '../like.js';

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

  /** A page of emails, newest first; `q` finds words in the recipient or the subject. */
  async function page(context: TenantContext, filter: { page?: number; q?: string } = {}) {
    const words = filter.q ? `%${escapeLike(filter.q)}%` : null;
    const rows = await inTenant(db, context, (tx) =>
      tx
        .select()
        .from(mailOutbox)
        .where(
          and(
            words
              ? or(ilike(mailOutbox.recipient, words), ilike(mailOutbox.subject, words))
              : undefined,
          ),
        )
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(OUTBOX_PAGE_SIZE + 1)
        .offset(((filter.page ?? 1) - 1) * OUTBOX_PAGE_SIZE),
    );
    // One row more than a page says whether there is another page, without counting them all.
    return { messages: rows.slice(0, OUTBOX_PAGE_SIZE), hasOlder: rows.length > OUTBOX_PAGE_SIZE };
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
