import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';

/**
 * The period and body the statistics cover. Dates come from GOV.UK date inputs
 * (`from-day`, …) or as ISO dates in the address (`from=2026-04-01`).
 */
export const statisticsFilter = z
  .object({
    from: calendarDate('Start of the period', { required: true }),
    to: calendarDate('End of the period', { required: true }),
    body: z.uuid().optional().catch(undefined),
  })
  .refine((filter) => filter.from <= filter.to, {
    path: ['from'],
    message: 'The start of the period must be the same as or before its end',
  });

export type StatisticsFilter = z.infer<typeof statisticsFilter>;

/** The last 12 months up to `today`: the period shown when none is chosen. */
export function lastTwelveMonths(today: string) {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  // A year before 29 February is 28 February; the period starts the day after.
  const lastDayOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  const from = new Date(Date.UTC(year - 1, month - 1, Math.min(day, lastDayOfMonth) + 1));
  return { from: from.toISOString().slice(0, 10), to: today };
}

/** The query folded into one value per date, with the default period where none was given. */
export function statisticsQuery(query: Record<string, unknown>, today: string) {
  const folded = foldDateInputs(query, ['from', 'to']);
  const period = lastTwelveMonths(today);
  return {
    ...folded,
    from: folded.from === '' || folded.from === undefined ? period.from : folded.from,
    to: folded.to === '' || folded.to === undefined ? period.to : folded.to,
  };
}
