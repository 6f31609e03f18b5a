import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/working-days.js';
import {
  cadenceDays,
  occurrenceName,
  occurrenceOf,
  onWorkingDay,
  planYearOfMeetings,
} from './meeting-cadence.js';

const calendar = workingCalendar();

describe('the weekday occurrence a date falls on', () => {
  it('counts the weekday from the start of the month', () => {
    expect(occurrenceOf('2027-01-12')).toEqual({ weekday: 2, nth: 2 });
    expect(occurrenceName('2027-01-12')).toBe('the second Tuesday');
    expect(occurrenceName('2027-01-01')).toBe('the first Friday');
  });

  it('calls a date in the last seven days of its month the last', () => {
    expect(occurrenceName('2027-01-25')).toBe('the last Monday');
    expect(occurrenceName('2027-02-22')).toBe('the last Monday');
    expect(occurrenceName('2027-01-24')).toBe('the fourth Sunday');
  });
});

describe('a year of days from a cadence', () => {
  it('gives twelve monthly meetings on the same weekday occurrence', () => {
    expect(cadenceDays('2027-01-12', 'monthly')).toEqual([
      '2027-01-12',
      '2027-02-09',
      '2027-03-09',
      '2027-04-13',
      '2027-05-11',
      '2027-06-08',
      '2027-07-13',
      '2027-08-10',
      '2027-09-14',
      '2027-10-12',
      '2027-11-09',
      '2027-12-14',
    ]);
  });

  it('keeps the last weekday of the month in shorter and longer months', () => {
    expect(cadenceDays('2027-01-29', 'monthly').slice(0, 4)).toEqual([
      '2027-01-29',
      '2027-02-26',
      '2027-03-26',
      '2027-04-30',
    ]);
  });

  it('meets every second month, or every third, across the new year', () => {
    expect(cadenceDays('2026-11-10', 'bi_monthly')).toEqual([
      '2026-11-10',
      '2027-01-12',
      '2027-03-09',
      '2027-05-11',
      '2027-07-13',
      '2027-09-14',
    ]);
    expect(cadenceDays('2027-03-04', 'quarterly')).toEqual([
      '2027-03-04',
      '2027-06-03',
      '2027-09-02',
      '2027-12-02',
    ]);
  });

  it('meets every N weeks for a custom cadence, stopping before a year has passed', () => {
    const days = cadenceDays('2027-01-12', 'custom', 6);
    expect(days).toHaveLength(9);
    expect(days[1]).toBe('2027-02-23');
    expect(days.at(-1)).toBe('2027-12-14');
    expect(cadenceDays('2027-01-12', 'custom', 52)).toEqual(['2027-01-12', '2028-01-11']);
  });

  it('refuses a custom cadence without weeks', () => {
    expect(() => cadenceDays('2027-01-12', 'custom')).toThrow(RangeError);
  });
});

describe('moving a meeting off a day that is not a working day', () => {
  it('leaves a working day alone', () => {
    expect(onWorkingDay('2027-01-12', calendar)).toEqual({
      day: '2027-01-12',
      movedFrom: null,
      movedBecause: null,
    });
  });

  it('moves Christmas Day past the weekend and the substitute Boxing Day, saying why', () => {
    const plan = planYearOfMeetings('2026-01-30', 'monthly', calendar);
    expect(plan.at(-1)).toEqual({
      day: '2026-12-29',
      movedFrom: '2026-12-25',
      movedBecause: 'Christmas Day',
    });
    expect(plan.filter((meeting) => meeting.movedFrom)).toHaveLength(1);
  });

  it('moves bank holiday Mondays and the partnership’s own closure days', () => {
    const withClosure = workingCalendar([{ day: '2027-06-28', name: 'Office move' }]);
    const moved = planYearOfMeetings('2027-05-31', 'monthly', withClosure).filter(
      (meeting) => meeting.movedFrom,
    );
    expect(moved).toEqual([
      { day: '2027-06-01', movedFrom: '2027-05-31', movedBecause: 'Spring bank holiday' },
      { day: '2027-06-29', movedFrom: '2027-06-28', movedBecause: 'Office move' },
      { day: '2027-08-31', movedFrom: '2027-08-30', movedBecause: 'Summer bank holiday' },
      {
        day: '2027-12-29',
        movedFrom: '2027-12-27',
        movedBecause: 'Christmas Day (substitute day)',
      },
    ]);
  });

  it('moves a weekend day to the Monday', () => {
    expect(onWorkingDay('2027-01-09', calendar)).toEqual({
      day: '2027-01-11',
      movedFrom: '2027-01-09',
      movedBecause: 'Saturday',
    });
  });
});
