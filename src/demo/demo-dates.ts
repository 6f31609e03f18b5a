import { addDays, addMonths, format, parseISO } from 'date-fns';

/**
 * A demo date: a fixed day ('YYYY-MM-DD'), or a day counted from the day the demo is
 * loaded, so chairs' reviews are "due soon" or "overdue" whenever someone tries it.
 */
export type DemoDate = string | { months: number; days?: number };

export const monthsAgo = (months: number, days = 0): DemoDate => ({
  months: -months,
  days: -days,
});
export const monthsAhead = (months: number, days = 0): DemoDate => ({ months, days });

/** The day a demo date stands for, seen from `today` ('YYYY-MM-DD'). */
export function dayOf(date: DemoDate, today: string): string {
  if (typeof date === 'string') return date;
  return format(addDays(addMonths(parseISO(today), date.months), date.days ?? 0), 'yyyy-MM-dd');
}

/** Section 20: chairs and vice-chairs are reviewed a year after their appointment. */
export function yearAfter(day: string): string {
  return format(addMonths(parseISO(day), 12), 'yyyy-MM-dd');
}

/** The earlier of two days. */
export const earlier = (a: string, b: string) => (a < b ? a : b);
