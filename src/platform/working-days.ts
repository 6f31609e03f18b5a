import Holidays from 'date-holidays';
import { addDays, format, isWeekend, parseISO } from 'date-fns';

/** A calendar date as YYYY-MM-DD. */
export type IsoDate = string;

/** A day the partnership has added to the bank holidays, e.g. a closure day. */
export interface ExtraNonWorkingDay {
  day: IsoDate;
  name: string;
}

export interface WorkingCalendar {
  /** Why a day is not a working day ("Saturday", "Christmas Day", a closure's name), or null. */
  nonWorkingReason(day: IsoDate): string | null;
  isWorkingDay(day: IsoDate): boolean;
  /** The date `count` working days after `from` (before it when negative); `from` is day 0. */
  addWorkingDays(from: IsoDate, count: number): IsoDate;
  /**
   * Working days after `from` up to and including `to`: how many `addWorkingDays` steps
   * reach the last working day on or before `to`. Negative when `to` is before `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

const englandAndWales = new Holidays('GB', 'ENG');
const bankHolidaysByYear = new Map<number, Map<IsoDate, string>>();

/** England and Wales bank holidays of a year, substitute days included. */
function bankHolidays(year: number): Map<IsoDate, string> {
  let holidays = bankHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map(
      englandAndWales
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => [holiday.date.slice(0, 10), holiday.name]),
    );
    bankHolidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The England and Wales bank holidays of a year in date order, for the calendar page. */
export function bankHolidaysOf(year: number): ExtraNonWorkingDay[] {
  return [...bankHolidays(year)].map(([day, name]) => ({ day, name }));
}

const isoDate = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const step = (day: IsoDate, days: number): IsoDate => isoDate(addDays(parseISO(day), days));

/** Working days in England and Wales: weekdays that are not bank holidays or extra days. */
export function workingCalendar(extraDays: readonly ExtraNonWorkingDay[] = []): WorkingCalendar {
  const extra = new Map(extraDays.map(({ day, name }) => [day, name]));

  function nonWorkingReason(day: IsoDate): string | null {
    const date = parseISO(day);
    if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${day}`);
    // A holiday's name says more than its weekday: "Christmas Day", not "Saturday".
    const named = bankHolidays(date.getFullYear()).get(day) ?? extra.get(day);
    return named ?? (isWeekend(date) ? format(date, 'EEEE') : null);
  }
  const isWorkingDay = (day: IsoDate) => nonWorkingReason(day) === null;

  function addWorkingDays(from: IsoDate, count: number): IsoDate {
    if (!Number.isInteger(count)) throw new RangeError('Working days are whole days');
    const direction = Math.sign(count);
    let day = from;
    for (let left = Math.abs(count); left > 0;) {
      day = step(day, direction);
      if (isWorkingDay(day)) left -= 1;
    }
    return day;
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    if (to < from) return -workingDaysBetween(to, from);
    let count = 0;
    for (let day = step(from, 1); day <= to; day = step(day, 1)) if (isWorkingDay(day)) count += 1;
    return count;
  }

  return { nonWorkingReason, isWorkingDay, addWorkingDays, workingDaysBetween };
}
