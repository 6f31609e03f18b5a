import { administrators, anyRole, signedIn } from '../../platform/policy.js';

/**
 * Everyone in the partnership reads its arrangements; its members may ask the chair to amend
 * them (section 26: "any member may request a review"), which an observer, who watches and
 * takes no part, may not; administrators keep the versions, the review date and the
 * requests' progress.
 */
export const arrangementsPolicies = {
  read: signedIn,
  request: anyRole('administrator', 'business_officer', 'member', 'independent_scrutineer'),
  manage: administrators,
};
