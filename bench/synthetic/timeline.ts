/**
 * The synthetic partnership's calendar, counted from the as-of date: days are whole numbers
 * (days since 1970-01-01), moments are milliseconds. Working days are England and Wales'
 * (the app's own calendar); UK wall-clock times go through the app's `ukMoment`, so a
 * 10:00 meeting is 10:00 in London in summer and in winter.
 */
import { ukMoment } from '../../src/platform/dates.js';
import { workingCalendar } from '../../src/platform/working-days.js';

export type Day = number;
const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day of a 'YYYY-MM-DD' date, or null when it is not a real date. */
export function dayOf(iso: string): Day | null {
  if (!ISO_DATE.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return null;
  return ms / DAY_MS;
}

export const isoOf = (day: Day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The same day `months` later (or earlier), the last of the month when it has no such day. */
export function addMonths(day: Day, months: number): Day {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime() / DAY_MS;
}

export class Timeline {
  readonly asOf: Day;
  /** The first day of the history: `years` before the as-of date. */
  readonly start: Day;
  private readonly calendar = workingCalendar();
  private readonly working = new Map<Day, boolean>();
  private readonly midnight = new Map<Day, number>();

  constructor(asOf: string, years: number) {
    const day = dayOf(asOf);
    if (day === null) throw new Error(`Not a date: ${asOf}`);
    this.asOf = day;
    this.start = addMonths(day, -12 * years);
  }

  isWorkingDay(day: Day) {
    let known = this.working.get(day);
    if (known === undefined) {
      known = this.calendar.isWorkingDay(isoOf(day));
      this.working.set(day, known);
    }
    return known;
  }

  /** The day itself when it is a working day, else the next one. */
  workingOnOrAfter(day: Day) {
    let found = day;
    while (!this.isWorkingDay(found)) found += 1;
    return found;
  }

  /** `count` working days after `day` (before it when negative); `day` is day 0. */
  addWorkingDays(day: Day, count: number) {
    let found = day;
    const step = count < 0 ? -1 : 1;
    for (let left = Math.abs(count); left > 0;) {
      found += step;
      if (this.isWorkingDay(found)) left -= 1;
    }
    return found;
  }

  /** The moment of a UK wall-clock time on a day, `minutes` after midnight. */
  at(day: Day, minutes: number) {
    let base = this.midnight.get(day);
    if (base === undefined) {
      base = ukMoment(isoOf(day), '00:00').getTime();
      this.midnight.set(day, base);
    }
    // Clock changes happen at 01:00-02:00 UK time, before any working hour used here.
    return base + minutes * 60_000;
  }

  /** The UK day of a moment between 01:00 and 23:00 UK time, the hours used here. */
  dayOfMoment(ms: number): Day {
    return Math.floor(ms / DAY_MS);
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
