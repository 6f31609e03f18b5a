import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';

export const PARTNERSHIP_TIME_ZONE = 'Europe/London';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * One formatter, made once: pages show hundreds of dates, and building a zoned date object
 * per date cost more than the rest of the page's rendering.
 */
const ukWallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARTNERSHIP_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** A moment's UK calendar date and wall-clock time, as numbers. */
export function ukParts(value: Date | string) {
  const parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of ukWallClock.formatToParts(new Date(value)))
    if (part.type in parts) parts[part.type as keyof typeof parts] = Number(part.value);
  return parts;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "3:05pm" from a 24-hour time. */
const twelveHour = (hour: number, minute: number) =>
  `${hour % 12 === 0 ? 12 : hour % 12}:${twoDigits(minute)}${hour < 12 ? 'am' : 'pm'}`;

/** "26 November 2026, 3:05pm", in UK time whatever the server's zone. */
export function ukDateTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const { year, month, day, hour, minute } = ukParts(value);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}, ${twelveHour(hour, minute)}`;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "26 November 2026". */
export function ukDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  // A calendar date (a date column, "2026-11-26") is the same day in any zone: no clock to read.
  const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  const monthName = calendar && MONTH_NAMES[Number(calendar[2]) - 1];
  if (calendar && monthName) return `${Number(calendar[3])} ${monthName} ${calendar[1]}`;
  const { year, month, day } = ukParts(value);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** The UK calendar date of a moment, as YYYY-MM-DD. */
export function ukIsoDate(value: Date): string {
  const { year, month, day } = ukParts(value);
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/**
 * A calendar date typed by a person, as 26/11/2026 or 2026-11-26, to the start of that day
 * in UK time; null when it is not a real date (31/02/2026, 2026-13-45, "tomorrow").
 */
export function parseUkDate(text: string): Date | null {
  const trimmed = text.trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = uk
    ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number.NaN, Number.NaN, Number.NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  const date = new TZDate(year, month - 1, day, PARTNERSHIP_TIME_ZONE);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return new Date(date.getTime());
}

/** The start of the UK day after `date`'s (23, 24 or 25 hours later around clock changes). */
export function startOfNextUkDay(date: Date): Date {
  return new Date(addDays(new TZDate(date.getTime(), PARTNERSHIP_TIME_ZONE), 1).getTime());
}

/** The instant a UK wall-clock time (HH:MM) happens on a calendar date (YYYY-MM-DD). */
export function ukMoment(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(
    new TZDate(year!, month! - 1, date!, hours!, minutes!, PARTNERSHIP_TIME_ZONE).getTime(),
  );
}

/** A moment's UK calendar date and 24-hour time, as the meeting form shows them. */
export function ukDateAndTime(value: Date): { day: string; time: string } {
  const { hour, minute } = ukParts(value);
  return { day: ukIsoDate(value), time: `${twoDigits(hour)}:${twoDigits(minute)}` };
}

/** "2:30pm", in UK time. */
export function ukTime(value: Date | string | null | undefined): string {
  if (!value) return '';
  const { hour, minute } = ukParts(value);
  return twelveHour(hour, minute);
}
