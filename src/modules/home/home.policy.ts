import { signedIn } from '../../platform/policy.js';

export const homePolicies = { home: signedIn };
