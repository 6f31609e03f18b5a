import { anyRole, signedIn } from '../../platform/policy.js';

/**
 * Everyone in the partnership sees its meetings (restricted papers only their body's members);
 * the business unit (administrators and business officers) runs them. A body's own chair and
 * business officer may also accept or decline proposed items, which the service checks.
 */
export const meetingsPolicies = {
  read: signedIn,
  /** Proposing an item or answering a proposal: the service decides who, body by body. */
  takePart: signedIn,
  run: anyRole('administrator', 'business_officer'),
};
