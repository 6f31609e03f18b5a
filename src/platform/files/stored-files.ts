import { eq } from 'drizzle-orm';
import type { Executor, TenantContext } from '../../db/client.js';
import { storedFile } from '../../db/schema/index.js';
import type { DocumentCheck } from './documents.js';

type Document = Extract<DocumentCheck, { ok: true }>['document'];

/** Stores a checked document in the caller's transaction; gives back its id. */
export async function storeDocument(tx: Executor, context: TenantContext, document: Document) {
  const [row] = await tx
    .insert(storedFile)
    .values({ ...document, partnershipId: context.partnershipId, uploadedBy: context.userId })
    .returning({ id: storedFile.id });
  return row!.id;
}

export async function findStoredFile(tx: Executor, id: string) {
  const [row] = await tx.select().from(storedFile).where(eq(storedFile.id, id));
  return row ?? null;
}

/** Name, size and date of a stored file, without its bytes. */
export async function describeStoredFile(tx: Executor, id: string) {
  const [row] = await tx
    .select({
      id: storedFile.id,
      fileName: storedFile.fileName,
      contentType: storedFile.contentType,
      byteSize: storedFile.byteSize,
      createdAt: storedFile.createdAt,
    })
    .from(storedFile)
    .where(eq(storedFile.id, id));
  return row ?? null;
}
