import { addDays, format, isWeekend, parseISO } from 'date-fns';
import type { IsoDate, WorkingCalendar } from '../../platform/working-days.js';

/** A day the count passed over that is neither a Saturday nor a Sunday, and why. */
export interface NamedNonWorkingDay {
  day: IsoDate;
  reason: string;
}

/** Counting working days from a date, and what the count passed over on the way. */
export interface WorkingDayCount {
  from: IsoDate;
  add: number;
  date: IsoDate;
  /** Why the starting date is not a working day itself, or null when it is. */
  fromReason: string | null;
  /** Saturdays and Sundays passed over, a holiday falling on one included. */
  weekendDays: number;
  /** Bank holidays and the partnership's own days passed over, in date order. */
  namedDays: NamedNonWorkingDay[];
}

const nextDay = (day: IsoDate) => format(addDays(parseISO(day), 1), 'yyyy-MM-dd');

/** The non-working days strictly between two dates, in date order. */
function skippedBetween(calendar: WorkingCalendar, first: IsoDate, last: IsoDate) {
  const skipped: { day: IsoDate; reason: string }[] = [];
  for (let day = nextDay(first); day < last; day = nextDay(day)) {
    const reason = calendar.nonWorkingReason(day);
    if (reason) skipped.push({ day, reason });
  }
  return skipped;
}

/** `add` working days from `from` (back when negative), with the days the count skipped. */
export function countWorkingDays(
  calendar: WorkingCalendar,
  from: IsoDate,
  add: number,
): WorkingDayCount {
  const date = calendar.addWorkingDays(from, add);
  const [first, last] = from <= date ? [from, date] : [date, from];
  const skipped = skippedBetween(calendar, first, last);
  // A holiday on a Saturday is not what moved the count: its weekday substitute is.
  const onWeekends = skipped.filter(({ day }) => isWeekend(parseISO(day)));
  return {
    from,
    add,
    date,
    fromReason: calendar.nonWorkingReason(from),
    weekendDays: onWeekends.length,
    namedDays: skipped.filter((skip) => !onWeekends.includes(skip)),
  };
}
