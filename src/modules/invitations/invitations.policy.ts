import { administrators, publicAccess } from '../../platform/policy.js';

export const invitationPolicies = {
  manage: administrators,
  /** Whoever holds the link: the token is the credential. */
  accept: publicAccess,
};
