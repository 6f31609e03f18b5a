import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { ukToday } from '../../platform/date-input.js';
import { findStoredFile, storeDocument } from '../../platform/files/stored-files.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import type { MailService } from '../../platform/mail/mail.service.js';
import { staleEditMessage, violatesUnique } from '../../platform/records.js';
import type { AccountService } from '../account/account.service.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { buildAmendmentsService } from './amendments.service.js';
import type { ReviewDateInput, VersionInput } from './arrangements.forms.js';
import {
  findReview,
  findVersion,
  insertReview,
  insertVersion,
  listVersions,
  updateReview,
} from './arrangements.repository.js';
import { reviewOverdue, yearAfter } from './review-date.js';

export interface ArrangementsDependencies {
  db: Database;
  audit: AuditService;
  mail: MailService;
  clock: Clock;
  accounts: AccountService;
  governance: GovernanceService;
  publicUrl: string;
}

/**
 * The published arrangements (section 26): their versions with files, the yearly review
 * date, and members' requests to amend them.
 */
export function buildArrangementsService(dependencies: ArrangementsDependencies) {
  const { db, audit, clock } = dependencies;
  const today = () => ukToday(clock.now());

  /** The version-control table, the review date and, for the person asking, their requests. */
  function overview(context: TenantContext) {
    return inTenant(db, context, async (tx) => {
      const review = await findReview(tx);
      return {
        versions: await listVersions(tx),
        review: review && {
          ...review,
          overdue: reviewOverdue(review.nextReviewDueOn, today()),
        },
      };
    });
  }

  async function addVersion(
    context: TenantContext,
    input: VersionInput,
  ): Promise<Outcome<{ id: string }>> {
    if (input.issuedOn > today())
      return failure({ issuedOn: 'Date of the version must be today or in the past' });
    try {
      // The unique index, not a look beforehand, decides: of two people adding V2.1 at once, one wins.
      return await inTenant(db, context, async (tx) => {
        const fileId = await storeDocument(tx, context, input.document);
        const { document, ...values } = input;
        const row = await insertVersion(tx, {
          ...values,
          partnershipId: context.partnershipId,
          fileId,
        });
        await audit.record(tx, context, {
          action: 'arrangements.version_added',
          entityType: 'arrangements_version',
          entityId: row.id,
          after: { ...values, fileName: document.fileName, sha256: document.sha256 },
        });
        return success({ id: row.id });
      });
    } catch (error) {
      if (violatesUnique(error, 'arrangements_version_number_key'))
        return failure({
          versionNumber: `Version ${input.versionNumber} already exists: give this version a different number`,
        });
      throw error;
    }
  }

  /** A version's document, bytes included, for download. */
  function versionFile(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const version = await findVersion(tx, id);
      return version?.fileId ? findStoredFile(tx, version.fileId) : null;
    });
  }

  /** The review date as stored, or a year after the latest version as a suggestion. */
  function reviewDate(context: TenantContext) {
    return inTenant(db, context, async (tx) => {
      const review = await findReview(tx);
      if (review) return { nextReviewDueOn: review.nextReviewDueOn, version: review.version };
      const latest = (await listVersions(tx)).at(-1);
      return {
        nextReviewDueOn: latest ? yearAfter(latest.version.issuedOn) : null,
        version: 0,
      };
    });
  }

  function setReviewDate(context: TenantContext, input: ReviewDateInput): Promise<Outcome<true>> {
    return inTenant(db, context, async (tx) => {
      const before = await findReview(tx);
      const after =
        input.version === 0
          ? await insertReview(tx, context.partnershipId, input.nextReviewDueOn)
          : await updateReview(tx, context.partnershipId, input.version, input.nextReviewDueOn);
      if (!after)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'arrangements_review',
            entityId: context.partnershipId,
            noun: 'review date',
          }),
        });
      await audit.record(tx, context, {
        action: 'arrangements.review_date_changed',
        entityType: 'arrangements_review',
        entityId: context.partnershipId,
        before: { nextReviewDueOn: before?.nextReviewDueOn ?? null },
        after: { nextReviewDueOn: after.nextReviewDueOn },
      });
      return success(true);
    });
  }

  return {
    overview,
    addVersion,
    versionFile,
    reviewDate,
    setReviewDate,
    amendments: buildAmendmentsService(dependencies),
  };
}

export type ArrangementsService = ReturnType<typeof buildArrangementsService>;
