import { administrators, signedIn } from '../../platform/policy.js';

/** Everyone in the partnership can read the registry; administrators maintain it. */
export const governancePolicies = {
  read: signedIn,
  manage: administrators,
};
