import { z } from 'zod';
import { MAX_VERSION } from '../../platform/form-fields.js';
import type { Timescale, TimescaleKey } from './timescales.js';

/** A whole number within the timescale's bounds, one message for every way to miss it. */
export function timescaleForm(timescale: Timescale) {
  const { unit, fewest, most } = timescale;
  const message = `Enter a whole number of ${unit} from ${fewest} to ${most}`;
  return z.object({
    value: z
      .string({ error: message })
      .trim()
      .regex(/^\d+$/, message)
      .transform(Number)
      .pipe(z.number().min(fewest, message).max(most, message)),
    version: z.coerce.number().int().min(0).max(MAX_VERSION).catch(0),
  });
}

export interface TimescaleInput {
  key: TimescaleKey;
  value: number;
  version: number;
}
