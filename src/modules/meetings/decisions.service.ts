import { inTenant, type Executor, type TenantContext } from '../../db/client.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { findAgendaItem, type AgendaItemRow } from './agenda.repository.js';
import { carryToNextMeeting } from './agenda-start.js';
import type { AttendanceService } from './attendance.service.js';
import type { DecisionInput, RatificationInput } from './decisions.forms.js';
import {
  decisionsOfMeeting,
  decisionsWithIds,
  findDecision,
  insertDecision,
  ratificationsOfAny,
  type DecisionView,
} from './decisions.repository.js';
import type { MeetingsDependencies } from './meeting-context.js';
import { findMeeting, type MeetingRow } from './meetings.repository.js';
import { RATIFICATION_OUTCOMES } from './meetings.vocabulary.js';
import { notQuorateBecause } from './quoracy.js';
import { ratificationInWords, type RatificationStage } from './ratification-chain.js';

/** A chain longer than any partnership's reporting lines means a loop in the data: stop. */
const LONGEST_CHAIN = 20;

const isRatificationItem = (item: AgendaItemRow) =>
  item.origin === 'ratification' && item.ratifiesDecisionId !== null;

/** The levels of ratification a decision has been through and is waiting for. */
/**
 * Each decision's ratification stages, all decisions at once: one query per level of the
 * reporting tree, not one per decision (a meeting page shows them all).
 */
async function stagesOfEach(tx: Executor, starts: DecisionView[]) {
  const stages = new Map(starts.map((start) => [start.decision.id, [] as RatificationStage[]]));
  let chains = starts.map((start) => ({ root: start.decision.id, current: start }));
  for (let depth = 0; depth < LONGEST_CHAIN; depth += 1) {
    chains = chains.filter(({ current }) => current.decision.needsRatification);
    if (chains.length === 0) break;
    const heardOf = new Map<string, DecisionView[]>();
    for (const row of await ratificationsOfAny(
      tx,
      chains.map(({ current }) => current.decision.id),
    ))
      heardOf.set(row.decision.ratifiesDecisionId!, [
        ...(heardOf.get(row.decision.ratifiesDecisionId!) ?? []),
        row,
      ]);
    const next: typeof chains = [];
    for (const { root, current } of chains) {
      const heard = heardOf.get(current.decision.id) ?? [];
      stages.get(root)!.push({
        bodyName: current.ratifyingBodyName ?? '',
        hearings: heard.map(({ decision, meetingStartsAt }) => ({
          outcome: decision.ratificationOutcome as RatificationStage['hearings'][number]['outcome'],
          on: meetingStartsAt,
          // A ratified row holds the wording it ratified; the others hold the reason.
          note: decision.ratificationOutcome === 'ratified' ? '' : decision.text,
        })),
      });
      const ratified = heard.find((row) => row.decision.ratificationOutcome === 'ratified');
      if (ratified) next.push({ root, current: ratified });
    }
    chains = next;
  }
  return stages;
}

const stagesOf = async (tx: Executor, start: DecisionView) =>
  (await stagesOfEach(tx, [start])).get(start.decision.id)!;

/**
 * The decision each chain of ratifications started from, for several at once: one query per
 * level of the reporting tree.
 */
async function originalsOf(tx: Executor, ids: string[]) {
  const originals = new Map<string, DecisionView>();
  let chains = ids.map((id) => ({ start: id, current: id }));
  for (let depth = 0; chains.length > 0 && depth <= LONGEST_CHAIN; depth += 1) {
    const found = new Map(
      (await decisionsWithIds(tx, [...new Set(chains.map(({ current }) => current))])).map(
        (view) => [view.decision.id, view],
      ),
    );
    const next: typeof chains = [];
    for (const { start, current } of chains) {
      const view = found.get(current);
      if (!view) continue;
      const parent = view.decision.ratifiesDecisionId;
      if (parent && depth < LONGEST_CHAIN) next.push({ start, current: parent });
      else originals.set(start, view);
    }
    chains = next;
  }
  return originals;
}

const originalOf = async (tx: Executor, id: string) =>
  (await originalsOf(tx, [id])).get(id) ?? null;

/** Why nothing can be decided on the item now, or null. */
function refusalOf(meeting: MeetingRow, item: AgendaItemRow, heard: DecisionView[]) {
  if (meeting.status === 'cancelled')
    return 'This meeting was cancelled, so no decisions can be recorded';
  if (item.withdrawnAt)
    return 'This item was withdrawn from the agenda, so no decisions can be recorded on it';
  if (meeting.minutesStatus === 'approved')
    return 'The minutes of this meeting are approved and locked, so no more decisions can be recorded';
  if (!isRatificationItem(item)) return null;
  const here = heard.find((row) => row.decision.agendaItemId === item.id);
  if (here)
    return `The outcome of this ratification is already recorded: ${RATIFICATION_OUTCOMES.names[here.decision.ratificationOutcome as keyof typeof RATIFICATION_OUTCOMES.names]}`;
  const settled = heard.find((row) => row.decision.ratificationOutcome !== 'deferred');
  if (settled)
    return `${settled.bodyName} already decided this ratification on ${ukDate(settled.meetingStartsAt)}`;
  return null;
}

/** Decisions and recommendations on agenda items, and their ratification (section 21). */
export function buildDecisions(
  dependencies: MeetingsDependencies,
  attendance: Pick<AttendanceService, 'quoracy'>,
) {
  const { db, audit, governance } = dependencies;

  async function loadPlace(tx: Executor, meetingId: string, itemId: string) {
    const meeting = await findMeeting(tx, meetingId);
    const item = await findAgendaItem(tx, itemId);
    if (!meeting || !item || item.meetingId !== meetingId) return null;
    const waiting = item.ratifiesDecisionId
      ? await findDecision(tx, item.ratifiesDecisionId)
      : null;
    const heard = waiting ? await ratificationsOfAny(tx, [waiting.decision.id]) : [];
    return { meeting, item, waiting, refusal: refusalOf(meeting, item, heard) };
  }

  /**
   * Everything the decision forms need about an agenda item: its meeting and body, the body
   * that ratifies the body's decisions, the decision waiting for ratification on a
   * ratification item (and the decision it all started from), and the quorum.
   */
  async function place(context: TenantContext, meetingId: string, itemId: string) {
    const loaded = await inTenant(db, context, async (tx) => {
      const found = await loadPlace(tx, meetingId, itemId);
      const original = found?.waiting ? await originalOf(tx, found.waiting.decision.id) : null;
      return found && { ...found, original };
    });
    if (!loaded) return null;
    const body = (await governance.bodies.get(context, loaded.meeting.bodyId))!;
    const parent = body.reportsToId ? await governance.bodies.get(context, body.reportsToId) : null;
    const quoracy = (await attendance.quoracy(context, meetingId))!;
    return {
      ...loaded,
      body,
      parent: parent && !parent.closedAt ? parent : null,
      ratification: isRatificationItem(loaded.item),
      quoracy,
    };
  }

  type Place = NonNullable<Awaited<ReturnType<typeof place>>>;

  const notQuorate = (found: Place) =>
    `This meeting is not quorate: ${notQuorateBecause(found.quoracy)} (section 21)`;

  async function recordDecision(
    context: TenantContext,
    meetingId: string,
    itemId: string,
    input: DecisionInput,
  ): Promise<Outcome<{ id: string }>> {
    const found = await place(context, meetingId, itemId);
    if (!found) return failure({ refusal: 'This agenda item does not exist' });
    if (found.refusal) return failure({ refusal: found.refusal });
    if (found.ratification)
      return failure({ refusal: 'Record the outcome of this ratification instead' });
    if (input.needsRatification && !found.parent)
      return failure({
        needsRatification: `${found.body.name} does not report to an open body, so nothing can ratify its decisions`,
      });
    if (input.kind === 'decision' && !found.quoracy.quorate)
      return failure({
        kind: `${notQuorate(found)}. Record it as a recommendation, or record attendance first`,
      });
    const ratifyingBody = input.needsRatification ? found.parent : null;
    return inTenant(db, context, async (tx) => {
      const row = await insertDecision(tx, {
        partnershipId: context.partnershipId,
        meetingId,
        agendaItemId: itemId,
        text: input.text,
        kind: input.kind,
        quorate: found.quoracy.quorate,
        needsRatification: input.needsRatification,
        ratifyingBodyId: ratifyingBody?.id ?? null,
        recordedBy: context.userId,
      });
      if (ratifyingBody)
        await carryToNextMeeting(tx, context, ratifyingBody.id, found.meeting.startsAt);
      await audit.record(tx, context, {
        action: `meeting.${input.kind}_recorded`,
        entityType: 'meeting',
        entityId: meetingId,
        after: {
          item: found.item.title,
          text: input.text,
          quorate: found.quoracy.quorate,
          ratifyingBody: ratifyingBody?.name ?? null,
        },
      });
      return success({ id: row.id });
    });
  }

  async function recordRatification(
    context: TenantContext,
    meetingId: string,
    itemId: string,
    input: RatificationInput,
  ): Promise<Outcome<{ id: string }>> {
    const found = await place(context, meetingId, itemId);
    if (!found?.waiting) return failure({ refusal: 'This is not an item for ratification' });
    if (found.refusal) return failure({ refusal: found.refusal });
    if (!found.quoracy.quorate)
      return failure({
        outcome: `${notQuorate(found)}. A ratification needs a quorum: record attendance first`,
      });
    const onwards = input.outcome === 'ratified' && input.needsFurtherRatification;
    if (onwards && !found.parent)
      return failure({
        needsFurtherRatification: `${found.body.name} does not report to an open body, so nothing else can ratify it`,
      });
    const wording = found.waiting.decision.text;
    return inTenant(db, context, async (tx) => {
      // Two people recording the outcome at once: the second finds the first's and stops.
      const again = await loadPlace(tx, meetingId, itemId);
      if (again?.refusal) return failure({ refusal: again.refusal });
      const row = await insertDecision(tx, {
        partnershipId: context.partnershipId,
        meetingId,
        agendaItemId: itemId,
        // A ratified row carries the wording on, so a further body's agenda names it.
        text:
          input.outcome === 'ratified'
            ? [wording, input.note].filter(Boolean).join('\n\n')
            : (input.note ?? ''),
        kind: 'decision',
        quorate: true,
        ratifiesDecisionId: found.waiting!.decision.id,
        ratificationOutcome: input.outcome,
        needsRatification: onwards,
        ratifyingBodyId: onwards ? found.parent!.id : null,
        recordedBy: context.userId,
      });
      if (onwards) await carryToNextMeeting(tx, context, found.parent!.id, found.meeting.startsAt);
      if (input.outcome === 'deferred')
        await carryToNextMeeting(tx, context, found.meeting.bodyId, found.meeting.startsAt);
      await audit.record(tx, context, {
        action: `meeting.ratification_${input.outcome}`,
        entityType: 'meeting',
        entityId: meetingId,
        after: {
          decision: wording,
          decidedBy: found.waiting!.bodyName,
          note: input.note,
          ratifyingBody: onwards ? found.parent!.name : null,
        },
      });
      return success({ id: row.id });
    });
  }

  /** Where a decision stands: each level of ratification it has been through or awaits. */
  async function ratificationChain(context: TenantContext, decisionId: string) {
    return inTenant(db, context, async (tx) => {
      const found = await findDecision(tx, decisionId);
      return found ? stagesOf(tx, found) : [];
    });
  }

  /**
   * The meeting page's decisions, per agenda item, each with its ratification state in
   * words; and for each ratification item, the decision it all started from.
   */
  async function onMeeting(context: TenantContext, meetingId: string, items: AgendaItemRow[]) {
    return inTenant(db, context, async (tx) => {
      const byItem: Record<string, { view: DecisionView; state: string | null }[]> = {};
      const decisions = await decisionsOfMeeting(tx, meetingId);
      const stages = await stagesOfEach(tx, decisions);
      for (const view of decisions)
        (byItem[view.decision.agendaItemId] ??= []).push({
          view,
          state: ratificationInWords(stages.get(view.decision.id)!),
        });
      const ratifying = items.filter(isRatificationItem);
      const found = await originalsOf(
        tx,
        ratifying.map((item) => item.ratifiesDecisionId!),
      );
      const originals: Record<string, DecisionView> = {};
      for (const item of ratifying) {
        const original = found.get(item.ratifiesDecisionId!);
        if (original) originals[item.id] = original;
      }
      return { byItem, originals };
    });
  }

  return { place, recordDecision, recordRatification, ratificationChain, onMeeting };
}

export type DecisionsService = ReturnType<typeof buildDecisions>;
