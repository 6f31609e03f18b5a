import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('quotes commas and newlines and keeps formulas as text', () => {
    expect(toCsv([['a,b', 'line\nbreak', '=SUM(A1)', 3, null]])).toBe(
      '"a,b","line\nbreak",\'=SUM(A1),3,\n',
    );
  });
});
