import { describe, expect, it } from 'vitest';
import { termsOfReferenceReviewOverdue } from './terms-of-reference.review.js';

const due = (termsOfReferenceReviewDueOn: string | null, closedAt: Date | null = null) => ({
  termsOfReferenceReviewDueOn,
  closedAt,
});

describe('terms of reference review', () => {
  it('is overdue the day after its review date, not on the day', () => {
    expect(termsOfReferenceReviewOverdue(due('2026-11-25'), '2026-11-26')).toBe(true);
    expect(termsOfReferenceReviewOverdue(due('2026-11-26'), '2026-11-26')).toBe(false);
    expect(termsOfReferenceReviewOverdue(due('2027-01-01'), '2026-11-26')).toBe(false);
  });

  it('compares across months and years as dates', () => {
    expect(termsOfReferenceReviewOverdue(due('2025-12-31'), '2026-01-01')).toBe(true);
    expect(termsOfReferenceReviewOverdue(due('2026-09-30'), '2026-10-01')).toBe(true);
  });

  it('is never overdue without a review date or for a closed body', () => {
    expect(termsOfReferenceReviewOverdue(due(null), '2026-11-26')).toBe(false);
    expect(termsOfReferenceReviewOverdue(due('2020-01-01', new Date()), '2026-11-26')).toBe(false);
  });
});
