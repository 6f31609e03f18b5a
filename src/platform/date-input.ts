import { z } from 'zod';
import { ukIsoDate } from './dates.js';

type Body = Record<string, unknown>;

const part = (body: Body, name: string) => String(body[name] ?? '').trim();

/**
 * Folds each GOV.UK date input's `<name>-day`, `-month` and `-year` fields into one
 * `<name>` value, "day/month/year" as typed, which `calendarDate` then checks.
 */
export function foldDateInputs(body: Body | undefined, names: readonly string[]): Body {
  const folded: Body = { ...(body ?? {}) };
  for (const name of names) {
    const pieces = ['day', 'month', 'year'].map((unit) => part(folded, `${name}-${unit}`));
    if (pieces.every((piece) => piece === '')) folded[name] ??= '';
    else folded[name] = pieces.join('/');
  }
  return folded;
}

const UNITS = ['a day', 'a month', 'a year'] as const;

function realDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** What is wrong with a typed date, in GOV.UK's words, or the ISO date it names. */
function checkDate(typed: string, label: string): { date: string } | { problem: string } {
  const pieces = typed.includes('/') ? typed.split('/') : [typed];
  if (pieces.length !== 3) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed.split('-').reverse() : null;
    if (!iso) return { problem: `${label} must be a real date` };
    return checkDate(iso.join('/'), label);
  }
  const missing = pieces.findIndex((piece) => piece === '');
  if (missing >= 0) return { problem: `${label} must include ${UNITS[missing]}` };
  if (pieces.some((piece) => !/^\d+$/.test(piece)))
    return { problem: `${label} must be a real date` };
  const [day, month, year] = pieces.map(Number) as [number, number, number];
  const date = realDate(day, month, year);
  return date ? { date } : { problem: `${label} must be a real date` };
}

/** A calendar date from a folded date input or an ISO string: "YYYY-MM-DD", or null if optional and blank. */
export function calendarDate(label: string, options: { required: true }): z.ZodType<string>;
export function calendarDate(
  label: string,
  options?: { required?: false },
): z.ZodType<string | null>;
export function calendarDate(
  label: string,
  options: { required?: boolean } = {},
): z.ZodType<string | null> {
  return z
    .string()
    .optional()
    .transform((typed, context) => {
      const value = (typed ?? '').trim();
      if (value === '') {
        if (options.required)
          context.addIssue({ code: 'custom', message: `Enter ${label.toLowerCase()}` });
        return null;
      }
      const checked = checkDate(value, label);
      if ('problem' in checked) {
        context.addIssue({ code: 'custom', message: checked.problem });
        return z.NEVER;
      }
      return checked.date;
    });
}

/** The values a date input shows again after a failed submission, or for a stored date. */
export function dateInputValues(name: string, isoDate: string | null | undefined) {
  const [year, month, day] = isoDate ? isoDate.split('-') : ['', '', ''];
  return {
    [`${name}-day`]: day ? String(Number(day)) : '',
    [`${name}-month`]: month ? String(Number(month)) : '',
    [`${name}-year`]: year ?? '',
  };
}

/** Today's date in the UK, as YYYY-MM-DD. */
export function ukToday(now: Date): string {
  return ukIsoDate(now);
}
