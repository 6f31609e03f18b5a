import { describe, expect, it } from 'vitest';
import { ukDate, ukDateTime } from './dates.js';

describe('UK date formatting', () => {
  it('shows British Summer Time in summer and GMT in winter', () => {
    expect(ukDateTime(new Date('2026-07-01T12:30:00Z'))).toBe('1 July 2026, 1:30pm');
    expect(ukDateTime(new Date('2026-12-01T12:30:00Z'))).toBe('1 December 2026, 12:30pm');
  });

  it('gives the UK calendar date near midnight', () => {
    expect(ukDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    expect(ukDate(null)).toBe('');
  });
});
