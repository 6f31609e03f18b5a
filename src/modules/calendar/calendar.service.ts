import { inTenant, type Database, type TenantContext } from '../../db/client.js';
import type { AuditService } from '../../platform/audit/audit.service.js';
import type { Clock } from '../../platform/clock.js';
import { ukToday } from '../../platform/date-input.js';
import { workingCalendar } from '../../platform/working-days.js';
import { allNonWorkingDays, findSettings } from './calendar.repository.js';

export interface CalendarDependencies {
  db: Database;
  audit: AuditService;
  clock: Clock;
}

export const DEFAULT_ACTION_REMINDER_WORKING_DAYS = 5;

/**
 * The partnership's working calendar: England and Wales bank holidays plus the days its
 * administrators add, and the settings that count in working days.
 */
export function buildCalendarService({ db, clock }: CalendarDependencies) {
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

  return {
    workingCalendar: workingCalendarOf,
    settings,
    today: () => ukToday(clock.now()),
  };
}

export type CalendarService = ReturnType<typeof buildCalendarService>;
