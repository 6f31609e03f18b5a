import { addYears, format, parseISO } from 'date-fns';

/** Past its yearly review date (section 26): due on the day itself is not yet overdue. */
export function reviewOverdue(dueOn: string | null | undefined, today: string): boolean {
  return Boolean(dueOn) && dueOn! < today;
}

/** A year after a calendar date, as the suggested next review after a new version. */
export function yearAfter(isoDate: string): string {
  return format(addYears(parseISO(isoDate), 1), 'yyyy-MM-dd');
}
