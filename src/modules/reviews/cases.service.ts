import { randomUUID } from 'node:crypto';
import { inTenant, type Database, type Executor, type TenantContext } from '../../db/client.js';
import type { Clock } from '../../platform/clock.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type FieldErrors, type Outcome } from '../../platform/forms.js';
import { staleEditMessage, violatesUnique } from '../../platform/records.js';
import type { FieldCipher } from '../../platform/sealing/field-cipher.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { GovernanceService } from '../governance/governance.service.js';
import { openChild, sealChild } from './case-children.js';
import { toCaseFacts } from './case-facts.js';
import {
  agenciesOfCase,
  caseFacts,
  childrenOf,
  findCase,
  insertCase,
  insertChild,
  insertTeamMember,
  isOnTeam,
  replaceCaseAgencies,
  teamOf,
  updateCase,
  updateChild,
  type CaseRow,
} from './cases.repository.js';
import type {
  ChildInput,
  CloseInput,
  NotificationChange,
  NotificationInput,
} from './reviews.forms.js';

export interface CasesDependencies {
  db: Database;
  clock: Clock;
  audit: AuditService;
  calendar: CalendarService;
  governance: GovernanceService;
  cipher: FieldCipher;
}

export const MOST_CHILDREN = 4;

type ToldDates = Pick<
  NotificationInput,
  'awareOn' | 'panelNotifiedOn' | 'ofstedNotifiedOn' | 'partnersNotifiedOn'
>;

const TOLD = [
  ['panelNotifiedOn', 'The date the Panel was notified'],
  ['ofstedNotifiedOn', 'The date Ofsted and the DfE were notified'],
  ['partnersNotifiedOn', 'The date the safeguarding partners were told'],
] as const;

/** Nobody is told before the local authority knows, and nothing is recorded as happening tomorrow. */
function checkDates(dates: ToldDates, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (dates.awareOn > today)
    errors.awareOn = 'The date the local authority became aware must be today or in the past';
  for (const [field, label] of TOLD) {
    const told = dates[field];
    if (!told) continue;
    if (told < dates.awareOn)
      errors[field] =
        `${label} must be on or after the date the local authority became aware (${ukDate(`${dates.awareOn}T12:00:00Z`)})`;
    else if (told > today) errors[field] = `${label} must be today or in the past`;
  }
  return errors;
}

const childDetails = (input: ChildInput | NotificationInput) => ({
  name: input.childName,
  dateOfBirth: input.dateOfBirth,
  nhsNumber: input.nhsNumber,
  address: input.address,
});

/**
 * Cases and their case teams. Everything beyond a case's reference, stage and deadlines is
 * read through `open`, which lets in only the case team and writes a view to the audit
 * trail; children's details are sealed before they are stored and never audited.
 */
export function buildCasesService({
  db,
  clock,
  audit,
  calendar,
  governance,
  cipher,
}: CasesDependencies) {
  async function agencyErrors(context: TenantContext, agencyIds: string[]): Promise<FieldErrors> {
    if (agencyIds.length === 0) return {};
    const known = new Set((await governance.agencies.all(context)).map((each) => each.id));
    return agencyIds.every((id) => known.has(id))
      ? {}
      : { agencyIds: 'Select agencies from the list' };
  }

  async function notify(
    context: TenantContext,
    input: NotificationInput,
  ): Promise<Outcome<{ id: string; reference: string }>> {
    const errors = {
      ...checkDates(input, calendar.today()),
      ...(await agencyErrors(context, input.agencyIds)),
    };
    if (input.kind === 'serious_incident' && input.criteria.length === 0)
      errors.criteria = 'Select the criteria the incident meets';
    if (Object.keys(errors).length > 0) return failure(errors);
    const timescales = await calendar.timescales(context);
    const duplicate = failure({
      reference: `A case with the reference ${input.reference} already exists`,
    });
    try {
      return await inTenant(db, context, async (tx) => {
        const opened = await insertCase(tx, {
          partnershipId: context.partnershipId,
          reference: input.reference,
          kind: input.kind,
          awareOn: input.awareOn,
          criteria: input.criteria,
          panelNotifiedOn: input.panelNotifiedOn,
          ofstedNotifiedOn: input.ofstedNotifiedOn,
          partnersNotifiedOn: input.partnersNotifiedOn,
          notificationWorkingDays: timescales.notificationWorkingDays,
          rapidReviewWorkingDays: timescales.rapidReviewWorkingDays,
          panelResponseWorkingDays: timescales.panelResponseWorkingDays,
          practiceReviewMonths: timescales.practiceReviewMonths,
          finalReportWorkingDays: timescales.finalReportWorkingDays,
          createdBy: context.userId,
        });
        await addMember(tx, context, opened, context.userId!);
        await storeChild(tx, context, opened.id, 1, childDetails(input));
        await replaceCaseAgencies(tx, context.partnershipId, opened.id, input.agencyIds);
        await audit.record(tx, context, {
          action: 'reviews.case_opened',
          entityType: 'review_case',
          entityId: opened.id,
          after: { reference: opened.reference, kind: opened.kind, awareOn: opened.awareOn },
        });
        return success({ id: opened.id, reference: opened.reference });
      });
    } catch (error) {
      if (violatesUnique(error, 'review_case_reference_key')) return duplicate;
      throw error;
    }
  }

  async function storeChild(
    tx: Executor,
    context: TenantContext,
    caseId: string,
    position: number,
    child: ReturnType<typeof childDetails>,
  ) {
    const id = randomUUID();
    await insertChild(tx, {
      id,
      partnershipId: context.partnershipId,
      caseId,
      position,
      ...sealChild(cipher, id, child),
    });
    // The audit trail says a child was recorded, never who.
    await audit.record(tx, context, {
      action: 'reviews.child_recorded',
      entityType: 'review_case',
      entityId: caseId,
      after: { position },
    });
  }

  async function addMember(tx: Executor, context: TenantContext, found: CaseRow, userId: string) {
    await insertTeamMember(tx, {
      partnershipId: context.partnershipId,
      caseId: found.id,
      userId,
      addedBy: context.userId,
    });
  }

  /** The case if the user is on its team, in the caller's transaction; otherwise null. */
  async function teamCase(tx: Executor, context: TenantContext, caseId: string) {
    if (!context.userId || !(await isOnTeam(tx, caseId, context.userId))) return null;
    return findCase(tx, caseId);
  }

  /** For routes that change a case: the case when the user is on its team, else null (404). */
  const forTeam = (context: TenantContext, caseId: string) =>
    inTenant(db, context, (tx) => teamCase(tx, context, caseId));

  /** The whole case for its team, with the view written to the audit trail; null otherwise. */
  function open(context: TenantContext, caseId: string) {
    return audit.readSensitive(
      context,
      { entityType: 'review_case', entityId: caseId },
      async (tx) => {
        const found = await teamCase(tx, context, caseId);
        if (!found) return null;
        const [factsRow] = await caseFacts(tx, { ids: [caseId] });
        const children = (await childrenOf(tx, caseId)).map((row) => ({
          id: row.id,
          position: row.position,
          version: row.version,
          ...openChild(cipher, row),
        }));
        return {
          reviewCase: found,
          facts: toCaseFacts(factsRow!),
          children,
          agencies: await agenciesOfCase(tx, caseId),
          team: await teamOf(tx, caseId),
        };
      },
    );
  }

  async function changeNotification(
    context: TenantContext,
    caseId: string,
    input: NotificationChange,
  ): Promise<Outcome<CaseRow> | null> {
    const errors = {
      ...checkDates(input, calendar.today()),
      ...(await agencyErrors(context, input.agencyIds)),
    };
    return inTenant(db, context, async (tx) => {
      const found = await teamCase(tx, context, caseId);
      if (!found) return null;
      if (found.kind === 'serious_incident' && input.criteria.length === 0)
        errors.criteria = 'Select the criteria the incident meets';
      if (Object.keys(errors).length > 0) return failure(errors);
      const saved = await updateCase(tx, caseId, input.version ?? found.version, {
        awareOn: input.awareOn,
        criteria: input.criteria,
        panelNotifiedOn: input.panelNotifiedOn,
        ofstedNotifiedOn: input.ofstedNotifiedOn,
        partnersNotifiedOn: input.partnersNotifiedOn,
      });
      if (!saved) return failure({ form: await stale(tx, caseId, 'notification') });
      await replaceCaseAgencies(tx, context.partnershipId, caseId, input.agencyIds);
      await audit.record(tx, context, {
        action: 'reviews.notification_changed',
        entityType: 'review_case',
        entityId: caseId,
        before: notificationDates(found),
        after: { ...notificationDates(saved), agencyIds: input.agencyIds },
      });
      return success(saved);
    });
  }

  const stale = (tx: Executor, caseId: string, noun: string) =>
    staleEditMessage(audit, tx, { entityType: 'review_case', entityId: caseId, noun });

  async function addChild(
    context: TenantContext,
    caseId: string,
    input: ChildInput,
  ): Promise<Outcome<true> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await teamCase(tx, context, caseId);
      if (!found) return null;
      const children = await childrenOf(tx, caseId);
      if (children.length >= MOST_CHILDREN)
        return failure({
          childName: `A notification names at most ${MOST_CHILDREN} children, and this case already names ${MOST_CHILDREN}. Notify a further child as a separate incident.`,
        });
      await storeChild(tx, context, caseId, children.length + 1, childDetails(input));
      return success(true as const);
    });
  }

  async function changeChild(
    context: TenantContext,
    caseId: string,
    childId: string,
    input: ChildInput,
  ): Promise<Outcome<true> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await teamCase(tx, context, caseId);
      const child = found && (await childrenOf(tx, caseId)).find((row) => row.id === childId);
      if (!child) return null;
      const saved = await updateChild(
        tx,
        childId,
        input.version ?? child.version,
        sealChild(cipher, childId, childDetails(input)),
      );
      if (!saved) return failure({ form: await stale(tx, caseId, "child's details") });
      await audit.record(tx, context, {
        action: 'reviews.child_changed',
        entityType: 'review_case',
        entityId: caseId,
        after: { position: child.position },
      });
      return success(true as const);
    });
  }

  /** Closes the case: its clocks stop and it leaves the open list. The reason stays with it. */
  async function close(
    context: TenantContext,
    caseId: string,
    input: CloseInput,
  ): Promise<Outcome<CaseRow> | null> {
    return inTenant(db, context, async (tx) => {
      const found = await teamCase(tx, context, caseId);
      if (!found) return null;
      if (found.closedAt) return failure({ closeReason: 'This case is already closed' });
      const saved = await updateCase(tx, caseId, input.version ?? found.version, {
        closedAt: clock.now(),
        closeReason: input.closeReason,
      });
      if (!saved) return failure({ form: await stale(tx, caseId, 'case') });
      // The reason is typed text that could name a child: the audit trail keeps only the fact.
      await audit.record(tx, context, {
        action: 'reviews.case_closed',
        entityType: 'review_case',
        entityId: caseId,
        after: { closed: true },
      });
      return success(saved);
    });
  }

  return { notify, open, forTeam, changeNotification, addChild, changeChild, close };
}

function notificationDates(row: CaseRow) {
  return {
    awareOn: row.awareOn,
    criteria: row.criteria,
    panelNotifiedOn: row.panelNotifiedOn,
    ofstedNotifiedOn: row.ofstedNotifiedOn,
    partnersNotifiedOn: row.partnersNotifiedOn,
  };
}

export type CasesService = ReturnType<typeof buildCasesService>;
