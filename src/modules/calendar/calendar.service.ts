import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { ukToday } from '../../platform/date-input.js';
import { ukDate } from '../../platform/dates.js';
import { failure, success, type Outcome } from '../../platform/forms.js';
import { staleEditMessage, violatesUnique } from '../../platform/records.js';
import { bankHolidaysOf, workingCalendar } from '../../platform/working-days.js';
import {
  allNonWorkingDays,
  deleteNonWorkingDay,
  findNonWorkingDay,
  findNonWorkingDayOn,
  findSettings,
  insertNonWorkingDay,
  saveSettings,
  type NonWorkingDayRow,
} from './calendar.repository.js';
import { DEFAULT_TIMESCALES, TIMESCALES, type Timescales } from './timescales.js';
import { buildTimescaleSettings } from './timescales.service.js';
import { countWorkingDays } from './working-days.js';
import type { NonWorkingDayInput, ReminderSettingInput } from './calendar.forms.js';

export interface CalendarDependencies {
  db: Database;
  audit: AuditService;
  clock: Clock;
}

export const DEFAULT_ACTION_REMINDER_WORKING_DAYS = 5;

const WEEKEND_NAMES: Record<number, string> = { 0: 'Sunday', 6: 'Saturday' };
/** "1 January 2027" for a calendar date, whatever the server's zone. */
const dayName = (day: string) => ukDate(`${day}T12:00:00Z`);

/** Why a day need not or cannot be added: it is a weekend day or already a bank holiday. */
function alreadyNonWorking(day: string) {
  const holiday = bankHolidaysOf(Number(day.slice(0, 4))).find((known) => known.day === day);
  if (holiday) return `${dayName(day)} is already a bank holiday: ${holiday.name}`;
  const weekend = WEEKEND_NAMES[new Date(`${day}T12:00:00Z`).getUTCDay()];
  if (weekend) return `${dayName(day)} is a ${weekend}, which is never a working day`;
  return null;
}

/**
 * The partnership's working calendar: England and Wales bank holidays plus the days its
 * administrators add, and the settings that count in working days.
 */
export function buildCalendarService({ db, audit, clock }: CalendarDependencies) {
  const today = () => ukToday(clock.now());

  async function workingCalendarOf(context: TenantContext) {
    const extra = await inTenant(db, context, (tx) => allNonWorkingDays(tx));
    return workingCalendar(extra.map(({ day, name }) => ({ day, name })));
  }

  async function settings(context: TenantContext) {
    const row = await inTenant(db, context, (tx) => findSettings(tx, context.partnershipId));
    return {
      actionReminderWorkingDays:
        row?.actionReminderWorkingDays ?? DEFAULT_ACTION_REMINDER_WORKING_DAYS,
      version: row?.version ?? 0,
    };
  }

  /** The statutory timescales new cases take, as the partnership has set them. */
  async function timescales(context: TenantContext): Promise<Timescales & { version: number }> {
    const row = await inTenant(db, context, (tx) => findSettings(tx, context.partnershipId));
    if (!row) return { ...DEFAULT_TIMESCALES, version: 0 };
    const chosen = Object.fromEntries(TIMESCALES.map(({ key }) => [key, row[key]]));
    return { ...(chosen as Timescales), version: row.version };
  }

  /** The date `add` working days from `from`, with the non-working days the count skipped. */
  const countWorkingDaysOf = async (context: TenantContext, from: string, add: number) =>
    countWorkingDays(await workingCalendarOf(context), from, add);

  /** What the calendar page lists: this year's and next year's bank holidays, and extra days. */
  async function overview(context: TenantContext) {
    const year = Number(today().slice(0, 4));
    return {
      bankHolidays: [year, year + 1].map((each) => ({ year: each, days: bankHolidaysOf(each) })),
      extraDays: await inTenant(db, context, (tx) => allNonWorkingDays(tx)),
      settings: await settings(context),
    };
  }

  async function addNonWorkingDay(
    context: TenantContext,
    input: NonWorkingDayInput,
  ): Promise<Outcome<NonWorkingDayRow>> {
    const known = alreadyNonWorking(input.day);
    if (known) return failure({ day: known });
    const duplicate = (name: string) =>
      failure({ day: `${dayName(input.day)} is already a non-working day: ${name}` });
    try {
      return await inTenant(db, context, async (tx) => {
        const existing = await findNonWorkingDayOn(tx, input.day);
        if (existing) return duplicate(existing.name);
        const row = await insertNonWorkingDay(tx, {
          partnershipId: context.partnershipId,
          ...input,
        });
        await audit.record(tx, context, {
          action: 'calendar.non_working_day_added',
          entityType: 'non_working_day',
          entityId: row.id,
          after: { day: row.day, name: row.name },
        });
        return success(row);
      });
    } catch (error) {
      // Two administrators adding the same day at once: the unique index decides.
      if (violatesUnique(error, 'non_working_day_key')) return duplicate(input.name);
      throw error;
    }
  }

  const findNonWorkingDayOf = (context: TenantContext, id: string) =>
    inTenant(db, context, (tx) => findNonWorkingDay(tx, id));

  /** Deletes the day (a setting, not a record: the audit trail keeps that it existed). */
  async function removeNonWorkingDay(context: TenantContext, id: string) {
    return inTenant(db, context, async (tx) => {
      const row = await findNonWorkingDay(tx, id);
      if (!row) return null;
      await deleteNonWorkingDay(tx, id);
      await audit.record(tx, context, {
        action: 'calendar.non_working_day_removed',
        entityType: 'non_working_day',
        entityId: id,
        before: { day: row.day, name: row.name },
      });
      return row;
    });
  }

  async function setReminderDays(
    context: TenantContext,
    input: ReminderSettingInput,
  ): Promise<Outcome<{ actionReminderWorkingDays: number }>> {
    return inTenant(db, context, async (tx) => {
      const before = await findSettings(tx, context.partnershipId);
      const saved = await saveSettings(tx, context.partnershipId, input.version, {
        actionReminderWorkingDays: input.actionReminderWorkingDays,
      });
      if (!saved)
        return failure({
          form: await staleEditMessage(audit, tx, {
            entityType: 'partnership_setting',
            entityId: context.partnershipId,
            noun: 'setting',
          }),
        });
      await audit.record(tx, context, {
        action: 'calendar.settings_changed',
        entityType: 'partnership_setting',
        entityId: context.partnershipId,
        before: {
          actionReminderWorkingDays:
            before?.actionReminderWorkingDays ?? DEFAULT_ACTION_REMINDER_WORKING_DAYS,
        },
        after: { actionReminderWorkingDays: saved.actionReminderWorkingDays },
      });
      return success({ actionReminderWorkingDays: saved.actionReminderWorkingDays });
    });
  }

  return {
    workingCalendar: workingCalendarOf,
    settings,
    timescales,
    ...buildTimescaleSettings({ db, audit }),
    countWorkingDays: countWorkingDaysOf,
    today,
    overview,
    addNonWorkingDay,
    findNonWorkingDay: findNonWorkingDayOf,
    removeNonWorkingDay,
    setReminderDays,
  };
}

export type CalendarService = ReturnType<typeof buildCalendarService>;
