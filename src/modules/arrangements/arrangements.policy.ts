import { administrators, signedIn } from '../../platform/policy.js';

/**
 * Everyone in the partnership reads its arrangements and may ask the chair to amend them
 * (section 26: "any member may request a review"); administrators keep the versions, the
 * review date and the requests' progress.
 */
export const arrangementsPolicies = {
  read: signedIn,
  request: signedIn,
  manage: administrators,
};
