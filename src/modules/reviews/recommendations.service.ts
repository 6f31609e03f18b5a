import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { staleEditMessage, violatesUnique } from '../../platform/records.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import {
  ACTION_STATUSES,
  STATUS_TAG_CLASSES,
  type ActionStatus,
} from '../actions/action-status.js';
import type { ActionsService } from '../actions/actions.service.js';
import type { ActionInput } from '../actions/actions.forms.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { childNamesOf, mentionsChild } from './child-mentions.js';
import { planProgress, recommendationProgress } from './recommendation-progress.js';
import {
  agenciesOfRecommendations,
  findRecommendation,
  insertNumberedRecommendation,
  recommendationIdsOf,
  recommendationsOfCase,
  replaceRecommendationAgencies,
  updateRecommendation,
  type RecommendationRow,
} from './recommendations.repository.js';
import { NAMES_A_CHILD, type RecommendationInput } from './recommendations.forms.js';
import { teamCaseIn } from './team-case.js';

export interface RecommendationsDependencies {
  db: Database;
  audit: AuditService;
  governance: GovernanceService;
  actions: ActionsService;
  cipher: FieldCipher;
}

/** Two people adding a recommendation at once can both pick the next number: try again. */
const NUMBERING_ATTEMPTS = 3;

type ActionRow = Awaited<ReturnType<ActionsService['ofRecommendations']>>[number];
/** An action as the action plan shows it: its status in words, with evidence of completion. */
const planLine = (row: ActionRow) => ({
  id: row.action.id,
  title: row.action.title,
  ownerName: row.ownerName,
  agencyName: row.agencyName,
  dueOn: row.action.dueOn,
  statusName: ACTION_STATUSES.names[row.action.status as ActionStatus],
  statusTag: STATUS_TAG_CLASSES[row.action.status as ActionStatus],
  overdue: row.overdue,
  closingEvidence: row.action.closingEvidence,
  cancelReason: row.action.cancelReason,
});

const progressOf = (rows: ActionRow[]) =>
  recommendationProgress(rows.map((row) => ({ status: row.action.status, overdue: row.overdue })));

/**
 * A review's recommendations, the agencies each applies to, and their actions, which live
 * in the partnership's one action log. Only the case team reads or changes them. Audit
 * events say which recommendation changed, never its words: administrators outside the
 * team read the audit trail.
 */
export function buildRecommendationsService({
  db,
  audit,
  governance,
  actions,
  cipher,
}: RecommendationsDependencies) {
  /** Agencies a recommendation may name: the open ones, and any it already names. */
  async function agencyErrors(
    context: TenantContext,
    agencyIds: string[],
    kept: string[] = [],
  ): Promise<FieldErrors> {
    const known = new Set([
      ...(await governance.agencies.all(context)).map((each) => each.id),
      ...kept,
    ]);
    return agencyIds.every((id) => known.has(id))
      ? {}
      : { agencyIds: 'Select agencies from the list' };
  }

  async function textErrors(tx: Executor, caseId: string, text: string): Promise<FieldErrors> {
    return mentionsChild(text, await childNamesOf(tx, cipher, caseId))
      ? { text: NAMES_A_CHILD.recommendation }
      : {};
  }

  async function add(
    context: TenantContext,
    caseId: string,
    input: RecommendationInput,
  ): Promise<Outcome<{ id: string; number: number }> | null> {
    const agencyProblems = await agencyErrors(context, input.agencyIds);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTenant(db, context, async (tx) => {
          if (!(await teamCaseIn(tx, context, caseId))) return null;
          const errors = { ...(await textErrors(tx, caseId, input.text)), ...agencyProblems };
          if (Object.keys(errors).length > 0) return failure(errors);
          const row = await insertNumberedRecommendation(tx, {
            partnershipId: context.partnershipId,
            caseId,
            text: input.text,
          });
          await replaceRecommendationAgencies(tx, context.partnershipId, row.id, input.agencyIds);
          await audit.record(tx, context, {
            action: 'reviews.recommendation_added',
            entityType: 'recommendation',
            entityId: row.id,
            after: { caseId, number: row.number, agencyIds: input.agencyIds },
          });
          return success({ id: row.id, number: row.number });
        });
      } catch (error) {
        if (attempt < NUMBERING_ATTEMPTS && violatesUnique(error, 'recommendation_number_key'))
          continue;
        throw error;
      }
    }
  }

  async function recommendationIn(
    tx: Executor,
    context: TenantContext,
    caseId: string,
    recommendationId: string,
  ) {
    const found = await teamCaseIn(tx, context, caseId);
    const row = found && (await findRecommendation(tx, caseId, recommendationId));
    if (!found || !row) return null;
    const agencies = await agenciesOfRecommendations(tx, [row.id]);
    return {
      reviewCase: { id: found.id, reference: found.reference },
      recommendation: row,
      agencies: agencies.map(({ id, name }) => ({ id, name })),
    };
  }

  /** One recommendation and the agencies it names, for its team; showing it is audited. */
  const find = (context: TenantContext, caseId: string, recommendationId: string) =>
    audit.readSensitive(context, { entityType: 'review_case', entityId: caseId }, (tx) =>
      recommendationIn(tx, context, caseId, recommendationId),
    );

  async function change(
    context: TenantContext,
    caseId: string,
    recommendationId: string,
    input: RecommendationInput,
  ): Promise<Outcome<RecommendationRow> | null> {
    const current = await inTenant(db, context, (tx) =>
      recommendationIn(tx, context, caseId, recommendationId),
    );
    if (!current) return null;
    const kept = current.agencies.map((each) => each.id);
    const agencyProblems = await agencyErrors(context, input.agencyIds, kept);
    return inTenant(db, context, async (tx) => {
      if (!(await teamCaseIn(tx, context, caseId))) return null;
      const errors = { ...(await textErrors(tx, caseId, input.text)), ...agencyProblems };
      if (Object.keys(errors).length > 0) return failure(errors);
      const saved = await updateRecommendation(
        tx,
        recommendationId,
        input.version ?? current.recommendation.version,
        { text: input.text },
      );
      if (!saved)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'recommendation',
            entityId: recommendationId,
            noun: 'recommendation',
          }),
        });
      await replaceRecommendationAgencies(tx, context.partnershipId, saved.id, input.agencyIds);
      await audit.record(tx, context, {
        action: 'reviews.recommendation_changed',
        entityType: 'recommendation',
        entityId: saved.id,
        before: { number: saved.number, agencyIds: kept },
        after: {
          number: saved.number,
          agencyIds: input.agencyIds,
          textChanged: saved.text !== current.recommendation.text,
        },
      });
      return success(saved);
    });
  }

  /** An action for the recommendation in the partnership's action log. */
  async function addAction(
    context: TenantContext,
    caseId: string,
    recommendationId: string,
    input: ActionInput,
  ): Promise<Outcome<{ id: string }> | null> {
    const checked = await inTenant(db, context, async (tx) => {
      const found = await teamCaseIn(tx, context, caseId);
      const row = found && (await findRecommendation(tx, caseId, recommendationId));
      if (!found || !row) return null;
      const namesChild = mentionsChild(input.title, await childNamesOf(tx, cipher, caseId));
      return { reference: found.reference, number: row.number, namesChild };
    });
    if (!checked) return null;
    if (checked.namesChild) return failure({ title: NAMES_A_CHILD.action });
    return actions.createForRecommendation(
      context,
      { recommendationId, caseReference: checked.reference, number: checked.number },
      input,
    );
  }

  const groupedByRecommendation = (rows: ActionRow[]) => {
    const grouped = new Map<string, ActionRow[]>();
    for (const row of rows) {
      const key = row.action.recommendationId!;
      grouped.set(key, [...(grouped.get(key) ?? []), row]);
    }
    return grouped;
  };

  /** The case page's action plan: each recommendation, its agencies, actions and progress. */
  async function ofCase(context: TenantContext, caseId: string) {
    const loaded = await inTenant(db, context, async (tx) => {
      if (!(await teamCaseIn(tx, context, caseId))) return null;
      const rows = await recommendationsOfCase(tx, caseId);
      const agencies = await agenciesOfRecommendations(
        tx,
        rows.map((row) => row.id),
      );
      return { rows, agencies };
    });
    if (!loaded) return null;
    const actionsOf = groupedByRecommendation(
      await actions.ofRecommendations(
        context,
        loaded.rows.map((row) => row.id),
      ),
    );
    const items = loaded.rows.map((row) => {
      const planned = actionsOf.get(row.id) ?? [];
      return {
        recommendation: row,
        agencies: loaded.agencies.filter((each) => each.recommendationId === row.id),
        actions: planned.map(planLine),
        progress: progressOf(planned),
      };
    });
    return { items, progress: planProgress(items.map((item) => item.progress)) };
  }

  /**
   * For the yearly report: how many recommendations there are, of the given cases or of
   * all, and how many are complete. Counts only, so no case team is needed.
   */
  async function completionFigures(context: TenantContext, caseIds?: string[]) {
    if (caseIds?.length === 0) return { recommendations: 0, completed: 0 };
    const ids = await inTenant(db, context, (tx) => recommendationIdsOf(tx, caseIds));
    const actionsOf = groupedByRecommendation(await actions.ofRecommendations(context, ids));
    const progress = ids.map((id) => progressOf(actionsOf.get(id) ?? []));
    return {
      recommendations: ids.length,
      completed: progress.filter((each) => each.complete).length,
    };
  }

  return { add, find, change, addAction, ofCase, completionFigures };
}

export type RecommendationsService = ReturnType<typeof buildRecommendationsService>;
