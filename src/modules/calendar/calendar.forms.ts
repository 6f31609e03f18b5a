import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../platform/date-input.js';
import { MAX_VERSION, requiredText } from '../../platform/form-fields.js';

export const FEWEST_REMINDER_DAYS = 1;
export const MOST_REMINDER_DAYS = 20;

/** A day the partnership does not work, beyond weekends and bank holidays. */
export const nonWorkingDayForm = z.object({
  day: calendarDate('Date', { required: true }),
  name: requiredText('Enter what the day is, for example Office closure', 'Name', 100),
});

export type NonWorkingDayInput = z.infer<typeof nonWorkingDayForm>;

export const parseNonWorkingDayForm = (body: unknown) =>
  foldDateInputs(body as Record<string, unknown>, ['day']);

const reminderDaysMessage = `Enter a whole number of working days from ${FEWEST_REMINDER_DAYS} to ${MOST_REMINDER_DAYS}`;

export const reminderSettingForm = z.object({
  actionReminderWorkingDays: z
    .string({ error: reminderDaysMessage })
    .trim()
    .regex(/^\d+$/, reminderDaysMessage)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(FEWEST_REMINDER_DAYS, reminderDaysMessage)
        .max(MOST_REMINDER_DAYS, reminderDaysMessage),
    ),
  version: z.coerce.number().int().min(0).max(MAX_VERSION).catch(0),
});

export type ReminderSettingInput = z.infer<typeof reminderSettingForm>;
