import { administrators } from '../../platform/policy.js';

/** The working calendar and the settings counted in working days are the administrators'. */
export const calendarPolicies = {
  manage: administrators,
};
