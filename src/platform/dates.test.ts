import { describe, expect, it } from 'vitest';
import {
  parseUkDate,
  startOfNextUkDay,
  ukDate,
  ukDateAndTime,
  ukDateTime,
  ukMoment,
  ukTime,
} from './dates.js';

describe('UK date formatting', () => {
  it('shows British Summer Time in summer and GMT in winter', () => {
    expect(ukDateTime(new Date('2026-07-01T12:30:00Z'))).toBe('1 July 2026, 1:30pm');
    expect(ukDateTime(new Date('2026-12-01T12:30:00Z'))).toBe('1 December 2026, 12:30pm');
  });

  it('gives the UK calendar date near midnight', () => {
    expect(ukDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(ukDate(null)).toBe('');
  });

  it('names a calendar date as the day it is, every day of two years and at the clock changes', () => {
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2028, 0, 1); time += 86_400_000) {
      const day = new Date(time).toISOString().slice(0, 10);
      expect(ukDate(day)).toBe(ukDate(new Date(`${day}T12:00:00Z`)));
    }
    expect(ukDate('2026-03-29')).toBe('29 March 2026');
    expect(ukDate('2026-10-25')).toBe('25 October 2026');
    expect(ukDate('2026-11-05T00:30:00.000Z')).toBe('5 November 2026');
  });
});

describe('UK wall-clock time', () => {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    dateStyle: 'long',
    timeStyle: 'short',
  });
  /** The same moment as the time-zone formatter names it: "1 July 2026 at 13:30". */
  const expected = (time: number) => formatter.format(new Date(time));
  const shown = (time: number) => {
    const { day, time: clock } = ukDateAndTime(new Date(time));
    return `${ukDate(day)} at ${clock}`;
  };

  it('agrees with the time-zone formatter every seven minutes of two years', () => {
    for (let time = Date.UTC(2026, 0, 1); time < Date.UTC(2028, 0, 1); time += 7 * 60_000)
      if (shown(time) !== expected(time)) expect(shown(time)).toBe(expected(time));
  });

  it('agrees with it around each clock change, second by second, and long ago', () => {
    for (const change of [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)])
      for (let time = change - 120_000; time < change + 120_000; time += 1000)
        expect(shown(time)).toBe(expected(time));
    for (const time of [Date.UTC(1968, 5, 1, 12), Date.UTC(1971, 0, 1, 0, 30), -1])
      expect(shown(time)).toBe(expected(time));
  });

  it('refuses what is not a moment', () => {
    expect(() => ukDateTime('next Tuesday')).toThrow(RangeError);
    expect(() => ukTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('parseUkDate', () => {
  it('reads day/month/year and year-month-day as the start of that UK day', () => {
    expect(parseUkDate('26/11/2026')?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(parseUkDate(' 1/7/2026 ')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(parseUkDate('2026-07-01')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it.each(['31/02/2026', '2026-13-45', '29/02/2027', '00/01/2026', 'tomorrow', '11/26/2026'])(
    'refuses %s',
    (text) => {
      expect(parseUkDate(text)).toBeNull();
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseUkDate('29/02/2028')).not.toBeNull();
  });
});

describe('startOfNextUkDay', () => {
  it('is 25 hours on after the night the clocks go back', () => {
    const start = parseUkDate('25/10/2026')!;
    expect(startOfNextUkDay(start).getTime() - start.getTime()).toBe(25 * 3_600_000);
    expect(startOfNextUkDay(start).toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });
});

describe('meeting times in UK time', () => {
  it('places a wall-clock time on its date in summer and winter', () => {
    expect(ukMoment('2026-07-01', '10:00').toISOString()).toBe('2026-07-01T09:00:00.000Z');
    expect(ukMoment('2026-12-01', '10:00').toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(ukDateAndTime(new Date('2026-07-01T09:00:00Z'))).toEqual({
      day: '2026-07-01',
      time: '10:00',
    });
    expect(ukTime(new Date('2026-12-01T14:30:00Z'))).toBe('2:30pm');
    expect(ukTime(null)).toBe('');
  });

  it('writes midnight and noon the way people say them', () => {
    expect(ukDateTime(new Date('2026-12-01T00:05:00Z'))).toBe('1 December 2026, 12:05am');
    expect(ukTime(new Date('2026-07-01T11:00:00Z'))).toBe('12:00pm');
    expect(ukDateAndTime(new Date('2026-03-29T00:30:00Z'))).toEqual({
      day: '2026-03-29',
      time: '00:30',
    });
    expect(ukDate('2026-03-29')).toBe('29 March 2026');
  });
});
