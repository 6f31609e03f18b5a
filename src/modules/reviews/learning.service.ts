import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import type { DownloadableDocument } from '../../platform/http/downloads.js';
import { staleEditMessage } from '../../platform/records.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { toCaseFacts } from './case-facts.js';
import type { CaseFacts } from './case-progress.js';
import { caseFacts } from './cases.repository.js';
import { childNamesOf, mentionsChild } from './child-mentions.js';
import { learningBriefingDocx } from './learning-briefing-docx.js';
import type { DisseminationInput, LearningPointInput } from './learning.forms.js';
import {
  disseminationsOfCase,
  findPoint,
  insertDissemination,
  insertPoint,
  pointsOfCase,
  updatePoint,
  type LearningPointRow,
} from './learning.repository.js';
import { NAMES_A_CHILD } from './recommendations.forms.js';
import { agenciesOfRecommendations, recommendationsOfCase } from './recommendations.repository.js';
import { teamCaseIn } from './team-case.js';

export interface LearningDependencies {
  db: Database;
  audit: AuditService;
  calendar: CalendarService;
  governance: GovernanceService;
  cipher: FieldCipher;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The kind of review in the briefing's words, from where the case has got to. */
export function kindOfReview(facts: CaseFacts): string {
  if (facts.kind === 'good_practice') return 'Good practice review';
  if (facts.practiceReview || facts.rapidReview?.outcome === 'local_review')
    return 'Local child safeguarding practice review';
  if (facts.rapidReview?.outcome === 'national_review')
    return 'Rapid review, referred to the national Panel for a national review';
  if (facts.rapidReview?.outcome === 'no_review')
    return 'Rapid review, with learning taken without a further review';
  return 'Serious incident: rapid review';
}

/** A file name from the reference alone, which is all a briefing may say of the case. */
export const briefingFileName = (reference: string) =>
  `${reference.replace(/[^\p{L}\p{N}-]+/gu, '-')}-learning-briefing.docx`;

/**
 * Learning from any review (good-practice cases included): its points, where it was shared
 * and when, and a briefing for wide circulation. Only the case team reads or records them;
 * audit events name the record, never its words.
 */
export function buildLearningService({
  db,
  audit,
  calendar,
  governance,
  cipher,
}: LearningDependencies) {
  async function textErrors(tx: Executor, caseId: string, text: string): Promise<FieldErrors> {
    return mentionsChild(text, await childNamesOf(tx, cipher, caseId))
      ? { text: NAMES_A_CHILD.learningPoint }
      : {};
  }

  /** The case's learning for its team: the points, and where it has been shared. */
  function ofCase(context: TenantContext, caseId: string) {
    return inTenant(db, context, async (tx) => {
      if (!(await teamCaseIn(tx, context, caseId))) return null;
      return {
        points: await pointsOfCase(tx, caseId),
        disseminations: (await disseminationsOfCase(tx, caseId)).map((row) => ({
          ...row,
          to: row.bodyName ?? row.agencyName ?? '',
        })),
      };
    });
  }

  /** A learning point for its team; showing it is audited as a view of the case. */
  function findLearningPoint(context: TenantContext, caseId: string, pointId: string) {
    return audit.readSensitive(
      context,
      { entityType: 'review_case', entityId: caseId },
      async (tx) => {
        const found = await teamCaseIn(tx, context, caseId);
        const point = found && (await findPoint(tx, caseId, pointId));
        if (!found || !point) return null;
        return { reviewCase: { id: found.id, reference: found.reference }, point };
      },
    );
  }

  function addPoint(
    context: TenantContext,
    caseId: string,
    input: LearningPointInput,
  ): Promise<Outcome<LearningPointRow> | null> {
    return inTenant(db, context, async (tx) => {
      if (!(await teamCaseIn(tx, context, caseId))) return null;
      const errors = await textErrors(tx, caseId, input.text);
      if (Object.keys(errors).length > 0) return failure(errors);
      const point = await insertPoint(tx, {
        partnershipId: context.partnershipId,
        caseId,
        text: input.text,
      });
      await audit.record(tx, context, {
        action: 'reviews.learning_point_added',
        entityType: 'learning_point',
        entityId: point.id,
        after: { caseId },
      });
      return success(point);
    });
  }

  function changePoint(
    context: TenantContext,
    caseId: string,
    pointId: string,
    input: LearningPointInput,
  ): Promise<Outcome<LearningPointRow> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await teamCaseIn(tx, context, caseId);
      const current = found && (await findPoint(tx, caseId, pointId));
      if (!found || !current) return null;
      const errors = await textErrors(tx, caseId, input.text);
      if (Object.keys(errors).length > 0) return failure(errors);
      const saved = await updatePoint(tx, pointId, input.version ?? current.version, {
        text: input.text,
      });
      if (!saved)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'learning_point',
            entityId: pointId,
            noun: 'learning point',
          }),
        });
      await audit.record(tx, context, {
        action: 'reviews.learning_point_changed',
        entityType: 'learning_point',
        entityId: pointId,
        after: { caseId, version: saved.version },
      });
      return success(saved);
    });
  }

  /** The recipient must be an open body or agency of the partnership. */
  async function recipientErrors(
    context: TenantContext,
    input: DisseminationInput,
  ): Promise<FieldErrors> {
    if (input.bodyId) {
      const bodies = await governance.bodies.all(context);
      if (!bodies.some((each) => each.id === input.bodyId))
        return { bodyId: 'Select a body from the list' };
    }
    if (input.agencyId) {
      const agencies = await governance.agencies.all(context);
      if (!agencies.some((each) => each.id === input.agencyId))
        return { agencyId: 'Select an agency from the list' };
    }
    return {};
  }

  /** Learning is shared after the case began and no later than today. */
  function dateErrors(on: string, awareOn: string): FieldErrors {
    if (on > calendar.today())
      return { disseminatedOn: 'The date the learning was shared must be today or in the past' };
    if (on < awareOn)
      return {
        disseminatedOn: `The date the learning was shared must be on or after ${ukDate(awareOn)}, when the case began`,
      };
    return {};
  }

  async function addDissemination(
    context: TenantContext,
    caseId: string,
    input: DisseminationInput,
  ): Promise<Outcome<true> | null> {
    const recipientProblems = await recipientErrors(context, input);
    return inTenant(db, context, async (tx) => {
      const found = await teamCaseIn(tx, context, caseId);
      if (!found) return null;
      const errors = { ...recipientProblems, ...dateErrors(input.disseminatedOn, found.awareOn) };
      if (Object.keys(errors).length > 0) return failure(errors);
      const row = await insertDissemination(tx, {
        partnershipId: context.partnershipId,
        caseId,
        bodyId: input.bodyId,
        agencyId: input.agencyId,
        disseminatedOn: input.disseminatedOn,
        recordedBy: context.userId,
      });
      await audit.record(tx, context, {
        action: 'reviews.learning_disseminated',
        entityType: 'review_case',
        entityId: caseId,
        after: {
          disseminationId: row.id,
          bodyId: row.bodyId,
          agencyId: row.agencyId,
          disseminatedOn: row.disseminatedOn,
        },
      });
      return success(true as const);
    });
  }

  /**
   * The learning briefing as a Word document, for the case team to circulate. It is built
   * from the reference, the kind of review and the recorded learning only, never from the
   * children; the download is in the audit trail.
   */
  async function briefing(
    context: TenantContext,
    caseId: string,
  ): Promise<DownloadableDocument | null> {
    const gathered = await inTenant(db, context, async (tx) => {
      const found = await teamCaseIn(tx, context, caseId);
      if (!found) return null;
      const [factsRow] = await caseFacts(tx, { ids: [caseId] });
      const recommendations = await recommendationsOfCase(tx, caseId);
      const agencies = await agenciesOfRecommendations(
        tx,
        recommendations.map((row) => row.id),
      );
      const gatheredLearning = {
        reference: found.reference,
        facts: toCaseFacts(factsRow!),
        points: await pointsOfCase(tx, caseId),
        recommendations,
        agencies,
        disseminations: await disseminationsOfCase(tx, caseId),
      };
      await audit.record(tx, context, {
        action: 'reviews.learning_briefing_downloaded',
        entityType: 'review_case',
        entityId: caseId,
      });
      return gatheredLearning;
    });
    if (!gathered) return null;
    const content = await learningBriefingDocx({
      reference: gathered.reference,
      kindOfReview: kindOfReview(gathered.facts),
      learningPoints: gathered.points.map((point) => point.text),
      recommendations: gathered.recommendations.map((row) => ({
        number: row.number,
        text: row.text,
        agencies: gathered.agencies
          .filter((each) => each.recommendationId === row.id)
          .map((each) => each.name),
      })),
      disseminations: gathered.disseminations.map((row) => ({
        to: row.bodyName ?? row.agencyName ?? '',
        on: row.disseminatedOn,
      })),
      producedOn: calendar.today(),
    });
    return { fileName: briefingFileName(gathered.reference), contentType: DOCX_TYPE, content };
  }

  return { ofCase, findLearningPoint, addPoint, changePoint, addDissemination, briefing };
}

export type LearningService = ReturnType<typeof buildLearningService>;
