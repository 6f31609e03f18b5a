import { inTenant, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import { ukToday } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { ACTIONS_PAGE_SIZE, type ActionsDependencies } from './action-context.js';
import { recommendationSource } from './action-records.service.js';
import { referenceSource, sourceKindName } from './action-sources.js';
import { ACTION_STATUSES, isOverdue, type ActionStatus } from './action-status.js';
import type { ActionFilter } from './actions.forms.js';
import {
  actionsOfMeeting,
  actionsOfRecommendations,
  listActions,
  pageOfActions,
  type OwnedAction,
  outstandingCountsOf,
  overdueCountsByAgency,
  type ActionQuery,
  type DescribedAction,
} from './actions.repository.js';

/** Where an action came from, in words: a meeting's item, a review's recommendation, or its reference. */
export function sourceText(row: DescribedAction) {
  if (row.action.sourceType === 'meeting_item' && row.itemTitle)
    return `${row.itemTitle}, ${row.bodyName} meeting on ${ukDate(row.meetingStartsAt)}`;
  if (row.action.sourceType === 'review_recommendation' && row.reviewReference)
    return recommendationSource({
      caseReference: row.reviewReference,
      number: row.recommendationNumber!,
    });
  if (row.action.sourceType === 'reference')
    return referenceSource(row.action.sourceKind, row.action.sourceReference);
  return 'Not recorded';
}

const CSV_HEADINGS = [
  'Title',
  'Source',
  'Body',
  'Owner',
  'Agency',
  'Due date',
  'Status',
  'Overdue',
  'Last update',
];

/** The action log as lists: all actions, a person's, a meeting's; and as CSV. */
/** How many agencies the dashboard names in its overdue actions table. */
export const OVERDUE_AGENCIES_SHOWN = 10;

export function buildActionLists(dependencies: ActionsDependencies) {
  const { db, clock, governance } = dependencies;
  const today = () => ukToday(clock.now());

  /** Each row with whether it is overdue today, and its kind of source in words. */
  const withOverdue = <Row extends { action: DescribedAction['action'] }>(rows: Row[]) => {
    const on = today();
    return rows.map((row) => ({
      ...row,
      overdue: isOverdue(row.action, on),
      sourceKindName: sourceKindName(row.action.sourceKind),
    }));
  };

  const queryOf = (filter: ActionFilter): ActionQuery => ({
    bodyId: filter.body,
    agencyId: filter.agency,
    ownerPersonId: filter.owner,
    ownerName: filter.ownerName,
    status: filter.status,
    sourceKind: filter.source,
    overdueOn: filter.overdue ? today() : undefined,
  });

  async function page(context: TenantContext, query: ActionQuery, number = 1) {
    const result = await inTenant(db, context, (tx) =>
      pageOfActions(tx, query, {
        limit: ACTIONS_PAGE_SIZE,
        offset: (number - 1) * ACTIONS_PAGE_SIZE,
      }),
    );
    return {
      rows: withOverdue(result.rows),
      total: result.total,
      page: number,
      pages: Math.max(1, Math.ceil(result.total / ACTIONS_PAGE_SIZE)),
    };
  }

  const list = (context: TenantContext, filter: ActionFilter) =>
    page(context, queryOf(filter), filter.page);

  /** The signed-in person's actions, or null when their account is not linked to a person. */
  async function mine(context: TenantContext, filter: Pick<ActionFilter, 'status' | 'page'>) {
    const linked = context.userId
      ? await governance.people.ofAccount(context, context.userId)
      : null;
    if (!linked) return null;
    return {
      person: linked.person,
      result: await page(
        context,
        { ownerPersonId: linked.person.id, status: filter.status },
        filter.page,
      ),
    };
  }

  /** The actions arising from one meeting, for following them up between meetings. */
  const ofMeeting = (context: TenantContext, meetingId: string, number?: number) =>
    page(context, { meetingId }, number);

  /** Every action of a meeting, by agenda item, for the meeting page. */
  async function byItemOfMeeting(context: TenantContext, meetingId: string) {
    const rows = await inTenant(db, context, (tx) => actionsOfMeeting(tx, meetingId));
    const byItem: Record<string, (OwnedAction & { overdue: boolean })[]> = {};
    for (const row of withOverdue(rows)) (byItem[row.action.agendaItemId ?? ''] ??= []).push(row);
    return byItem;
  }

  /** The actions of a review's recommendations; the reviews module has checked the case team. */
  async function ofRecommendations(context: TenantContext, recommendationIds: string[]) {
    if (recommendationIds.length === 0) return [];
    const rows = await inTenant(db, context, (tx) =>
      actionsOfRecommendations(tx, recommendationIds),
    );
    return withOverdue(rows);
  }

  async function exportCsv(context: TenantContext, filter: ActionFilter) {
    const rows = await inTenant(db, context, (tx) => listActions(tx, queryOf(filter)));
    return toCsv([
      CSV_HEADINGS,
      ...withOverdue(rows).map((row) => [
        row.action.title,
        sourceText(row),
        row.bodyName,
        row.ownerName,
        row.agencyName,
        row.action.dueOn,
        ACTION_STATUSES.names[row.action.status as ActionStatus],
        row.overdue ? 'yes' : 'no',
        row.lastUpdateAt ? `${ukDate(row.lastUpdateAt)}: ${row.lastUpdateNote}` : '',
      ]),
    ]);
  }

  /** "N open, M overdue" for the signed-in person, or null when they are not linked to a person. */
  async function outstandingOfAccount(context: TenantContext) {
    const linked = context.userId
      ? await governance.people.ofAccount(context, context.userId)
      : null;
    if (!linked) return null;
    return inTenant(db, context, (tx) => outstandingCountsOf(tx, linked.person.id, today()));
  }

  /**
   * Overdue actions by the owner's agency, for the business unit's dashboard: the agencies
   * with the most, and what the rest add up to, so the dashboard stays a glance.
   */
  async function overdueByAgency(context: TenantContext) {
    const counts = await inTenant(db, context, (tx) => overdueCountsByAgency(tx, today()));
    const rest = counts.slice(OVERDUE_AGENCIES_SHOWN);
    return {
      agencies: counts.slice(0, OVERDUE_AGENCIES_SHOWN),
      otherAgencies: rest.length,
      otherOverdue: rest.reduce((sum, row) => sum + row.overdue, 0),
      overdue: counts.reduce((sum, row) => sum + row.overdue, 0),
    };
  }

  return {
    list,
    mine,
    ofMeeting,
    byItemOfMeeting,
    ofRecommendations,
    exportCsv,
    outstandingOfAccount,
    overdueByAgency,
  };
}
