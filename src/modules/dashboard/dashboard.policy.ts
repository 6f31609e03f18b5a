import { signedIn } from '../../platform/policy.js';

/**
 * The business unit's dashboard. Chairs and members see it too: it holds meeting dates,
 * publication states and counts, nothing restricted.
 */
export const dashboardPolicies = { read: signedIn };
