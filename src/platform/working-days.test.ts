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

  it.each([
    ['2026-12-28', 'Boxing Day (substitute day)'],
    ['2027-12-27', 'Christmas Day (substitute day)'],
    ['2027-12-28', 'Boxing Day (substitute day)'],
  ])('names the Christmas substitute day %s "%s"', (day, name) => {
    expect(calendar.nonWorkingReason(day)).toBe(name);
    expect(bankHolidaysOf(Number(day.slice(0, 4))).find((known) => known.day === day)?.name).toBe(
      name,
    );
  });

  it('names Christmas and Boxing Day themselves on their own dates', () => {
    expect(calendar.nonWorkingReason('2026-12-26')).toBe('Boxing Day');
    expect(calendar.nonWorkingReason('2027-12-26')).toBe('Boxing Day');
    expect(
      bankHolidaysOf(2027)
        .map(({ name }) => name)
        .slice(-4),
    ).toEqual([
      'Christmas Day',
      'Boxing Day',
      'Christmas Day (substitute day)',
      'Boxing Day (substitute day)',
    ]);
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

  it('keeps calendars with different extra days apart, though it builds each only once', () => {
    const first = [{ day: '2026-12-29', name: 'Office closure' }];
    expect(workingCalendar(first)).toBe(workingCalendar([...first]));
    const renamed = workingCalendar([{ day: '2026-12-29', name: 'Staff training' }]);
    expect(renamed.nonWorkingReason('2026-12-29')).toBe('Staff training');
    const another = workingCalendar([{ day: '2026-12-30', name: 'Office closure' }]);
    expect(another.addWorkingDays('2026-12-24', 2)).toBe('2026-12-31');
    expect(workingCalendar(first).addWorkingDays('2026-12-24', 2)).toBe('2026-12-31');
    expect(workingCalendar([]).addWorkingDays('2026-12-24', 2)).toBe('2026-12-30');
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

/** GOV.UK's published bank holidays for England and Wales (www.gov.uk/bank-holidays). */
const PUBLISHED_BANK_HOLIDAYS: Record<number, string[]> = {
  2019: ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

/**
 * The holidays' own dates when they fall on a weekend (the published list has only the
 * substitute weekday): `bankHolidaysOf` names these too, so that the calendar page and
 * the non-working-day form can say "Christmas Day" rather than "Saturday".
 */
const HOLIDAYS_ON_WEEKENDS: Record<number, string[]> = {
  2020: ['12-26'],
  2021: ['12-25', '12-26'],
  2022: ['01-01', '12-25'],
  2023: ['01-01'],
  2026: ['12-26'],
  2027: ['12-25', '12-26'],
};

const published = Object.entries(PUBLISHED_BANK_HOLIDAYS).flatMap(([year, days]) =>
  days.map((day) => `${year}-${day}`),
);
const publishedSet = new Set(published);

/** The neighbouring weekday not in the published list: worked out without date-holidays. */
function nextPublishedWorkingDay(day: string, direction: 1 | -1) {
  const date = new Date(`${day}T12:00:00Z`);
  for (;;) {
    date.setUTCDate(date.getUTCDate() + direction);
    const iso = date.toISOString().slice(0, 10);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    if (!weekend && !publishedSet.has(iso)) return iso;
  }
}

describe('the published England and Wales bank holidays, 2019 to 2027', () => {
  it.each(published)('skips %s when adding a working day to the working day before it', (day) => {
    const before = nextPublishedWorkingDay(day, -1);
    const after = nextPublishedWorkingDay(day, 1);
    expect(calendar.isWorkingDay(day)).toBe(false);
    expect(calendar.addWorkingDays(before, 1)).toBe(after);
    expect(calendar.addWorkingDays(after, -1)).toBe(before);
    expect(calendar.workingDaysBetween(before, after)).toBe(1);
  });

  it.each(Object.keys(PUBLISHED_BANK_HOLIDAYS).map(Number))(
    'lists exactly the published bank holidays of %i, and the weekend dates they replace',
    (year) => {
      const listed = bankHolidaysOf(year).map(({ day }) => day);
      const weekendDates = (HOLIDAYS_ON_WEEKENDS[year] ?? []).map((day) => `${year}-${day}`);
      for (const day of weekendDates) expect([0, 6], day).toContain(new Date(day).getUTCDay());
      expect(listed).toEqual(
        [...PUBLISHED_BANK_HOLIDAYS[year]!.map((day) => `${year}-${day}`), ...weekendDates].sort(),
      );
    },
  );
});

describe('counting working days between dates years apart', () => {
  it('agrees with counting day by day, across years, closures and both directions', () => {
    const calendar = workingCalendar([{ day: '2025-08-04', name: 'Office move' }]);
    const oneByOne = (from: string, to: string) => {
      let count = 0;
      for (let day = from; day < to;) {
        day = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        if (calendar.isWorkingDay(day)) count += 1;
      }
      return count;
    };
    const pairs: [string, string][] = [
      ['2019-12-24', '2027-01-04'],
      ['2024-02-28', '2024-03-01'],
      ['2025-08-01', '2025-08-05'],
      ['2026-12-31', '2027-01-01'],
      ['2020-06-15', '2020-06-15'],
    ];
    for (const [from, to] of pairs) {
      expect(calendar.workingDaysBetween(from, to)).toBe(oneByOne(from, to));
      expect(calendar.workingDaysBetween(to, from)).toBe(0 - oneByOne(from, to));
    }
  });
});

describe('adding working days far ahead or back', () => {
  it('lands where stepping one working day at a time lands', () => {
    const calendar = workingCalendar([{ day: '2026-12-29', name: 'Closure' }]);
    const stepped = (from: string, count: number) => {
      let day = from;
      const direction = Math.sign(count);
      for (let left = Math.abs(count); left > 0;) {
        const time = Date.parse(`${day}T00:00:00Z`) + direction * 86_400_000;
        day = new Date(time).toISOString().slice(0, 10);
        if (calendar.isWorkingDay(day)) left -= 1;
      }
      return day;
    };
    for (const [from, count] of [
      ['2026-12-24', 1],
      ['2026-12-24', 3],
      ['2026-12-31', 1],
      ['2025-06-01', 130],
      ['2019-03-01', 2000],
      ['2026-12-30', -1],
      ['2026-12-28', -1],
      ['2027-01-02', -3],
      ['2027-01-04', -5],
      ['2026-01-01', -1],
      ['2025-06-01', -130],
      ['2027-12-31', -2000],
    ] as const)
      expect(calendar.addWorkingDays(from, count)).toBe(stepped(from, count));
  });

  it('refuses days that do not exist, in any month', () => {
    for (const day of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-01'])
      expect(() => workingCalendar().addWorkingDays(day, 1)).toThrow(RangeError);
    expect(workingCalendar().addWorkingDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
