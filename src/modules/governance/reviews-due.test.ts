import { describe, expect, it } from 'vitest';
import { horizon, reviewsDue } from './reviews-due.js';

const body = (name: string, dates: Partial<Parameters<typeof reviewsDue>[0][number]> = {}) => ({
  id: name,
  name,
  closedAt: null,
  chairPersonId: 'chair',
  chairReviewDueOn: null,
  viceChairPersonId: null,
  viceChairReviewDueOn: null,
  termsOfReferenceReviewDueOn: null,
  ...dates,
});

describe('reviews due', () => {
  const today = '2026-11-27';
  const until = horizon(today, 60);

  it('looks the given number of days ahead, across a year end', () => {
    expect(until).toBe('2027-01-26');
  });

  it('lists overdue and upcoming reviews by date, and leaves out later ones', () => {
    const due = reviewsDue(
      [
        body('Tackling Neglect Group', {
          chairReviewDueOn: '2027-01-10',
          termsOfReferenceReviewDueOn: '2026-10-01',
        }),
        body('Learning Group', { chairReviewDueOn: '2027-06-01' }),
        body('Quality Group', { viceChairPersonId: 'vice', viceChairReviewDueOn: '2026-11-27' }),
      ],
      today,
      until,
    );
    expect(due).toEqual([
      {
        bodyId: 'Tackling Neglect Group',
        bodyName: 'Tackling Neglect Group',
        review: 'Terms of reference',
        dueOn: '2026-10-01',
        overdue: true,
      },
      {
        bodyId: 'Quality Group',
        bodyName: 'Quality Group',
        review: 'Vice-chair',
        dueOn: '2026-11-27',
        overdue: false,
      },
      {
        bodyId: 'Tackling Neglect Group',
        bodyName: 'Tackling Neglect Group',
        review: 'Chair',
        dueOn: '2027-01-10',
        overdue: false,
      },
    ]);
  });

  it('ignores closed bodies and a review date with nobody in the role', () => {
    const due = reviewsDue(
      [
        body('Closed Group', { closedAt: new Date('2026-01-01'), chairReviewDueOn: '2026-01-01' }),
        body('Chairless Group', { chairPersonId: null, chairReviewDueOn: '2026-01-01' }),
      ],
      today,
      until,
    );
    expect(due).toEqual([]);
  });
});
