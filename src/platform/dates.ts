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
  second: 'numeric',
  hourCycle: 'h23',
});

const HOUR_MS = 3_600_000;
const OFFSETS_KEPT = 4096;
const offsetByHour = new Map<number, number>();

/**
 * How far UK wall-clock time is ahead of UTC in the UTC hour holding `time`. The UK's clocks
 * change on the hour, so one reading of the formatter serves the whole hour: asking it for
 * every date cost a dashboard 3% of its CPU.
 */
function ukOffsetMs(time: number) {
  const hour = Math.floor(time / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of ukWallClock.formatToParts(new Date(start)))
      if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value);
    const { year, month, day, hour: hours, minute, second } = wall;
    offset = Date.UTC(year, month - 1, day, hours, minute, second) - start;
    if (offsetByHour.size >= OFFSETS_KEPT) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** A moment's UK calendar date and wall-clock time, as numbers. */
function ukParts(value: Date | string) {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) throw new RangeError(`Not a moment: ${String(value)}`);
  const wall = new Date(time + ukOffsetMs(time));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
  };
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
