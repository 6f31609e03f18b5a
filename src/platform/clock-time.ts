import { z } from 'zod';

/**
 * A time of day as people type it (14:30, 2:30pm, 2pm, 9.15am) to 24-hour "HH:MM", or
 * null when it is not a time.
 */
export function readClockTime(typed: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(typed.trim());
  if (!match) return null;
  const [, hourText, minuteText, meridiem] = match;
  let hours = Number(hourText);
  const minutes = Number(minuteText ?? '0');
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
  } else if (hours > 23 || minuteText === undefined) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A required time field: "Enter the start time", or "… must be a real time, like 14:30". */
export const clockTime = (label: string) =>
  z
    .string()
    .optional()
    .transform((typed, context) => {
      const value = (typed ?? '').trim();
      if (value === '') {
        context.addIssue({ code: 'custom', message: `Enter the ${label.toLowerCase()}` });
        return z.NEVER;
      }
      const time = readClockTime(value);
      if (!time) {
        context.addIssue({
          code: 'custom',
          message: `${label} must be a real time, like 10:00 or 2:30pm`,
        });
        return z.NEVER;
      }
      return time;
    });
