import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { workingCalendar } from '../../platform/working-days.js';
import { isOverdue, latestDueDateToRemind } from './action-status.js';

const next = (day: string, days = 1) => format(addDays(parseISO(day), days), 'yyyy-MM-dd');

describe('overdue', () => {
  it('is an open or in-progress action due before today', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-26' }, '2026-11-27')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-26' }, '2026-11-27')).toBe(true);
  });

  it('is not an action due today or later', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-27' }, '2026-11-27')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-12-01' }, '2026-11-27')).toBe(false);
  });

  it('is never a done, closed or cancelled action, however late', () => {
    for (const status of ['done', 'closed', 'cancelled'])
      expect(isOverdue({ status, dueOn: '2020-01-01' }, '2026-11-27')).toBe(false);
  });
});

describe('when the "due soon" reminder is due', () => {
  const calendar = workingCalendar([{ day: '2027-01-04', name: 'Partnership closure day' }]);
  /** The rule as written: remind once today is N working days before the due date or later. */
  const remindToday = (dueOn: string, today: string, n: number) =>
    today >= calendar.addWorkingDays(dueOn, -n);

  it('reaches exactly the due dates the rule reminds, across weekends and bank holidays', () => {
    for (let today = '2026-12-14'; today <= '2027-01-15'; today = next(today)) {
      for (const n of [0, 1, 3, 5]) {
        const latest = latestDueDateToRemind(calendar, today, n);
        for (let due = today; due <= next(today, 30); due = next(due))
          expect(remindToday(due, today, n), `due ${due}, today ${today}, N ${n}`).toBe(
            due <= latest,
          );
      }
    }
  });

  it('counts five working days back over Christmas and the Boxing Day substitute', () => {
    // Due Thursday 31 December 2026: back over the 30th, 29th, (28th Boxing Day substitute,
    // weekend, 25th Christmas Day) 24th, 23rd and 22nd.
    expect(latestDueDateToRemind(calendar, '2026-12-21', 5)).toBe('2026-12-30');
    expect(latestDueDateToRemind(calendar, '2026-12-22', 5)).toBe('2026-12-31');
  });
});
