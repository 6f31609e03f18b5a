import { z } from 'zod';
import { clockTime } from '../../platform/clock-time.js';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { optionalText, requiredId } from '../../platform/form-fields.js';

export const MOST_WEEKS_APART = 52;

/** Weeks between meetings, asked only of a body with a custom cadence. */
const weeksApart = z
  .string()
  .optional()
  .transform((typed, context) => {
    const value = (typed ?? '').trim();
    if (value === '') return null;
    const weeks = /^\d+$/.test(value) ? Number(value) : Number.NaN;
    if (weeks >= 1 && weeks <= MOST_WEEKS_APART) return weeks;
    context.addIssue({
      code: 'custom',
      message: `Weeks between meetings must be a whole number from 1 to ${MOST_WEEKS_APART}`,
    });
    return z.NEVER;
  });

/** A year of a body's meetings: when the first is, the time and place they all share. */
export const yearOfMeetingsForm = z
  .object({
    bodyId: requiredId('Select the body that is meeting'),
    firstDay: calendarDate('Date of the first meeting', { required: true }),
    startTime: clockTime('Start time'),
    endTime: clockTime('End time'),
    location: optionalText('Location', 300).transform((value) => value ?? ''),
    intervalWeeks: weeksApart,
  })
  .refine((year) => year.endTime > year.startTime, {
    path: ['endTime'],
    message: 'The end time must be after the start time',
  });

export type YearOfMeetingsInput = z.infer<typeof yearOfMeetingsForm>;

export const parseYearOfMeetingsForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['firstDay']);
