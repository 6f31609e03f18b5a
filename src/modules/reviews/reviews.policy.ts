import { anyRole, signedIn, withSecondFactor } from '../../platform/policy.js';

/**
 * Anyone in the partnership sees a case's reference, stage and deadlines; the business unit
 * records a new notification; everything else about a case needs a second factor, and the
 * service lets only the case's own team in (administrators included: they are not exempt).
 */
export const reviewsPolicies = {
  list: signedIn,
  notify: withSecondFactor(anyRole('administrator', 'business_officer')),
  open: withSecondFactor(signedIn),
};
