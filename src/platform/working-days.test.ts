import { describe, expect, it } from 'vitest';
import { bankHolidaysOf, workingCalendar } from './working-days.js';

const calendar = workingCalendar();

describe('working days in England and Wales', () => {
  it('skips the weekend', () => {
    expect(calendar.addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(calendar.nonWorkingReason('2026-11-28')).toBe('Saturday');
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(calendar.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(calendar.workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(calendar.nonWorkingReason('2026-04-03')).toBe('Good Friday');
  });

  it('counts across Christmas, a substitute Boxing Day and New Year', () => {
    // 25 Dec 2026 is a Friday, 26 a Saturday, so Monday 28 is the substitute day.
    expect(calendar.nonWorkingReason('2026-12-28')).toMatch(/substitute/);
    expect(calendar.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
    expect(calendar.workingDaysBetween('2026-12-23', '2027-01-04')).toBe(5);
  });

  it('knows both substitute days when Christmas falls on a weekend', () => {
    expect(calendar.isWorkingDay('2027-12-27')).toBe(false);
    expect(calendar.isWorkingDay('2027-12-28')).toBe(false);
    expect(calendar.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
  });

  it('names a holiday that falls on a weekend by the holiday, not the weekday', () => {
    expect(calendar.nonWorkingReason('2027-12-25')).toBe('Christmas Day');
    expect(calendar.nonWorkingReason('2027-12-27')).toBe('Christmas Day (substitute day)');
  });

  it('lists a year’s bank holidays in date order', () => {
    const holidays = bankHolidaysOf(2027);
    expect(holidays[0]).toEqual({ day: '2027-01-01', name: "New Year's Day" });
    expect(holidays.map(({ day }) => day)).toEqual([...holidays.map(({ day }) => day)].sort());
    expect(holidays.find(({ day }) => day === '2027-08-30')?.name).toBe('Summer bank holiday');
    expect(holidays).toHaveLength(10);
  });

  it('knows one-off bank holidays', () => {
    expect(calendar.nonWorkingReason('2022-09-19')).toMatch(/Funeral/);
    expect(calendar.nonWorkingReason('2023-05-08')).toMatch(/Coronation/);
    expect(calendar.isWorkingDay('2022-06-03')).toBe(false);
    expect(calendar.addWorkingDays('2023-05-05', 1)).toBe('2023-05-09');
  });

  it('adds the days an administrator has marked as not working', () => {
    const withClosure = workingCalendar([{ day: '2026-12-29', name: 'Office closure' }]);
    expect(withClosure.nonWorkingReason('2026-12-29')).toBe('Office closure');
    expect(withClosure.addWorkingDays('2026-12-24', 1)).toBe('2026-12-30');
    expect(calendar.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
  });

  it('counts backwards and reports a reversed range as negative', () => {
    expect(calendar.addWorkingDays('2026-11-30', -1)).toBe('2026-11-27');
    expect(calendar.workingDaysBetween('2026-11-30', '2026-11-27')).toBe(-1);
    expect(calendar.addWorkingDays('2026-11-27', 0)).toBe('2026-11-27');
    expect(calendar.workingDaysBetween('2026-11-27', '2026-11-27')).toBe(0);
  });

  it('refuses what is not a date or not a whole number of days', () => {
    expect(() => calendar.nonWorkingReason('2026-02-31x')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-11-27', 1.5)).toThrow(RangeError);
  });
});
