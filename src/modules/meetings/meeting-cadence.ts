import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';

/** How often a body meets, as the registry records it. */
export type MeetingCadence = 'monthly' | 'bi_monthly' | 'quarterly' | 'custom';

/** One meeting of a planned year: the working day it falls on, and why it moved if it did. */
export interface PlannedMeeting {
  day: IsoDate;
  /** The day the cadence gave, when that was not a working day. */
  movedFrom: IsoDate | null;
  /** Why `movedFrom` is not a working day ("Christmas Day", "Saturday"). */
  movedBecause: string | null;
}

const MONTHS_APART: Record<Exclude<MeetingCadence, 'custom'>, number> = {
  monthly: 1,
  bi_monthly: 2,
  quarterly: 3,
};
const MONTHS_PLANNED = 12;
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

// Calendar arithmetic in UTC, so the server's own time zone cannot shift a date.
const utc = ({ year, month, day }: YearMonthDay) => new Date(Date.UTC(year, month - 1, day));
const isoOf = (date: Date): IsoDate => date.toISOString().slice(0, 10);
const daysInMonth = (year: number, month: number) =>
  utc({ year, month: month + 1, day: 0 }).getUTCDate();

function partsOf(day: IsoDate): YearMonthDay {
  const [year, month, date] = day.split('-').map(Number);
  return { year: year!, month: month!, day: date! };
}

function addDays(day: IsoDate, days: number): IsoDate {
  const date = utc(partsOf(day));
  date.setUTCDate(date.getUTCDate() + days);
  return isoOf(date);
}

/** The month `months` after the given one, as year and month. */
function monthAfter(year: number, month: number, months: number) {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/**
 * Which weekday of its month a date is: the 1st to 4th, or the last when it falls in the
 * month's last seven days (so "last Friday" stays the last Friday in a shorter month).
 */
export function occurrenceOf(day: IsoDate) {
  const { year, month, day: date } = partsOf(day);
  const weekday = utc({ year, month, day: date }).getUTCDay();
  const nth = date + 7 > daysInMonth(year, month) ? 'last' : Math.ceil(date / 7);
  return { weekday, nth } as const;
}

/** "the second Tuesday", "the last Friday". */
export function occurrenceName(day: IsoDate) {
  const { weekday, nth } = occurrenceOf(day);
  return `the ${nth === 'last' ? 'last' : ORDINALS[nth - 1]} ${WEEKDAYS[weekday]}`;
}

/** The date of a weekday occurrence in a given month. */
function occurrenceIn(
  year: number,
  month: number,
  { weekday, nth }: ReturnType<typeof occurrenceOf>,
): IsoDate {
  if (nth === 'last') {
    const last = daysInMonth(year, month);
    const lastWeekday = utc({ year, month, day: last }).getUTCDay();
    return isoOf(utc({ year, month, day: last - ((lastWeekday - weekday + 7) % 7) }));
  }
  const firstWeekday = utc({ year, month, day: 1 }).getUTCDay();
  return isoOf(utc({ year, month, day: 1 + ((weekday - firstWeekday + 7) % 7) + (nth - 1) * 7 }));
}

/** The day twelve months after `first` (the last day of the month when it has no such day). */
function yearAfter(first: IsoDate): IsoDate {
  const { year, month, day } = partsOf(first);
  return isoOf(utc({ year: year + 1, month, day: Math.min(day, daysInMonth(year + 1, month)) }));
}

/**
 * The days a body's cadence gives in the twelve months from `first` (first included), before
 * any moves: the same weekday occurrence of every month, second month or third month as the
 * first; for a custom cadence, every `intervalWeeks` weeks.
 */
export function cadenceDays(first: IsoDate, cadence: MeetingCadence, intervalWeeks?: number) {
  const end = yearAfter(first);
  const days: IsoDate[] = [];
  if (cadence === 'custom') {
    if (!intervalWeeks || intervalWeeks < 1) throw new RangeError('A custom cadence needs weeks');
    for (let day = first; day < end; day = addDays(day, intervalWeeks * 7)) days.push(day);
    return days;
  }
  const occurrence = occurrenceOf(first);
  const { year, month } = partsOf(first);
  for (let months = 0; months < MONTHS_PLANNED; months += MONTHS_APART[cadence]) {
    const target = monthAfter(year, month, months);
    days.push(months === 0 ? first : occurrenceIn(target.year, target.month, occurrence));
  }
  return days;
}

/** A day moved to the next working day when it is not one, saying why. */
export function onWorkingDay(
  day: IsoDate,
  calendar: Pick<WorkingCalendar, 'nonWorkingReason'>,
): PlannedMeeting {
  const because = calendar.nonWorkingReason(day);
  if (because === null) return { day, movedFrom: null, movedBecause: null };
  let moved = addDays(day, 1);
  while (calendar.nonWorkingReason(moved) !== null) moved = addDays(moved, 1);
  return { day: moved, movedFrom: day, movedBecause: because };
}

/** A year of meetings from a body's cadence, each on a working day. */
export function planYearOfMeetings(
  first: IsoDate,
  cadence: MeetingCadence,
  calendar: Pick<WorkingCalendar, 'nonWorkingReason'>,
  intervalWeeks?: number,
): PlannedMeeting[] {
  return cadenceDays(first, cadence, intervalWeeks).map((day) => onWorkingDay(day, calendar));
}
