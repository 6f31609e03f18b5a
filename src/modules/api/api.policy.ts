import { signedIn, type Policy } from '../../platform/policy.js';

/** Reading the registry through the API: anyone fully signed in, by token or session. */
export const apiRead = signedIn;

/**
 * Opening a case needs a second factor, as on the pages; but a program cannot go and enrol
 * one, so the API answers 403 (not 401) to an account without one.
 */
const openCase: Policy = {
  name: 'signed in, with a second factor enrolled (API)',
  decide: (principal) => {
    const decision = signedIn.decide(principal);
    if (decision !== 'allow') return decision;
    return principal!.mfaEnabled ? 'allow' : 'forbidden';
  },
};

/** Who may reach each of the API module's routes. */
export const apiPolicies = {
  read: apiRead,
  /** A person manages their own tokens, for the partnership they are working in. */
  ownTokens: signedIn,
  openCase,
};
