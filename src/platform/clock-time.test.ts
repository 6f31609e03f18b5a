import { describe, expect, it } from 'vitest';
import { readClockTime } from './clock-time.js';

describe('times of day as people type them', () => {
  it('reads 24-hour and 12-hour times', () => {
    expect(readClockTime('14:30')).toBe('14:30');
    expect(readClockTime('9:05')).toBe('09:05');
    expect(readClockTime('2pm')).toBe('14:00');
    expect(readClockTime('2:30 PM')).toBe('14:30');
    expect(readClockTime('12am')).toBe('00:00');
    expect(readClockTime('12.15pm')).toBe('12:15');
  });

  it('refuses what is not a time', () => {
    for (const typed of ['25:00', '10:60', '13pm', '0am', '10', 'noon', '', '10:5'])
      expect(readClockTime(typed), typed).toBeNull();
  });
});
