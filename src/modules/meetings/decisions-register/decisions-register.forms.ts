import { z } from 'zod';
import { calendarDate, foldDateInputs } from '../../../platform/date-input.js';
import { REGISTER_STATUSES } from './register-status.js';

/**
 * The register's filters. A body or status that cannot be read is ignored, as the other
 * lists do; a date that is not real is refused with its error, since ignoring it would
 * show a different period from the one asked for.
 */
export const registerFilter = z
  .object({
    body: z.uuid().optional().catch(undefined),
    status: z.enum(REGISTER_STATUSES.values).optional().catch(undefined),
    from: calendarDate('Meetings from'),
    to: calendarDate('Meetings to'),
    page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, {
    path: ['from'],
    message: 'The start of the period must be the same as or before its end',
  });

export type RegisterFilter = z.infer<typeof registerFilter>;

/** The query with each date input's boxes folded into one value (ISO dates pass through). */
export const registerQuery = (query: Record<string, unknown>) =>
  foldDateInputs(query, ['from', 'to']);
