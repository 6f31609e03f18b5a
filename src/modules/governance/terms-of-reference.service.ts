import { inTenant, type TenantContext } from '../../db/client.js';
import {
  describeStoredFile,
  findStoredFile,
  storeDocument,
} from '../../platform/files/stored-files.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { findBody, updateBody } from './bodies.repository.js';
import { registryTools, type RegistryDependencies } from './registry-context.js';
import type { TermsOfReferenceInput } from './terms-of-reference.forms.js';

class StaleBody extends Error {}

/** Each body's terms of reference: the current document and when it is next reviewed. */
export function buildTermsOfReferenceService(dependencies: RegistryDependencies) {
  const { db } = dependencies;
  const tools = registryTools(dependencies);

  /** The body with a description (not the bytes) of its current document. */
  function current(context: TenantContext, bodyId: string) {
    return inTenant(db, context, async (tx) => {
      const body = await findBody(tx, bodyId);
      if (!body) return null;
      const file = body.termsOfReferenceFileId
        ? await describeStoredFile(tx, body.termsOfReferenceFileId)
        : null;
      return { body, file };
    });
  }

  /** Stores the document and points the body at it, with its review date, all or nothing. */
  async function upload(
    context: TenantContext,
    bodyId: string,
    input: TermsOfReferenceInput,
  ): Promise<Outcome<true>> {
    try {
      return await inTenant(db, context, async (tx) => {
        const before = await findBody(tx, bodyId);
        if (!before) return failure({ body: 'not found' });
        const fileId = await storeDocument(tx, context, input.document);
        const after = await updateBody(tx, bodyId, input.version, {
          termsOfReferenceFileId: fileId,
          termsOfReferenceReviewDueOn: input.reviewDueOn,
        });
        // Someone changed the body meanwhile: throwing undoes the stored file too.
        if (!after) throw new StaleBody(await tools.stale(tx, 'body', bodyId, 'body'));
        await tools.changed(tx, context, 'body.terms_of_reference_uploaded', 'body', bodyId, {
          before: {
            fileId: before.termsOfReferenceFileId,
            reviewDueOn: before.termsOfReferenceReviewDueOn,
          },
          after: {
            fileId,
            fileName: input.document.fileName,
            byteSize: input.document.byteSize,
            sha256: input.document.sha256,
            reviewDueOn: input.reviewDueOn,
          },
        });
        return success(true);
      });
    } catch (error) {
      if (error instanceof StaleBody) return failure({ form: error.message });
      throw error;
    }
  }

  /** The current document, bytes included, for download. */
  function file(context: TenantContext, bodyId: string) {
    return inTenant(db, context, async (tx) => {
      const body = await findBody(tx, bodyId);
      if (!body?.termsOfReferenceFileId) return null;
      return findStoredFile(tx, body.termsOfReferenceFileId);
    });
  }

  return { current, upload, file };
}

export type TermsOfReferenceService = ReturnType<typeof buildTermsOfReferenceService>;
