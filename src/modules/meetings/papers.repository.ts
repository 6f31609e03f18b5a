import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { agendaItem, paper, storedFile } from '../../db/schema/index.js';

export type PaperRow = typeof paper.$inferSelect;

export async function insertPaper(tx: Executor, values: typeof paper.$inferInsert) {
  const [row] = await tx.insert(paper).values(values).returning();
  return row!;
}

/** The papers of a meeting still offered (not withdrawn), with their file's name and size. */
export function papersOfMeeting(tx: Executor, meetingId: string) {
  return tx
    .select({
      paper,
      fileName: storedFile.fileName,
      byteSize: storedFile.byteSize,
    })
    .from(paper)
    .innerJoin(agendaItem, eq(agendaItem.id, paper.agendaItemId))
    .innerJoin(storedFile, eq(storedFile.id, paper.fileId))
    .where(and(eq(agendaItem.meetingId, meetingId), isNull(paper.withdrawnAt)))
    .orderBy(asc(paper.createdAt));
}

/** A paper with the meeting its item belongs to. */
export async function findPaper(tx: Executor, id: string) {
  const [row] = await tx
    .select({ paper, meetingId: agendaItem.meetingId })
    .from(paper)
    .innerJoin(agendaItem, eq(agendaItem.id, paper.agendaItemId))
    .where(eq(paper.id, id));
  return row ?? null;
}

export async function withdrawPaper(tx: Executor, id: string, at: Date) {
  const [row] = await tx
    .update(paper)
    .set({ withdrawnAt: at })
    .where(and(eq(paper.id, id), isNull(paper.withdrawnAt)))
    .returning();
  return row ?? null;
}
