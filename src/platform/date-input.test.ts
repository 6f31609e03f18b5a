import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms.js';
import { calendarDate, dateInputValues, foldDateInputs, ukToday } from './date-input.js';

const schema = z.object({
  startsOn: calendarDate('Start date', { required: true }),
  endsOn: calendarDate('End date'),
});
const parse = (fields: Record<string, string>) =>
  parseForm(schema, foldDateInputs(fields, ['startsOn', 'endsOn']));

describe('date inputs', () => {
  it('folds day, month and year into an ISO date', () => {
    const result = parse({ 'startsOn-day': '1', 'startsOn-month': '4', 'startsOn-year': '2019' });
    expect(result).toEqual({ ok: true, value: { startsOn: '2019-04-01', endsOn: null } });
  });

  it('accepts an ISO date, as a CSV or the API sends it', () => {
    expect(parseForm(schema, { startsOn: '2026-02-28', endsOn: '' })).toEqual({
      ok: true,
      value: { startsOn: '2026-02-28', endsOn: null },
    });
  });

  it('says what is missing or wrong, in GOV.UK words', () => {
    expect(parse({})).toMatchObject({ ok: false, errors: { startsOn: 'Enter start date' } });
    expect(parse({ 'startsOn-day': '1', 'startsOn-month': '4' })).toMatchObject({
      errors: { startsOn: 'Start date must include a year' },
    });
    expect(
      parse({ 'startsOn-day': '31', 'startsOn-month': '2', 'startsOn-year': '2026' }),
    ).toMatchObject({
      errors: { startsOn: 'Start date must be a real date' },
    });
    expect(
      parse({ 'startsOn-day': 'x', 'startsOn-month': '2', 'startsOn-year': '2026' }),
    ).toMatchObject({
      errors: { startsOn: 'Start date must be a real date' },
    });
    expect(parseForm(schema, { startsOn: '26/11/2026', endsOn: 'soon' })).toMatchObject({
      errors: { endsOn: 'End date must be a real date' },
    });
  });

  it('gives a stored date back as the three fields', () => {
    expect(dateInputValues('startsOn', '2019-04-01')).toEqual({
      'startsOn-day': '1',
      'startsOn-month': '4',
      'startsOn-year': '2019',
    });
  });

  it("knows today's UK date across midnight in summer time", () => {
    expect(ukToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(ukToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
