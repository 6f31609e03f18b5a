import { administrators, signedIn } from '../../platform/policy.js';

/** The working calendar and the settings counted in working days are the administrators'. */
export const calendarPolicies = {
  manage: administrators,
  /** Counting working days reads the calendar and changes nothing: anyone signed in. */
  count: signedIn,
};
