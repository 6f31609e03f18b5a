import { vocabulary } from '../../../platform/vocabulary.js';

/**
 * Where a decision stands in the register, worked out from its own record and the latest
 * hearing of it, never stored: recorded (no ratification needed), awaiting ratification,
 * or the outcome of its latest hearing (decision 0023).
 */
export const REGISTER_STATUSES = vocabulary({
  recorded: 'Recorded',
  awaiting: 'Awaiting ratification',
  ratified: 'Ratified',
  not_ratified: 'Not ratified',
  deferred: 'Deferred',
});

export type RegisterStatus = (typeof REGISTER_STATUSES.values)[number];

/** Tag colours; the words carry the status, the colour only repeats it. */
export const REGISTER_STATUS_TAGS: Record<RegisterStatus, string> = {
  recorded: 'govuk-tag--grey',
  awaiting: 'govuk-tag--yellow',
  ratified: 'govuk-tag--green',
  not_ratified: 'govuk-tag--red',
  deferred: 'govuk-tag--orange',
};

/** Still waiting for the ratifying body: never heard, or heard and put off. */
export const WAITING_STATUSES: readonly RegisterStatus[] = ['awaiting', 'deferred'];
