import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';

/** About a year and a half of working days either way: more is surely a typing slip. */
export const MOST_WORKING_DAYS = 400;

const missingCount = 'Enter the number of working days';
const notWhole =
  'Number of working days must be a whole number, for example 10, or -7 to count back';
const outOfRange = `Number of working days must be from -${MOST_WORKING_DAYS} to ${MOST_WORKING_DAYS}`;

/** The page's question: a date and a number of working days to count from it. */
export const workingDaysForm = z.object({
  from: calendarDate('Date to count from', { required: true }),
  add: z
    .string({ error: missingCount })
    .trim()
    .min(1, missingCount)
    .regex(/^[-+]?\d+$/, notWhole)
    .transform(Number)
    .pipe(z.number().min(-MOST_WORKING_DAYS, outOfRange).max(MOST_WORKING_DAYS, outOfRange)),
});

export const parseWorkingDaysQuery = (query: unknown) =>
  foldDateInputs(query as Record<string, unknown>, ['from']);

/** The page was asked a question, rather than opened: any of its fields is in the address. */
export const isWorkingDaysQuestion = (query: unknown) =>
  ['from-day', 'from-month', 'from-year', 'add'].some(
    (field) => (query as Record<string, unknown> | undefined)?.[field] !== undefined,
  );
