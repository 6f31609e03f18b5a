import { inTenant, type TenantContext } from '../../../db/client.js';
import { toCsv } from '../../../platform/csv.js';
import { startOfNextUkDay, ukMoment } from '../../../platform/dates.js';
import { ukToday } from '../../../platform/date-input.js';
import { MEETINGS_PAGE_SIZE, type MeetingsDependencies } from '../meeting-context.js';
import { RATIFICATION_OUTCOMES } from '../meetings.vocabulary.js';
import type { RegisterFilter } from './decisions-register.forms.js';
import {
  registerCount,
  registerRows,
  waitingWithNextMeeting,
  type RegisterQuery,
  type RegisterRow,
} from './decisions-register.repository.js';
import { REGISTER_STATUSES } from './register-status.js';

/** How many waiting decisions the dashboard names; the register has the rest. */
const WAITING_SHOWN = 10;

/** What a row is, in words: a decision, a recommendation, or a ratifying body's outcome. */
export function kindInWords(row: Pick<RegisterRow, 'kind' | 'ratificationOutcome'>) {
  if (row.ratificationOutcome)
    return `Ratification: ${RATIFICATION_OUTCOMES.names[row.ratificationOutcome as keyof typeof RATIFICATION_OUTCOMES.names].toLowerCase()}`;
  return row.kind === 'recommendation' ? 'Recommendation' : 'Decision';
}

const CSV_HEADINGS = ['Meeting date', 'Body', 'Kind', 'Text', 'Status', 'To be ratified by'];

/** The register of every decision and recommendation of the partnership's meetings. */
export function buildDecisionsRegister({ db, clock }: MeetingsDependencies) {
  const queryOf = (filter: RegisterFilter): RegisterQuery => ({
    bodyId: filter.body,
    statuses: filter.status ? [filter.status] : undefined,
    from: filter.from ? ukMoment(filter.from, '00:00') : undefined,
    until: filter.to ? startOfNextUkDay(ukMoment(filter.to, '00:00')) : undefined,
  });

  async function page(context: TenantContext, filter: RegisterFilter) {
    const number = filter.page ?? 1;
    const query = queryOf(filter);
    const { rows, total } = await inTenant(db, context, async (tx) => ({
      rows: await registerRows(tx, query, {
        limit: MEETINGS_PAGE_SIZE,
        offset: (number - 1) * MEETINGS_PAGE_SIZE,
      }),
      total: await registerCount(tx, query),
    }));
    return {
      rows: rows.map((row) => ({ ...row, kindName: kindInWords(row) })),
      total,
      page: number,
      pages: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)),
    };
  }

  async function exportCsv(context: TenantContext, filter: RegisterFilter) {
    const rows = await inTenant(db, context, (tx) => registerRows(tx, queryOf(filter)));
    return toCsv([
      CSV_HEADINGS,
      ...rows.map((row) => [
        ukToday(row.meetingStartsAt),
        row.bodyName,
        kindInWords(row),
        row.text,
        REGISTER_STATUSES.names[row.status],
        row.ratifyingBodyName,
      ]),
    ]);
  }

  /**
   * Decisions waiting for ratification and where they will be heard: the ratifying body's
   * next scheduled meeting, or none, which the dashboard says in words.
   */
  async function waiting(context: TenantContext) {
    const rows = await inTenant(db, context, (tx) =>
      waitingWithNextMeeting(tx, clock.now(), WAITING_SHOWN + 1),
    );
    return { rows: rows.slice(0, WAITING_SHOWN), more: rows.length > WAITING_SHOWN };
  }

  return { page, exportCsv, waiting };
}

export type DecisionsRegisterService = ReturnType<typeof buildDecisionsRegister>;
