import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { staleEditMessage, violatesUnique } from '../../platform/records.js';
import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import { findCase, isOnTeam, type CaseRow } from './cases.repository.js';
import {
  delaysOf,
  draftRequestsOf,
  findPracticeReview,
  insertDelay,
  insertDraftRequest,
  insertMilestone,
  insertPracticeReview,
  lockPracticeReview,
  milestonesOf,
  rapidReviewOutcome,
  updateMilestone,
  updatePracticeReview,
  type PracticeReviewRow,
} from './practice-reviews.repository.js';
import type {
  DecisionInput,
  DelayInput,
  DraftRequestInput,
  FinalReportInput,
  MilestoneInput,
  PublicationInput,
} from './practice-reviews.forms.js';
import {
  publicationNotice,
  publicationRefusal,
  publicationTarget,
  shortNoticeWarning,
} from './publication.js';

export interface PracticeReviewsDependencies {
  db: Database;
  audit: AuditService;
  calendar: CalendarService;
}

export const NOT_A_LOCAL_REVIEW =
  "A practice review is held only when the rapid review's outcome is a local review (LCSPR). Record that outcome on the rapid review first.";
export const PUBLICATION_SETTLED =
  'The publication of this review is recorded, so no delay can be recorded. Change the publication first if it has not happened.';

const REVIEW_ENTITY = 'practice_review';
const day = (date: IsoDate) => ukDate(`${date}T12:00:00Z`);

/** The date a review is now due to be published: the latest delay's, else the target. */
function currentTarget(review: PracticeReviewRow, latestRevision: IsoDate | undefined) {
  return latestRevision ?? review.targetOn;
}

/** Published, or decided not to be: either way the review's clock has stopped. */
const publicationSettled = (review: PracticeReviewRow) =>
  Boolean(review.publishedOn || review.notPublishedReason);

/** The short-notice warning for a review published sooner than expected after its report. */
function shortNoticeOf(review: PracticeReviewRow, found: CaseRow, working: WorkingCalendar) {
  if (!review.publishedOn) return null;
  const notice = publicationNotice(
    {
      reportSentOn: review.finalReportSentOn,
      publishedOn: review.publishedOn,
      expected: found.finalReportWorkingDays,
    },
    working,
  );
  return notice.kind === 'short_notice' ? shortNoticeWarning(notice) : null;
}

/** Dates something happened on: not after today, not before `earliest`. */
function happenedOn(
  field: string,
  label: string,
  date: IsoDate,
  today: IsoDate,
  earliest?: { on: IsoDate | null | undefined; what: string },
): FieldErrors {
  if (date > today) return { [field]: `${label} must be today or in the past` };
  if (earliest?.on && date < earliest.on)
    return { [field]: `${label} must be on or after ${earliest.what} (${day(earliest.on)})` };
  return {};
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/**
 * The local child safeguarding practice review of a case: the decision to hold it, its
 * milestones, the draft requests put to the reviewer in writing (reg. 14), its delays, the
 * final report to the Panel and the Secretary of State, and its publication. Only the case
 * team reads or changes it; every change is audited without the texts people typed, which
 * may name a child.
 */
export function buildPracticeReviewsService({ db, audit, calendar }: PracticeReviewsDependencies) {
  async function teamCase(tx: Executor, context: TenantContext, caseId: string) {
    if (!context.userId || !(await isOnTeam(tx, caseId, context.userId))) return null;
    return findCase(tx, caseId);
  }

  async function load(
    tx: Executor,
    context: TenantContext,
    caseId: string,
    working: WorkingCalendar,
  ) {
    const found = await teamCase(tx, context, caseId);
    if (!found) return null;
    const reviewCase = {
      id: found.id,
      reference: found.reference,
      kind: found.kind,
      practiceReviewMonths: found.practiceReviewMonths,
      finalReportWorkingDays: found.finalReportWorkingDays,
    };
    const review = await findPracticeReview(tx, caseId);
    if (!review) {
      const rapid = await rapidReviewOutcome(tx, caseId);
      const refusal = rapid?.outcome === 'local_review' ? null : NOT_A_LOCAL_REVIEW;
      return {
        reviewCase,
        refusal,
        review,
        currentTarget: null,
        latestDelay: null,
        settled: false,
        shortNotice: null,
        milestones: [],
        draftRequests: [],
        delays: [],
      };
    }
    const today = calendar.today();
    const delays = await delaysOf(tx, caseId);
    const milestones = (await milestonesOf(tx, caseId)).map((milestone) => ({
      ...milestone,
      overdue: milestone.status !== 'done' && milestone.dueOn < today,
    }));
    return {
      reviewCase,
      refusal: null,
      review,
      currentTarget: currentTarget(review, delays[0]?.revisedOn),
      latestDelay: delays[0] ?? null,
      settled: publicationSettled(review),
      shortNotice: shortNoticeOf(review, found, working),
      milestones,
      draftRequests: await draftRequestsOf(tx, caseId),
      delays,
    };
  }

  /** For the case page, whose opening is already the audited view; null outside the team. */
  async function ofCase(context: TenantContext, caseId: string) {
    const working = await calendar.workingCalendar(context);
    return inTenant(db, context, (tx) => load(tx, context, caseId, working));
  }

  /** For the review's own pages: the view is written to the audit trail. */
  async function open(context: TenantContext, caseId: string) {
    const working = await calendar.workingCalendar(context);
    return audit.readSensitive(context, { entityType: 'review_case', entityId: caseId }, (tx) =>
      load(tx, context, caseId, working),
    );
  }

  const stale = (tx: Executor, entityType: string, entityId: string, noun: string) =>
    staleEditMessage(audit, tx, { entityType, entityId, noun });
  const staleReview = (tx: Executor, caseId: string) =>
    stale(tx, REVIEW_ENTITY, caseId, 'practice review');

  /** Decides to hold the review, or changes the decision; the target follows the date. */
  async function saveDecision(
    context: TenantContext,
    caseId: string,
    input: DecisionInput,
  ): Promise<Outcome<{ decided: boolean }> | null> {
    const today = calendar.today();
    try {
      return await inTenant(db, context, async (tx) => {
        const found = await teamCase(tx, context, caseId);
        if (!found) return null;
        const existing = await findPracticeReview(tx, caseId);
        const rapid = await rapidReviewOutcome(tx, caseId);
        if (!existing && rapid?.outcome !== 'local_review')
          return failure({ refusal: NOT_A_LOCAL_REVIEW });
        const errors = happenedOn('decidedOn', 'The date of the decision', input.decidedOn, today, {
          on: rapid?.decidedOn,
          what: "the rapid review's decision",
        });
        const reportSentOn = existing?.finalReportSentOn;
        if (!hasErrors(errors) && reportSentOn && input.decidedOn > reportSentOn)
          errors.decidedOn = `The date of the decision must be on or before the date the final report was sent (${day(reportSentOn)})`;
        if (hasErrors(errors)) return failure(errors);
        const decision = {
          decidedOn: input.decidedOn,
          methodology: input.methodology,
          reviewers: input.reviewers,
          termsOfReference: input.termsOfReference,
          targetOn: publicationTarget(input.decidedOn, found.practiceReviewMonths),
        };
        if (!existing) {
          await insertPracticeReview(tx, {
            caseId,
            partnershipId: context.partnershipId,
            ...decision,
          });
          await audit.record(tx, context, {
            action: 'reviews.practice_review_decided',
            entityType: REVIEW_ENTITY,
            entityId: caseId,
            after: { decidedOn: decision.decidedOn, targetOn: decision.targetOn },
          });
          return success({ decided: true });
        }
        const saved = await updatePracticeReview(
          tx,
          caseId,
          input.version ?? existing.version,
          decision,
        );
        if (!saved) return failure({ form: await staleReview(tx, caseId) });
        await audit.record(tx, context, {
          action: 'reviews.practice_review_changed',
          entityType: REVIEW_ENTITY,
          entityId: caseId,
          before: { decidedOn: existing.decidedOn, targetOn: existing.targetOn },
          after: {
            decidedOn: saved.decidedOn,
            targetOn: saved.targetOn,
            textsChanged: (['methodology', 'reviewers', 'termsOfReference'] as const).filter(
              (field) => existing[field] !== saved[field],
            ),
          },
        });
        return success({ decided: false });
      });
    } catch (error) {
      if (violatesUnique(error, 'practice_review_pkey'))
        return failure({
          form: 'Someone else recorded the decision to hold this review while you were filling in the form. Check it, then change it if need be.',
        });
      throw error;
    }
  }

  /** Runs `work` on the case's review, for the team only; null (404) when there is none. */
  function withReview<T>(
    context: TenantContext,
    caseId: string,
    work: (tx: Executor, found: CaseRow, review: PracticeReviewRow) => Promise<Outcome<T> | null>,
    options: { lock?: boolean } = {},
  ): Promise<Outcome<T> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await teamCase(tx, context, caseId);
      if (!found) return null;
      const review = await (options.lock ? lockPracticeReview : findPracticeReview)(tx, caseId);
      return review ? work(tx, found, review) : null;
    });
  }

  const addMilestone = (context: TenantContext, caseId: string, input: MilestoneInput) =>
    withReview(context, caseId, async (tx) => {
      const added = await insertMilestone(tx, {
        partnershipId: context.partnershipId,
        caseId,
        title: input.title,
        dueOn: input.dueOn,
        status: input.status,
      });
      await audit.record(tx, context, {
        action: 'reviews.milestone_added',
        entityType: 'review_milestone',
        entityId: added.id,
        after: { caseId, dueOn: added.dueOn, status: added.status },
      });
      return success(added);
    });

  function changeMilestone(
    context: TenantContext,
    caseId: string,
    milestoneId: string,
    input: MilestoneInput,
  ) {
    return withReview(context, caseId, async (tx) => {
      const current = (await milestonesOf(tx, caseId)).find((each) => each.id === milestoneId);
      if (!current) return null;
      const saved = await updateMilestone(
        tx,
        caseId,
        milestoneId,
        input.version ?? current.version,
        { title: input.title, dueOn: input.dueOn, status: input.status },
      );
      if (!saved)
        return failure({ form: await stale(tx, 'review_milestone', milestoneId, 'milestone') });
      await audit.record(tx, context, {
        action: 'reviews.milestone_changed',
        entityType: 'review_milestone',
        entityId: milestoneId,
        before: { caseId, dueOn: current.dueOn, status: current.status },
        after: { caseId, dueOn: saved.dueOn, status: saved.status },
      });
      return success(saved);
    });
  }

  function requestDraft(context: TenantContext, caseId: string, input: DraftRequestInput) {
    const today = calendar.today();
    return withReview(context, caseId, async (tx, _found, review) => {
      const errors = happenedOn(
        'requestedOn',
        'The date of the request',
        input.requestedOn,
        today,
        {
          on: review.decidedOn,
          what: 'the decision to hold the review',
        },
      );
      if (hasErrors(errors)) return failure(errors);
      await insertDraftRequest(tx, {
        partnershipId: context.partnershipId,
        caseId,
        requestedOn: input.requestedOn,
        request: input.request,
        requestedBy: context.userId,
      });
      await audit.record(tx, context, {
        action: 'reviews.draft_requested',
        entityType: REVIEW_ENTITY,
        entityId: caseId,
        after: { requestedOn: input.requestedOn },
      });
      return success(true as const);
    });
  }

  /** A delay moves the publication date on: only ever later than the date it replaces. */
  function recordDelay(context: TenantContext, caseId: string, input: DelayInput) {
    return withReview(
      context,
      caseId,
      async (tx, _found, review) => {
        if (publicationSettled(review)) return failure({ refusal: PUBLICATION_SETTLED });
        const target = currentTarget(review, (await delaysOf(tx, caseId))[0]?.revisedOn);
        if (input.revisedOn <= target)
          return failure({
            revisedOn: `The revised date must be after the current target date, ${day(target)}`,
          });
        await insertDelay(tx, {
          partnershipId: context.partnershipId,
          caseId,
          reason: input.reason,
          revisedOn: input.revisedOn,
          recordedBy: context.userId,
        });
        await audit.record(tx, context, {
          action: 'reviews.delay_recorded',
          entityType: REVIEW_ENTITY,
          entityId: caseId,
          before: { targetOn: target },
          after: { targetOn: input.revisedOn },
        });
        return success(true as const);
      },
      { lock: true },
    );
  }

  async function recordFinalReport(
    context: TenantContext,
    caseId: string,
    input: FinalReportInput,
  ) {
    const today = calendar.today();
    const working = await calendar.workingCalendar(context);
    return withReview(context, caseId, async (tx, found, review) => {
      const sentOn = input.finalReportSentOn;
      const errors = happenedOn(
        'finalReportSentOn',
        'The date the report was sent',
        sentOn,
        today,
        {
          on: review.decidedOn,
          what: 'the decision to hold the review',
        },
      );
      if (!hasErrors(errors) && review.publishedOn) {
        const notice = publicationNotice(
          {
            reportSentOn: sentOn,
            publishedOn: review.publishedOn,
            expected: found.finalReportWorkingDays,
          },
          working,
        );
        const refusal = publicationRefusal(notice);
        if (refusal)
          errors.finalReportSentOn = `The date the report was sent must be on or before the publication date (${day(review.publishedOn)})`;
        else if (notice.kind === 'short_notice' && !review.shortNoticeReason)
          errors.finalReportSentOn = `${shortNoticeWarning(notice)}. Record the reason for publishing sooner with the publication first`;
      }
      if (hasErrors(errors)) return failure(errors);
      const saved = await updatePracticeReview(tx, caseId, input.version ?? review.version, {
        finalReportSentOn: sentOn,
      });
      if (!saved) return failure({ form: await staleReview(tx, caseId) });
      await audit.record(tx, context, {
        action: 'reviews.final_report_sent',
        entityType: REVIEW_ENTITY,
        entityId: caseId,
        before: { finalReportSentOn: review.finalReportSentOn },
        after: { finalReportSentOn: sentOn },
      });
      return success(saved);
    });
  }

  /**
   * The publication (date and link) or the reason there is none. Publishing sooner than
   * the expected working days after the final report needs a reason, kept with the review.
   */
  async function recordPublication(
    context: TenantContext,
    caseId: string,
    input: PublicationInput,
  ) {
    const today = calendar.today();
    const working = await calendar.workingCalendar(context);
    return withReview(context, caseId, async (tx, found, review) => {
      const { publishedOn } = input;
      let shortNoticeReason: string | null = null;
      if (publishedOn) {
        if (publishedOn > today)
          return failure({ publishedOn: 'The publication date must be today or in the past' });
        const notice = publicationNotice(
          {
            reportSentOn: review.finalReportSentOn,
            publishedOn,
            expected: found.finalReportWorkingDays,
          },
          working,
        );
        const refusal = publicationRefusal(notice);
        if (refusal) return failure({ publishedOn: refusal });
        if (notice.kind === 'short_notice') {
          if (!input.shortNoticeReason)
            return failure({
              shortNoticeReason: `${shortNoticeWarning(notice)}. Enter the reason for publishing on this date, or choose a later date`,
            });
          shortNoticeReason = input.shortNoticeReason;
        }
      }
      const saved = await updatePracticeReview(tx, caseId, input.version ?? review.version, {
        publishedOn,
        publicationUrl: publishedOn ? input.publicationUrl : null,
        notPublishedReason: publishedOn ? null : input.notPublishedReason,
        shortNoticeReason,
      });
      if (!saved) return failure({ form: await staleReview(tx, caseId) });
      await audit.record(tx, context, {
        action: 'reviews.publication_recorded',
        entityType: REVIEW_ENTITY,
        entityId: caseId,
        before: publicationFacts(review),
        after: publicationFacts(saved),
      });
      return success(saved);
    });
  }

  return {
    ofCase,
    open,
    saveDecision,
    addMilestone,
    changeMilestone,
    requestDraft,
    recordDelay,
    recordFinalReport,
    recordPublication,
  };
}

/** What the audit trail keeps of a publication: dates and whether reasons were given. */
function publicationFacts(review: PracticeReviewRow) {
  return {
    publishedOn: review.publishedOn,
    linked: review.publicationUrl !== null,
    notPublished: review.notPublishedReason !== null,
    shortNotice: review.shortNoticeReason !== null,
  };
}

export type PracticeReviewsService = ReturnType<typeof buildPracticeReviewsService>;
export type PracticeReviewFile = NonNullable<Awaited<ReturnType<PracticeReviewsService['ofCase']>>>;
