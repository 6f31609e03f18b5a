import Holidays from 'date-holidays';

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

// English names whatever the server's language settings: the pages and documents are English.
const englandAndWales = new Holidays('GB', 'ENG', { languages: 'en' });
const bankHolidaysByYear = new Map<number, Map<IsoDate, string>>();
const SUBSTITUTE = ' (substitute day)';

/**
 * A substitute day is named as one ("Boxing Day (substitute day)"), never as the holiday
 * itself: a page saying "Boxing Day" on Tuesday 28 December 2027 reads as a mistake.
 */
function nameOf(holiday: { name: string; substitute?: boolean }) {
  return holiday.substitute && !holiday.name.includes('substitute')
    ? holiday.name + SUBSTITUTE
    : holiday.name;
}

/** England and Wales bank holidays of a year, substitute days included. */
function bankHolidays(year: number): Map<IsoDate, string> {
  let holidays = bankHolidaysByYear.get(year);
  if (!holidays) {
    holidays = new Map();
    for (const holiday of englandAndWales.getHolidays(year)) {
      const day = holiday.date.slice(0, 10);
      // One name a day: a substitute day keeps its own name, whatever shares its date.
      if (holiday.type === 'public' && (!holidays.has(day) || holiday.substitute))
        holidays.set(day, nameOf(holiday));
    }
    bankHolidaysByYear.set(year, holidays);
  }
  return holidays;
}

/** The England and Wales bank holidays of a year in date order, for the calendar page. */
export function bankHolidaysOf(year: number): ExtraNonWorkingDay[] {
  return [...bankHolidays(year)].map(([day, name]) => ({ day, name }));
}

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/**
 * Plain UTC arithmetic on calendar dates: deadlines are counted day by day over years of
 * cases and actions on every page, where a general date library's parsing costs the most.
 */
const isoOf = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function timeOf(day: IsoDate): number {
  const parts = ISO_DAY.exec(day);
  if (parts) {
    const [year, month, date] = [Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])];
    const time = new Date(0).setUTCFullYear(year, month, date);
    // 30 February rolls over to March; a real date keeps its month and day.
    const check = new Date(time);
    if (check.getUTCMonth() === month && check.getUTCDate() === date) return time;
  }
  throw new RangeError(`Not a date: ${day}`);
}

const nationalReasons = new Map<IsoDate, string | null>();

/** A bank holiday's name, or the weekday's name at a weekend, or null; the same everywhere. */
function nationalReason(day: IsoDate): string | null {
  let reason = nationalReasons.get(day);
  if (reason === undefined) {
    const weekday = new Date(timeOf(day)).getUTCDay();
    reason =
      bankHolidays(Number(day.slice(0, 4))).get(day) ??
      (weekday === 0 || weekday === 6 ? WEEKDAY_NAMES[weekday]! : null);
    nationalReasons.set(day, reason);
  }
  return reason;
}

const CALENDARS_KEPT = 256;
const calendars = new Map<string, WorkingCalendar>();

/**
 * Working days in England and Wales: weekdays that are not bank holidays or extra days.
 * Partnerships with the same extra days share one calendar, so its running counts are built
 * once per server rather than once per page.
 */
export function workingCalendar(extraDays: readonly ExtraNonWorkingDay[] = []): WorkingCalendar {
  const key = extraDays.map(({ day, name }) => `${day}\t${name}`).join('\n');
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = buildWorkingCalendar(extraDays);
    if (calendars.size >= CALENDARS_KEPT) calendars.delete(calendars.keys().next().value!);
    calendars.set(key, calendar);
  }
  return calendar;
}

function buildWorkingCalendar(extraDays: readonly ExtraNonWorkingDay[]): WorkingCalendar {
  const extra = new Map(extraDays.map(({ day, name }) => [day, name]));

  function nonWorkingReason(day: IsoDate): string | null {
    const national = nationalReason(day);
    // A holiday's name says more than its weekday: "Christmas Day", not "Saturday".
    if (national !== null && !WEEKDAY_NAMES.includes(national)) return national;
    return extra.get(day) ?? national;
  }
  const isWorkingDay = (day: IsoDate) => nonWorkingReason(day) === null;

  function addWorkingDays(from: IsoDate, count: number): IsoDate {
    if (!Number.isInteger(count)) throw new RangeError('Working days are whole days');
    if (count === 0) return from;
    const year = Number(from.slice(0, 4));
    if (count > 0) return workingDayNumber(year, workingDaysThrough(from) + count);
    // Back from a day: the working days strictly before it, less the count, plus one.
    return workingDayNumber(
      year,
      workingDaysThrough(from) - (isWorkingDay(from) ? 1 : 0) + count + 1,
    );
  }

  /** The `ordinal`-th working day counted from the start of `year` (it may fall in another year). */
  function workingDayNumber(year: number, ordinal: number): IsoDate {
    let before = workingDaysBefore(year);
    while (ordinal < 1) {
      year -= 1;
      before = workingDaysBefore(year);
      ordinal += before[before.length - 1]!;
    }
    while (ordinal > before[before.length - 1]!) {
      ordinal -= before[before.length - 1]!;
      year += 1;
      before = workingDaysBefore(year);
    }
    // The first day whose running count reaches the ordinal is that working day.
    let low = 0;
    let high = before.length - 2;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before[middle + 1]! >= ordinal) high = middle;
      else low = middle + 1;
    }
    return isoOf(Date.UTC(year, 0, 1) + low * DAY_MS);
  }

  /**
   * Per year, how many working days come before each day of it: pages count the working
   * days between dates years apart for every case and action they show.
   */
  const workingDaysBeforeByYear = new Map<number, Int32Array>();
  function workingDaysBefore(year: number) {
    let before = workingDaysBeforeByYear.get(year);
    if (!before) {
      const start = Date.UTC(year, 0, 1);
      const length = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
      before = new Int32Array(length + 1);
      for (let index = 0; index < length; index += 1)
        before[index + 1] = before[index]! + (isWorkingDay(isoOf(start + index * DAY_MS)) ? 1 : 0);
      workingDaysBeforeByYear.set(year, before);
    }
    return before;
  }

  /** Working days from the start of the day's year up to and including the day. */
  function workingDaysThrough(day: IsoDate) {
    const year = Number(day.slice(0, 4));
    const index = (timeOf(day) - Date.UTC(year, 0, 1)) / DAY_MS;
    return workingDaysBefore(year)[index + 1]!;
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    // 0 - n rather than -n, so that no count is ever a negative zero.
    if (to < from) return 0 - workingDaysBetween(to, from);
    let count = workingDaysThrough(to) - workingDaysThrough(from);
    for (let year = Number(from.slice(0, 4)); year < Number(to.slice(0, 4)); year += 1) {
      const before = workingDaysBefore(year);
      count += before[before.length - 1]!;
    }
    return count;
  }

  return { nonWorkingReason, isWorkingDay, addWorkingDays, workingDaysBetween };
}
