import { MOST_WORKING_DAYS } from '../calendar/working-days.forms.js';
import { day, described, record } from './api-schema-parts.js';

/** How many working days may be counted either way, for the OpenAPI document. */
export const workingDaysCount = {
  type: 'integer',
  minimum: -MOST_WORKING_DAYS,
  maximum: MOST_WORKING_DAYS,
} as const;

/** The working calendar as the API shows it: a date counted in working days. */
export const CALENDAR_SCHEMAS = [
  record('WorkingDayCount', 'A date counted in working days from another.', {
    from: described(day, 'The date counted from (day 0).'),
    add: described(workingDaysCount, 'How many working days were counted; negative counts back.'),
    date: described(day, 'The date reached: always a working day, unless add is 0.'),
  }),
];
