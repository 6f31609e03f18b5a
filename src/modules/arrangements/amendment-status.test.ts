import { describe, expect, it } from 'vitest';
import {
  RATIFIED_BY_HAND,
  statusChangeProblem,
  statusName,
  statusTag,
} from './amendment-status.js';
import { reviewOverdue, yearAfter } from './review-date.js';

const received = { status: 'received', statusNote: null };

describe('amendment request status', () => {
  it('lets a request be scheduled or declined by hand, but never ratified', () => {
    expect(statusChangeProblem(received, { status: 'scheduled', statusNote: null })).toBeNull();
    expect(statusChangeProblem(received, { status: 'ratified', statusNote: 'March' })).toEqual({
      status: RATIFIED_BY_HAND,
    });
    expect(
      statusChangeProblem(received, { status: 'declined', statusNote: 'Covered by section 7' }),
    ).toBeNull();
  });

  it('needs a reason to decline, since the member is told', () => {
    expect(statusChangeProblem(received, { status: 'declined', statusNote: null })).toEqual({
      statusNote: 'Enter why the request was declined: the member who made it is told',
    });
  });

  it('refuses a change that changes nothing, but takes a new note alone', () => {
    expect(statusChangeProblem(received, received)).toEqual({
      status: 'Select a different status, or change the note',
    });
    expect(statusChangeProblem(received, { status: 'received', statusNote: 'Seen' })).toBeNull();
  });

  it('names each status in words with its tag', () => {
    expect([statusName('received'), statusTag('received')]).toEqual([
      'Received',
      'govuk-tag--blue',
    ]);
    expect(statusName('declined')).toBe('Declined');
  });
});

describe('yearly review of the arrangements', () => {
  it('is overdue the day after its date, not on it, and never without one', () => {
    expect(reviewOverdue('2026-07-11', '2026-07-12')).toBe(true);
    expect(reviewOverdue('2026-07-12', '2026-07-12')).toBe(false);
    expect(reviewOverdue(null, '2026-07-12')).toBe(false);
  });

  it('suggests a year after a version, keeping 29 February within February', () => {
    expect(yearAfter('2021-07-12')).toBe('2022-07-12');
    expect(yearAfter('2024-02-29')).toBe('2025-02-28');
  });
});
