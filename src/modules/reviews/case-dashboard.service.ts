import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import { toCsv } from '../../platform/csv.js';
import type { CalendarService } from '../calendar/calendar.service.js';
import type { CaseListFilter } from './case-dashboard.forms.js';
import { caseIdsWithReference } from './case-dashboard.repository.js';
import { toCaseFacts } from './case-facts.js';
import {
  nextDeadline,
  stageOf,
  STAGE_NAMES,
  URGENCY_NAMES,
  type DeadlineKey,
  type Urgency,
} from './case-progress.js';
import { caseFacts, casesOnTeam } from './cases.repository.js';
import { yearFigures, type ReportingYear } from './figures.js';
import { CASE_KINDS } from './reviews.forms.js';

export interface CaseDashboardDependencies {
  db: Database;
  calendar: CalendarService;
}

export const CASES_PAGE_SIZE = 50;

const URGENCY_ORDER: readonly Urgency[] = ['overdue', 'due_soon', 'on_track'];

/** The 5-day clock: the Panel, Ofsted and the DfE, and the partners told of the incident. */
const NOTIFICATION_DEADLINES: ReadonlySet<DeadlineKey> = new Set([
  'notify_panel',
  'notify_ofsted',
  'tell_partners',
]);

export type UrgencyCounts = Record<Urgency, number>;

/** "2 overdue, 1 due within 3 working days, 4 on track". */
export function urgencyCountText(counts: UrgencyCounts) {
  return URGENCY_ORDER.map(
    (urgency) => `${counts[urgency]} ${URGENCY_NAMES[urgency].toLowerCase()}`,
  ).join(', ');
}

const CSV_HEADINGS = [
  'Reference',
  'Kind',
  'Stage',
  'Next deadline',
  'Due',
  'Working days left',
  'Status',
];

/**
 * The case dashboard everyone in the partnership sees: each case's reference, stage and
 * statutory clocks, never a child's details; plus the yearly report's figures.
 */
export function buildCaseDashboardService({ db, calendar }: CaseDashboardDependencies) {
  async function summaries(context: TenantContext, filter: Pick<CaseListFilter, 'q' | 'show'>) {
    const show = filter.show ?? 'open';
    const working = await calendar.workingCalendar(context);
    const today = calendar.today();
    const { rows, mine } = await inTenant(db, context, async (tx) => {
      const ids = filter.q ? await caseIdsWithReference(tx, filter.q) : undefined;
      return {
        rows: await caseFacts(tx, { ids, openOnly: show === 'open' }),
        mine: context.userId ? await casesOnTeam(tx, context.userId) : new Set<string>(),
      };
    });
    return rows
      .map((row) => {
        const facts = toCaseFacts(row);
        return {
          id: row.case.id,
          reference: row.case.reference,
          kind: row.case.kind,
          stage: stageOf(facts),
          closed: facts.closed,
          next: nextDeadline(facts, working, today),
          onTeam: mine.has(row.case.id),
        };
      })
      .filter((row) => show !== 'closed' || row.closed)
      .sort(
        (a, b) =>
          urgencyRank(a.next) - urgencyRank(b.next) ||
          (a.next?.dueOn ?? '').localeCompare(b.next?.dueOn ?? '') ||
          a.reference.localeCompare(b.reference),
      );
  }

  /**
   * Urgency is worked out in working days from each case's own timescales, so the cases are
   * ordered and paged here rather than in SQL: a partnership has tens of cases, not thousands.
   */
  async function matching(context: TenantContext, filter: CaseListFilter) {
    const rows = await summaries(context, filter);
    return filter.stage ? rows.filter((row) => row.stage === filter.stage) : rows;
  }

  async function list(context: TenantContext, filter: CaseListFilter) {
    const rows = await matching(context, filter);
    const page = filter.page ?? 1;
    const counts: UrgencyCounts = { overdue: 0, due_soon: 0, on_track: 0 };
    for (const row of rows) if (row.next) counts[row.next.urgency] += 1;
    return {
      rows: rows.slice((page - 1) * CASES_PAGE_SIZE, page * CASES_PAGE_SIZE),
      total: rows.length,
      page,
      pages: Math.max(1, Math.ceil(rows.length / CASES_PAGE_SIZE)),
      counts,
    };
  }

  async function exportCsv(context: TenantContext, filter: CaseListFilter) {
    const rows = await matching(context, filter);
    return toCsv([
      CSV_HEADINGS,
      ...rows.map((row) => [
        row.reference,
        CASE_KINDS.names[row.kind as keyof typeof CASE_KINDS.names],
        STAGE_NAMES[row.stage],
        row.next?.name ?? 'None running',
        row.next?.dueOn,
        row.next?.workingDaysLeft,
        row.next ? URGENCY_NAMES[row.next.urgency] : '',
      ]),
    ]);
  }

  /** Open cases whose next statutory deadline is overdue or close, for the main dashboard. */
  async function needingAttention(context: TenantContext) {
    const rows = (await summaries(context, {})).filter(
      (row) => row.next && row.next.urgency !== 'on_track',
    );
    return rows.map((row) => ({
      ...row,
      notificationOverdue:
        row.next!.urgency === 'overdue' && NOTIFICATION_DEADLINES.has(row.next!.key),
    }));
  }

  async function figures(context: TenantContext, year: ReportingYear) {
    const working = await calendar.workingCalendar(context);
    const rows = await inTenant(db, context, (tx) => caseFacts(tx));
    return yearFigures(
      rows.map((row) => ({ id: row.case.id, facts: toCaseFacts(row) })),
      year,
      working,
    );
  }

  return { list, exportCsv, needingAttention, figures };
}

function urgencyRank(next: { urgency: Urgency } | null) {
  return next ? URGENCY_ORDER.indexOf(next.urgency) : URGENCY_ORDER.length;
}

export type CaseDashboardService = ReturnType<typeof buildCaseDashboardService>;
