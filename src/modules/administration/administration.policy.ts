import { administrators } from '../../platform/policy.js';

/** Administration is for the partnership's administrators alone. */
export const administrationPolicies = {
  overview: administrators,
  people: administrators,
  auditTrail: administrators,
  outbox: administrators,
};
