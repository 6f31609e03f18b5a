import { z } from 'zod';
import { FIRST_REPORTING_YEAR } from './figures.js';

export const YEAR_CHOICE_MESSAGE = 'Select a reporting year from the list';

/**
 * The reporting year asked for: a year from the first the arrangements have up to the
 * current one. Left out, it is the current one; a year that cannot be read is refused, so
 * that nobody copies another year's figures into a report by mistake.
 */
export const figuresQuery = (currentYear: number) =>
  z.object({
    year: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string({ error: YEAR_CHOICE_MESSAGE })
        .regex(/^\d{4}$/, YEAR_CHOICE_MESSAGE)
        .transform(Number)
        .pipe(
          z
            .number()
            .min(FIRST_REPORTING_YEAR, YEAR_CHOICE_MESSAGE)
            .max(currentYear, YEAR_CHOICE_MESSAGE),
        )
        .default(currentYear),
    ),
  });
